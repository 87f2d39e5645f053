using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using XairrosX.Drivers.Acpi;
using XairrosX.Drivers.Platform;
using Xunit;

namespace XairrosX.Tests.Drivers;

public class AcpiTablesTests
{
    private sealed class FakeMemory : IPhysicalMemory
    {
        public readonly Dictionary<ulong, byte[]> Regions = new();
        public ReadOnlySpan<byte> Read(ulong address, int length)
        {
            foreach (var (start, bytes) in Regions)
                if (address >= start && address + (ulong)length <= start + (ulong)bytes.Length)
                    return bytes.AsSpan((int)(address - start), length);
            return default;
        }
    }

    private static void FixChecksum(byte[] bytes, int checksumOffset, int length)
    {
        bytes[checksumOffset] = 0;
        byte sum = 0;
        for (int i = 0; i < length; i++) sum += bytes[i];
        bytes[checksumOffset] = (byte)-sum;
    }

    private static byte[] Table(string signature, byte[] body)
    {
        var t = new byte[36 + body.Length];
        Encoding.ASCII.GetBytes(signature).CopyTo(t, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(t.AsSpan(4), (uint)t.Length);
        t[8] = 1;
        Encoding.ASCII.GetBytes("XAIROS").CopyTo(t, 10);
        body.CopyTo(t, 36);
        FixChecksum(t, 9, t.Length);
        return t;
    }

    // An RSDT machine like QEMU's: RSDP → RSDT → FACP (→ DSDT with \_S5) and APIC.
    private static FakeMemory Machine(byte s5Encoding = 0x0A, byte s5Value = 5)
    {
        var mem = new FakeMemory();
        byte[] aml = [0x10, 0x08, (byte)'_', (byte)'S', (byte)'5', (byte)'_', 0x12, 0x06, 0x04, s5Encoding, s5Value, 0x0A, s5Value, 0x00];
        // NameOp precedes the name: 0x08 '_S5_'; place it after a scope byte to look like real AML.
        mem.Regions[0x3000] = Table("DSDT", aml);
        var facpBody = new byte[116 - 36];
        BinaryPrimitives.WriteUInt32LittleEndian(facpBody.AsSpan(40 - 36), 0x3000);
        BinaryPrimitives.WriteUInt16LittleEndian(facpBody.AsSpan(46 - 36), 9);
        BinaryPrimitives.WriteUInt32LittleEndian(facpBody.AsSpan(64 - 36), 0x604);
        mem.Regions[0x4000] = Table("FACP", facpBody);
        var apicBody = new List<byte>();
        apicBody.AddRange(BitConverter.GetBytes(0xFEE00000u));
        apicBody.AddRange(BitConverter.GetBytes(1u));
        apicBody.AddRange(new byte[] { 0, 8, 0, 0, 1, 0, 0, 0 });            // CPU 0, APIC 0, enabled
        apicBody.AddRange(new byte[] { 0, 8, 1, 1, 0, 0, 0, 0 });            // CPU 1, APIC 1, disabled
        apicBody.AddRange(new byte[] { 1, 12, 0, 0, 0, 0, 0xC0, 0xFE, 0, 0, 0, 0 }); // IOAPIC 0 at 0xFEC00000
        apicBody.AddRange(new byte[] { 2, 10, 0, 0, 2, 0, 0, 0, 0, 0 });     // IRQ0 → GSI 2
        mem.Regions[0x5000] = Table("APIC", apicBody.ToArray());
        var rsdtBody = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(rsdtBody, 0x4000);
        BinaryPrimitives.WriteUInt32LittleEndian(rsdtBody.AsSpan(4), 0x5000);
        mem.Regions[0x6000] = Table("RSDT", rsdtBody);
        var rsdp = new byte[20];
        Encoding.ASCII.GetBytes("RSD PTR ").CopyTo(rsdp, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(rsdp.AsSpan(16), 0x6000);
        FixChecksum(rsdp, 8, 20);
        mem.Regions[0x1000] = rsdp;
        return mem;
    }

    [Fact]
    public void FindsTablesThroughRsdtAndDsdtThroughFadt()
    {
        AcpiTables tables = AcpiTables.Load(Machine(), 0x1000);
        Assert.Equal(["FACP", "APIC", "DSDT"], System.Linq.Enumerable.Select(tables.Tables, t => t.Signature));
        Assert.Empty(tables.Rejected);
        Assert.Equal("XAIROS", tables.Find("APIC")!.OemId);
    }

    [Theory]
    [InlineData(0x0A, 5, 5)]
    [InlineData(0x00, 0, 0)]
    [InlineData(0x01, 0, 1)]
    public void PowerInfoReadsPm1aAndS5(byte encoding, byte value, ushort expected)
    {
        PowerInfo power = PowerInfo.From(AcpiTables.Load(Machine(encoding, value), 0x1000))!.Value;
        Assert.Equal(0x604, power.Pm1aControlPort);
        Assert.Equal(9, power.SciInterrupt);
        Assert.Equal(expected, power.SleepTypeS5);
    }

    [Fact]
    public void MadtListsProcessorsIoApicsAndOverrides()
    {
        Madt madt = Madt.Parse(AcpiTables.Load(Machine(), 0x1000).Find("APIC")!.Data);
        Assert.Equal(0xFEE00000UL, madt.LocalApicAddress);
        Assert.True(madt.HasLegacyPic);
        Assert.Equal([new LocalApicEntry(0, 0, true), new LocalApicEntry(1, 1, false)], madt.Processors);
        Assert.Equal(new IoApicEntry(0, 0xFEC00000, 0), Assert.Single(madt.IoApics));
        Assert.Equal(new InterruptOverride(0, 2, 0), Assert.Single(madt.Overrides));
    }

    [Fact]
    public void CorruptTablesAreRejectedWithAReason()
    {
        FakeMemory mem = Machine();
        mem.Regions[0x5000][40] ^= 0xFF; // break the APIC checksum
        AcpiTables tables = AcpiTables.Load(mem, 0x1000);
        Assert.Null(tables.Find("APIC"));
        Assert.Contains(tables.Rejected, r => r.Contains("APIC") && r.Contains("checksum"));
        mem.Regions[0x1000][9] ^= 1;
        Assert.Throws<FormatException>(() => AcpiTables.Load(mem, 0x1000));
        Assert.Throws<FormatException>(() => AcpiTables.Load(mem, 0x9999));
    }

    [Fact]
    public void RandomCorruptionNeverEscapesAsAnUnexpectedException()
    {
        var rng = new Random(7);
        for (int i = 0; i < 3000; i++)
        {
            FakeMemory mem = Machine();
            foreach (byte[] region in mem.Regions.Values)
                for (int f = rng.Next(0, 3); f > 0; f--) region[rng.Next(region.Length)] = (byte)rng.Next(256);
            try
            {
                AcpiTables tables = AcpiTables.Load(mem, 0x1000);
                _ = PowerInfo.From(tables);
                if (tables.Find("APIC") is AcpiTable apic) _ = Madt.Parse(apic.Data);
            }
            catch (FormatException) { }
        }
    }
}
