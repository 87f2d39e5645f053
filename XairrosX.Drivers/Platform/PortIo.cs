namespace XairrosX.Drivers.Platform;

/// <summary>
/// Port I/O as an object, so that drivers built on it (ATA, legacy virtio) run on the host against a
/// simulated device in unit tests; the kernel passes <see cref="MachinePorts.Instance"/>.
/// </summary>
public interface IPortIo
{
    /// <summary>Reads a byte.</summary>
    byte In8(ushort port);
    /// <summary>Reads a 16-bit word.</summary>
    ushort In16(ushort port);
    /// <summary>Reads a 32-bit value.</summary>
    uint In32(ushort port);
    /// <summary>Writes a byte.</summary>
    void Out8(ushort port, byte value);
    /// <summary>Writes a 16-bit word.</summary>
    void Out16(ushort port, ushort value);
    /// <summary>Writes a 32-bit value.</summary>
    void Out32(ushort port, uint value);
}

/// <summary>The machine's I/O ports, through <see cref="Ports"/>.</summary>
public sealed class MachinePorts : IPortIo
{
    /// <summary>The single instance.</summary>
    public static readonly MachinePorts Instance = new();

    /// <inheritdoc/>
    public byte In8(ushort port) => Ports.In8(port);
    /// <inheritdoc/>
    public ushort In16(ushort port) => Ports.In16(port);
    /// <inheritdoc/>
    public uint In32(ushort port) => Ports.In32(port);
    /// <inheritdoc/>
    public void Out8(ushort port, byte value) => Ports.Out8(port, value);
    /// <inheritdoc/>
    public void Out16(ushort port, ushort value) => Ports.Out16(port, value);
    /// <inheritdoc/>
    public void Out32(ushort port, uint value) => Ports.Out32(port, value);
}
