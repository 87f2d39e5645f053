using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace XairrosX.Drivers.Acpi;

/// <summary>One PCI Express enhanced configuration (ECAM) window: config space of buses StartBus..EndBus of a segment.</summary>
/// <param name="BaseAddress">Physical address of bus 0's configuration space in this window.</param>
/// <param name="Segment">PCI segment group.</param>
/// <param name="StartBus">First bus decoded.</param>
/// <param name="EndBus">Last bus decoded.</param>
public readonly record struct EcamWindow(ulong BaseAddress, ushort Segment, byte StartBus, byte EndBus)
{
    /// <summary>Physical address of a function's 4 KiB configuration space, or 0 when the bus is outside the window.</summary>
    public ulong AddressOf(byte bus, byte device, byte function) =>
        bus < StartBus || bus > EndBus || device > 31 || function > 7 ? 0 : BaseAddress + ((ulong)bus << 20) + ((ulong)device << 15) + ((ulong)function << 12);
}

/// <summary>The MCFG table: where PCI Express configuration space is memory-mapped (q35 and real PCIe machines).</summary>
public static class Mcfg
{
    private const int HeaderBytes = 44, EntryBytes = 16;

    /// <summary>Parses the table; a length that is not header + whole entries, or an empty window, is a FormatException.</summary>
    public static IReadOnlyList<EcamWindow> Parse(ReadOnlySpan<byte> table)
    {
        if (table.Length < HeaderBytes) throw new FormatException("mcfg: table shorter than its header");
        if ((table.Length - HeaderBytes) % EntryBytes != 0) throw new FormatException($"mcfg: {table.Length - HeaderBytes} entry bytes is not a multiple of {EntryBytes}");
        var windows = new List<EcamWindow>();
        for (int p = HeaderBytes; p < table.Length; p += EntryBytes)
        {
            ReadOnlySpan<byte> e = table.Slice(p, EntryBytes);
            var w = new EcamWindow(BinaryPrimitives.ReadUInt64LittleEndian(e), BinaryPrimitives.ReadUInt16LittleEndian(e.Slice(8)), e[10], e[11]);
            if (w.EndBus < w.StartBus) throw new FormatException($"mcfg: window for buses {w.StartBus}-{w.EndBus} is empty");
            if ((w.BaseAddress & 0xFFFFF) != 0) throw new FormatException($"mcfg: window base 0x{w.BaseAddress:x} is not 1 MiB aligned");
            windows.Add(w);
        }
        return windows;
    }
}
