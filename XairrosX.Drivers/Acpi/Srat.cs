using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace XairrosX.Drivers.Acpi;

/// <summary>A processor's NUMA node (SRAT processor local APIC or x2APIC affinity).</summary>
/// <param name="ApicId">The processor's (x2)APIC id.</param>
/// <param name="Node">Its proximity domain.</param>
public readonly record struct ProcessorAffinity(uint ApicId, uint Node);

/// <summary>A memory range's NUMA node (SRAT memory affinity).</summary>
/// <param name="Base">Physical base address.</param>
/// <param name="Length">Bytes.</param>
/// <param name="Node">Proximity domain.</param>
/// <param name="HotPluggable">Whether the range may be hot-plugged.</param>
public readonly record struct MemoryAffinity(ulong Base, ulong Length, uint Node, bool HotPluggable);

/// <summary>
/// The SRAT (System Resource Affinity Table): which NUMA node each processor and memory range belongs to. Only
/// enabled entries are kept. Entries that run past the table end stop the walk, unknown types are skipped.
/// </summary>
public sealed class Srat
{
    private const int HeaderBytes = 48;

    /// <summary>Processors and their nodes.</summary>
    public List<ProcessorAffinity> Processors { get; } = new();
    /// <summary>Memory ranges and their nodes.</summary>
    public List<MemoryAffinity> Memory { get; } = new();

    /// <summary>Distinct proximity domains mentioned, ascending.</summary>
    public SortedSet<uint> Nodes
    {
        get
        {
            var nodes = new SortedSet<uint>();
            foreach (ProcessorAffinity p in Processors) nodes.Add(p.Node);
            foreach (MemoryAffinity m in Memory) nodes.Add(m.Node);
            return nodes;
        }
    }

    /// <summary>The node of a physical address, or null when no memory range covers it.</summary>
    public uint? NodeOf(ulong address)
    {
        foreach (MemoryAffinity m in Memory)
            if (address >= m.Base && address - m.Base < m.Length) return m.Node;
        return null;
    }

    /// <summary>Parses the table.</summary>
    public static Srat Parse(ReadOnlySpan<byte> table)
    {
        if (table.Length < HeaderBytes) throw new FormatException("srat: table shorter than its header");
        var srat = new Srat();
        for (int p = HeaderBytes; p + 2 <= table.Length;)
        {
            byte type = table[p], length = table[p + 1];
            if (length < 2 || p + length > table.Length) break;
            ReadOnlySpan<byte> e = table.Slice(p, length);
            switch (type)
            {
                case 0 when length >= 16: // processor local APIC affinity: domain bits 7:0 at 2, 31:8 at 9..11
                    if ((BinaryPrimitives.ReadUInt32LittleEndian(e.Slice(4)) & 1) != 0)
                        srat.Processors.Add(new ProcessorAffinity(e[3], e[2] | (uint)e[9] << 8 | (uint)e[10] << 16 | (uint)e[11] << 24));
                    break;
                case 1 when length >= 40: // memory affinity
                    uint flags = BinaryPrimitives.ReadUInt32LittleEndian(e.Slice(28));
                    if ((flags & 1) != 0)
                        srat.Memory.Add(new MemoryAffinity(BinaryPrimitives.ReadUInt64LittleEndian(e.Slice(8)), BinaryPrimitives.ReadUInt64LittleEndian(e.Slice(16)),
                            BinaryPrimitives.ReadUInt32LittleEndian(e.Slice(2)), (flags & 2) != 0));
                    break;
                case 2 when length >= 24: // processor local x2APIC affinity
                    if ((BinaryPrimitives.ReadUInt32LittleEndian(e.Slice(12)) & 1) != 0)
                        srat.Processors.Add(new ProcessorAffinity(BinaryPrimitives.ReadUInt32LittleEndian(e.Slice(8)), BinaryPrimitives.ReadUInt32LittleEndian(e.Slice(4))));
                    break;
            }
            p += length;
        }
        return srat;
    }
}
