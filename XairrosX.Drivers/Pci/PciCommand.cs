namespace XairrosX.Drivers.Pci;

/// <summary>Configuration space a driver may also write (the command register, to let a device decode and master).</summary>
public interface IPciConfigAccess : IPciConfigSpace
{
    /// <summary>Writes the aligned 16-bit register at <paramref name="offset"/> of a function.</summary>
    void Write16(byte bus, byte device, byte function, byte offset, ushort value);
}

/// <summary>The PCI command register (offset 4): what a device may decode and whether it may start DMA.</summary>
public static class PciCommand
{
    /// <summary>Decode I/O BARs.</summary>
    public const ushort IoSpace = 0x0001;
    /// <summary>Decode memory BARs.</summary>
    public const ushort MemorySpace = 0x0002;
    /// <summary>May master the bus (DMA).</summary>
    public const ushort BusMaster = 0x0004;

    /// <summary>Sets <paramref name="bits"/> in the command register of <paramref name="device"/> (firmware may leave
    /// bus mastering off; a virtio device's DMA then silently goes nowhere).</summary>
    public static void Enable(IPciConfigAccess config, PciDevice device, ushort bits)
    {
        ushort command = (ushort)config.Read32(device.Bus, device.Device, device.Function, 0x04);
        if ((command & bits) != bits) config.Write16(device.Bus, device.Device, device.Function, 0x04, (ushort)(command | bits));
    }
}
