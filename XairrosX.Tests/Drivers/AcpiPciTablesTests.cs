using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using XairrosX.Drivers.Acpi;
using XairrosX.Drivers.Pci;
using Xunit;

namespace XairrosX.Tests.Drivers;

/// <summary>MCFG and SRAT parsing and the PCI capability walk, over tables and config spaces built from the specs.</summary>
public class AcpiPciTablesTests
{
    private static byte[] Table(string signature, int headerBytes, params byte[][] entries)
    {
        int length = headerBytes;
        foreach (byte[] e in entries) length += e.Length;
        var t = new byte[length];
        for (int i = 0; i < 4; i++) t[i] = (byte)signature[i];
        BinaryPrimitives.WriteUInt32LittleEndian(t.AsSpan(4), (uint)length);
        int p = headerBytes;
        foreach (byte[] e in entries) { e.CopyTo(t, p); p += e.Length; }
        return t;
    }

    private static byte[] McfgEntry(ulong address, ushort segment, byte start, byte end)
    {
        var e = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(e, address);
        BinaryPrimitives.WriteUInt16LittleEndian(e.AsSpan(8), segment);
        e[10] = start;
        e[11] = end;
        return e;
    }

    [Fact]
    public void McfgWindowsAndEcamAddresses()
    {
        IReadOnlyList<EcamWindow> w = Mcfg.Parse(Table("MCFG", 44, McfgEntry(0xB000_0000, 0, 0, 255), McfgEntry(0x1_0000_0000, 1, 16, 31)));
        Assert.Equal(2, w.Count);
        Assert.Equal(new EcamWindow(0xB000_0000, 0, 0, 255), w[0]);
        Assert.Equal(0xB000_0000UL + (3UL << 20) + (4UL << 15) + (2UL << 12), w[0].AddressOf(3, 4, 2));
        Assert.Equal(0UL, w[1].AddressOf(3, 0, 0));       // bus outside the window
        Assert.Equal(0UL, w[0].AddressOf(0, 32, 0));      // no device 32
    }

    [Fact]
    public void MalformedMcfgIsAFormatException()
    {
        Assert.Throws<FormatException>(() => Mcfg.Parse(new byte[20]));
        Assert.Throws<FormatException>(() => Mcfg.Parse(Table("MCFG", 44, new byte[10])));
        Assert.Throws<FormatException>(() => Mcfg.Parse(Table("MCFG", 44, McfgEntry(0xB000_0000, 0, 9, 3))));
        Assert.Throws<FormatException>(() => Mcfg.Parse(Table("MCFG", 44, McfgEntry(0xB000_1000, 0, 0, 3))));
    }

    private static byte[] SratProcessor(byte apic, uint node, bool enabled)
    {
        var e = new byte[16];
        e[0] = 0; e[1] = 16; e[2] = (byte)node; e[3] = apic;
        BinaryPrimitives.WriteUInt32LittleEndian(e.AsSpan(4), enabled ? 1u : 0u);
        e[9] = (byte)(node >> 8); e[10] = (byte)(node >> 16); e[11] = (byte)(node >> 24);
        return e;
    }

    private static byte[] SratMemory(ulong address, ulong length, uint node, uint flags)
    {
        var e = new byte[40];
        e[0] = 1; e[1] = 40;
        BinaryPrimitives.WriteUInt32LittleEndian(e.AsSpan(2), node);
        BinaryPrimitives.WriteUInt64LittleEndian(e.AsSpan(8), address);
        BinaryPrimitives.WriteUInt64LittleEndian(e.AsSpan(16), length);
        BinaryPrimitives.WriteUInt32LittleEndian(e.AsSpan(28), flags);
        return e;
    }

    private static byte[] SratX2Apic(uint apic, uint node)
    {
        var e = new byte[24];
        e[0] = 2; e[1] = 24;
        BinaryPrimitives.WriteUInt32LittleEndian(e.AsSpan(4), node);
        BinaryPrimitives.WriteUInt32LittleEndian(e.AsSpan(8), apic);
        BinaryPrimitives.WriteUInt32LittleEndian(e.AsSpan(12), 1);
        return e;
    }

    [Fact]
    public void SratNodesOfProcessorsAndMemory()
    {
        Srat s = Srat.Parse(Table("SRAT", 48,
            SratProcessor(0, 0, true), SratProcessor(1, 0x0102_0301, true), SratProcessor(2, 1, false),
            SratMemory(0, 0x1000_0000, 0, 1), SratMemory(0x1000_0000, 0x1000_0000, 1, 3), SratMemory(0x2000_0000, 0x1000, 2, 0),
            SratX2Apic(300, 1)));
        Assert.Equal([new ProcessorAffinity(0, 0), new ProcessorAffinity(1, 0x0102_0301), new ProcessorAffinity(300, 1)], s.Processors);
        Assert.Equal(2, s.Memory.Count); // the disabled range is dropped
        Assert.True(s.Memory[1].HotPluggable);
        Assert.Equal(0u, s.NodeOf(0x0FFF_FFFF));
        Assert.Equal(1u, s.NodeOf(0x1000_0000));
        Assert.Null(s.NodeOf(0x2000_0000));
        Assert.Equal([0u, 1u, 0x0102_0301u], s.Nodes);
    }

    [Fact]
    public void RandomSratAndMcfgBytesNeverThrowAnythingButFormatException()
    {
        var random = new Random(11);
        for (int i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            try { Srat.Parse(bytes); } catch (FormatException) { }
            try { Mcfg.Parse(bytes); } catch (FormatException) { }
        }
    }

    private sealed class FakeConfig(Dictionary<int, byte[]> functions) : IPciConfigSpace
    {
        public uint Read32(byte bus, byte device, byte function, byte offset) =>
            functions.TryGetValue(device, out byte[]? space) ? BinaryPrimitives.ReadUInt32LittleEndian(space.AsSpan(offset & 0xFC)) : 0xFFFF_FFFF;
    }

    private static byte[] ConfigWithCapabilities(params (byte Id, byte Offset, ushort Control, byte Next)[] caps)
    {
        var space = new byte[256];
        BinaryPrimitives.WriteUInt16LittleEndian(space.AsSpan(6), 0x10); // status: capability list
        space[0x34] = caps.Length > 0 ? caps[0].Offset : (byte)0;
        foreach (var c in caps)
        {
            space[c.Offset] = c.Id;
            space[c.Offset + 1] = c.Next;
            BinaryPrimitives.WriteUInt16LittleEndian(space.AsSpan(c.Offset + 2), c.Control);
        }
        return space;
    }

    [Fact]
    public void CapabilityListWithMsiAndMsiX()
    {
        var config = new FakeConfig(new() { [3] = ConfigWithCapabilities((0x01, 0x40, 0, 0x50), (0x05, 0x50, 0x0084 | (2 << 1), 0x70), (0x11, 0x70, 0x8002, 0)) });
        List<PciCapability> caps = PciCapabilities.Read(config, 0, 3, 0);
        Assert.Equal(3, caps.Count);
        Assert.Equal("power-management", caps[0].ToString());
        Assert.Equal(4, caps[1].Vectors);
        Assert.True(caps[1].Msi64Bit);
        Assert.False(caps[1].Enabled);
        Assert.Equal("msi 4 vectors 64-bit", caps[1].ToString());
        Assert.Equal(3, caps[2].Vectors);
        Assert.True(caps[2].Enabled);
        Assert.Equal("msi-x 3 vectors enabled", caps[2].ToString());
    }

    [Fact]
    public void LoopingOrBogusCapabilityPointersEnd()
    {
        var looping = new FakeConfig(new() { [0] = ConfigWithCapabilities((0x05, 0x40, 0, 0x60), (0x11, 0x60, 0, 0x40)) });
        Assert.Equal(2, PciCapabilities.Read(looping, 0, 0, 0).Count);
        var intoHeader = new FakeConfig(new() { [0] = ConfigWithCapabilities((0x05, 0x40, 0, 0x10)) });
        Assert.Single(PciCapabilities.Read(intoHeader, 0, 0, 0));
        var noList = new FakeConfig(new() { [0] = new byte[256] });
        Assert.Empty(PciCapabilities.Read(noList, 0, 0, 0));
        var random = new Random(5);
        for (int i = 0; i < 500; i++)
        {
            var space = new byte[256];
            random.NextBytes(space);
            Assert.True(PciCapabilities.Read(new FakeConfig(new() { [0] = space }), 0, 0, 0).Count <= 48);
        }
    }
}
