using System.Collections.Generic;

namespace XairrosX.Drivers.Pci;

/// <summary>One entry of a function's capability list.</summary>
/// <param name="Id">Capability id (0x05 MSI, 0x10 PCI Express, 0x11 MSI-X, 0x09 vendor-specific, …).</param>
/// <param name="Offset">Where it sits in configuration space.</param>
/// <param name="Control">The 16-bit word after the id and next pointer (MSI/MSI-X message control).</param>
public readonly record struct PciCapability(byte Id, byte Offset, ushort Control)
{
    /// <summary>MSI capability id.</summary>
    public const byte Msi = 0x05;
    /// <summary>MSI-X capability id.</summary>
    public const byte MsiX = 0x11;

    /// <summary>For MSI: vectors the function can request (1–32); for MSI-X: the table size (1–2048); else 0.</summary>
    public int Vectors => Id switch
    {
        Msi => 1 << ((Control >> 1) & 7),
        MsiX => (Control & 0x7FF) + 1,
        _ => 0,
    };

    /// <summary>For MSI: whether the message address is 64-bit.</summary>
    public bool Msi64Bit => Id == Msi && (Control & 0x80) != 0;

    /// <summary>For MSI and MSI-X: whether message-signalled delivery is switched on.</summary>
    public bool Enabled => Id switch { Msi => (Control & 1) != 0, MsiX => (Control & 0x8000) != 0, _ => false };

    /// <summary>Short description ("msi 1 vector 64-bit", "msi-x 3 vectors", "pcie", "cap 0x09").</summary>
    public override string ToString() => Id switch
    {
        Msi => $"msi {Vectors} vector{(Vectors == 1 ? "" : "s")}{(Msi64Bit ? " 64-bit" : "")}{(Enabled ? " enabled" : "")}",
        MsiX => $"msi-x {Vectors} vector{(Vectors == 1 ? "" : "s")}{(Enabled ? " enabled" : "")}",
        0x01 => "power-management",
        0x10 => "pcie",
        _ => $"cap 0x{Id:x2}",
    };
}

/// <summary>Walks a function's capability list (status bit 4, pointer at 0x34), bounded against loops and bad pointers.</summary>
public static class PciCapabilities
{
    private const int MaxEntries = 48;

    /// <summary>The capabilities of a function, in list order (empty when it has none or the list is malformed at its head).</summary>
    public static List<PciCapability> Read(IPciConfigSpace config, byte bus, byte device, byte function)
    {
        var list = new List<PciCapability>();
        ushort status = (ushort)(config.Read32(bus, device, function, 0x04) >> 16);
        if ((status & 0x10) == 0) return list;
        byte pointer = (byte)(Byte(config, bus, device, function, 0x34) & 0xFC);
        var seen = new HashSet<byte>();
        while (pointer >= 0x40 && list.Count < MaxEntries && seen.Add(pointer))
        {
            uint head = config.Read32(bus, device, function, pointer);
            list.Add(new PciCapability((byte)head, pointer, (ushort)(head >> 16)));
            pointer = (byte)((head >> 8) & 0xFC);
        }
        return list;
    }

    /// <summary>The capabilities of an enumerated device.</summary>
    public static List<PciCapability> Read(IPciConfigSpace config, PciDevice d) => Read(config, d.Bus, d.Device, d.Function);

    private static byte Byte(IPciConfigSpace config, byte bus, byte device, byte function, byte offset) =>
        (byte)(config.Read32(bus, device, function, (byte)(offset & 0xFC)) >> (8 * (offset & 3)));
}
