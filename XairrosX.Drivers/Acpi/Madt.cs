using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace XairrosX.Drivers.Acpi;

/// <summary>A processor's local APIC from the MADT.</summary>
public readonly record struct LocalApicEntry(byte ProcessorId, byte ApicId, bool Enabled);
/// <summary>An I/O APIC from the MADT.</summary>
public readonly record struct IoApicEntry(byte Id, uint Address, uint GlobalInterruptBase);
/// <summary>An ISA interrupt routed to another global system interrupt.</summary>
public readonly record struct InterruptOverride(byte Source, uint GlobalInterrupt, ushort Flags);

/// <summary>The MADT ("APIC"): local APIC address, processors, I/O APICs and interrupt source overrides.</summary>
public sealed class Madt
{
    /// <summary>Physical address of the local APIC.</summary>
    public ulong LocalApicAddress { get; private set; }
    /// <summary>True when a legacy 8259 pair is present (PCAT_COMPAT).</summary>
    public bool HasLegacyPic { get; private set; }
    /// <summary>Processors.</summary>
    public List<LocalApicEntry> Processors { get; } = new();
    /// <summary>I/O APICs.</summary>
    public List<IoApicEntry> IoApics { get; } = new();
    /// <summary>ISA interrupt overrides.</summary>
    public List<InterruptOverride> Overrides { get; } = new();

    /// <summary>Parses the MADT; entries that run past the table end stop the walk.</summary>
    public static Madt Parse(ReadOnlySpan<byte> table)
    {
        var madt = new Madt();
        if (table.Length < 44) throw new FormatException("madt: table shorter than its header");
        madt.LocalApicAddress = BinaryPrimitives.ReadUInt32LittleEndian(table.Slice(36));
        madt.HasLegacyPic = (BinaryPrimitives.ReadUInt32LittleEndian(table.Slice(40)) & 1) != 0;
        for (int p = 44; p + 2 <= table.Length;)
        {
            byte type = table[p], length = table[p + 1];
            if (length < 2 || p + length > table.Length) break;
            ReadOnlySpan<byte> e = table.Slice(p, length);
            switch (type)
            {
                case 0 when length >= 8:
                    madt.Processors.Add(new LocalApicEntry(e[2], e[3], (BinaryPrimitives.ReadUInt32LittleEndian(e.Slice(4)) & 1) != 0));
                    break;
                case 1 when length >= 12:
                    madt.IoApics.Add(new IoApicEntry(e[2], BinaryPrimitives.ReadUInt32LittleEndian(e.Slice(4)), BinaryPrimitives.ReadUInt32LittleEndian(e.Slice(8))));
                    break;
                case 2 when length >= 10:
                    madt.Overrides.Add(new InterruptOverride(e[3], BinaryPrimitives.ReadUInt32LittleEndian(e.Slice(4)), BinaryPrimitives.ReadUInt16LittleEndian(e.Slice(8))));
                    break;
                case 5 when length >= 12:
                    madt.LocalApicAddress = BinaryPrimitives.ReadUInt64LittleEndian(e.Slice(4));
                    break;
            }
            p += length;
        }
        return madt;
    }
}
