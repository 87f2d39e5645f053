using System.Collections.Generic;

namespace XairrosX.Drivers.Pci;

/// <summary>
/// Enumerates PCI functions by brute force over buses 0–255 (devices 0–31, and functions 1–7 only for
/// multi-function devices), reading the type-0/1 header fields and the BARs of type-0 headers.
/// </summary>
public static class PciEnumerator
{
    /// <summary>Every present function.</summary>
    public static List<PciDevice> Enumerate(IPciConfigSpace config)
    {
        var found = new List<PciDevice>();
        for (int bus = 0; bus < 256; bus++)
        {
            for (byte device = 0; device < 32; device++)
            {
                if ((ushort)config.Read32((byte)bus, device, 0, 0) == 0xFFFF) continue;
                byte header = (byte)(config.Read32((byte)bus, device, 0, 0x0C) >> 16);
                int functions = (header & 0x80) != 0 ? 8 : 1;
                for (byte function = 0; function < functions; function++)
                {
                    PciDevice d = Read(config, (byte)bus, device, function);
                    if (d != null) found.Add(d);
                }
            }
        }
        return found;
    }

    private static PciDevice Read(IPciConfigSpace config, byte bus, byte device, byte function)
    {
        uint id = config.Read32(bus, device, function, 0);
        if ((ushort)id == 0xFFFF) return null;
        uint classReg = config.Read32(bus, device, function, 0x08);
        byte headerType = (byte)((config.Read32(bus, device, function, 0x0C) >> 16) & 0x7F);
        int barCount = headerType == 0 ? 6 : headerType == 1 ? 2 : 0;
        var bars = new uint[barCount];
        for (int i = 0; i < barCount; i++) bars[i] = config.Read32(bus, device, function, (byte)(0x10 + 4 * i));
        byte irq = (byte)config.Read32(bus, device, function, 0x3C);
        return new PciDevice(bus, device, function, (ushort)id, (ushort)(id >> 16),
            (byte)(classReg >> 24), (byte)(classReg >> 16), (byte)(classReg >> 8), (byte)classReg, headerType, bars, irq);
    }
}

/// <summary>Configuration mechanism #1: address at port 0xCF8, data at 0xCFC.</summary>
public sealed class PciConfigPorts : IPciConfigAccess
{
    /// <summary>The single instance.</summary>
    public static readonly PciConfigPorts Instance = new();

    /// <inheritdoc/>
    public uint Read32(byte bus, byte device, byte function, byte offset)
    {
        uint address = 0x80000000u | ((uint)bus << 16) | ((uint)(device & 31) << 11) | ((uint)(function & 7) << 8) | (uint)(offset & 0xFC);
        Platform.Ports.Out32(0xCF8, address);
        return Platform.Ports.In32(0xCFC);
    }

    /// <inheritdoc/>
    public void Write16(byte bus, byte device, byte function, byte offset, ushort value)
    {
        uint address = 0x80000000u | ((uint)bus << 16) | ((uint)(device & 31) << 11) | ((uint)(function & 7) << 8) | (uint)(offset & 0xFC);
        Platform.Ports.Out32(0xCF8, address);
        Platform.Ports.Out16((ushort)(0xCFC + (offset & 2)), value);
    }
}
