using System;
using XairrosX.Drivers.Storage;
using XairrosX.Drivers.Storage.Ata;
using Xunit;

namespace XairrosX.Tests.Drivers.Storage;

public class AtaDiskTests
{
    private static (AtaChannel Channel, FakeAtaDrive Fake) Channel(int sectors = 4096, bool lba48 = true, bool atapiSlave = false)
    {
        var fake = new FakeAtaDrive(0x1F0, 0x3F6, sectors, lba48, atapiSlave);
        for (int i = 0; i < sectors; i++) SectorPattern.Fill(3, i, fake.Disk.AsSpan(i * 512, 512));
        var ports = new FakePortSpace();
        ports.Map(0x1F0, 8, fake);
        ports.Map(0x3F6, 1, fake);
        return (new AtaChannel(ports, 0x1F0, 0x3F6, TimeSpan.FromMilliseconds(50)), fake);
    }

    [Fact]
    public void IdentifyFindsTheMasterAndSkipsAtapiAndEmptyPositions()
    {
        var (channel, _) = Channel(sectors: 5000, atapiSlave: true);
        Assert.Equal(AtaProbeResult.Disk, channel.Identify(0, out AtaIdentity? id));
        Assert.Equal("FAKE ATA DISK", id!.Model);
        Assert.True(id.SupportsLba48);
        Assert.Equal(5000, id.SectorCount);
        Assert.Equal(AtaProbeResult.NotAta, channel.Identify(1, out _));
        var (plain, _) = Channel();
        Assert.Equal(AtaProbeResult.Absent, plain.Identify(1, out _));
    }

    [Fact]
    public void FloatingBusMeansNoDrives()
    {
        var channel = new AtaChannel(new FakePortSpace(), 0x170, 0x376);
        Assert.True(channel.IsFloating);
        Assert.Equal(AtaProbeResult.Absent, channel.Identify(0, out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadsAndWritesWithLba48AndLba28(bool lba48)
    {
        var (channel, fake) = Channel(lba48: lba48);
        Assert.Equal(AtaProbeResult.Disk, channel.Identify(0, out AtaIdentity? id));
        var disk = new AtaDisk("hda", channel, 0, id!);
        var buffer = new byte[300 * 512]; // more than one 256-sector command
        Assert.Equal(0, disk.Read(1000, buffer));
        Assert.Equal(lba48 ? "24" : "20", fake.LastCommand);
        for (int i = 0; i < 300; i++) Assert.True(SectorPattern.Matches(3, 1000 + i, buffer.AsSpan(i * 512, 512)), $"sector {1000 + i}");
        for (int i = 0; i < 300; i++) SectorPattern.Fill(4, 2000 + i, buffer.AsSpan(i * 512, 512));
        Assert.Equal(0, disk.Write(2000, buffer));
        Assert.Equal(lba48 ? "34" : "30", fake.LastCommand);
        Assert.Equal(0, disk.Flush());
        Assert.Equal(1, fake.Flushes);
        for (int i = 0; i < 300; i++) Assert.True(SectorPattern.Matches(4, 2000 + i, fake.Disk.AsSpan((2000 + i) * 512, 512)));
        Assert.True(SectorPattern.Matches(3, 1999, fake.Disk.AsSpan(1999 * 512, 512)));
        Assert.True(SectorPattern.Matches(3, 2300, fake.Disk.AsSpan(2300 * 512, 512)));
    }

    [Fact]
    public void ErrorsAndTimeoutsAreEio()
    {
        var (channel, fake) = Channel();
        channel.Identify(0, out AtaIdentity? id);
        var disk = new AtaDisk("hda", channel, 0, id!);
        Assert.Equal(-BlockErrno.EINVAL, disk.Read(4096, new byte[512]));
        Assert.Equal(-BlockErrno.EINVAL, disk.Write(0, new byte[100]));
        fake.FailingSector = 7;
        Assert.Equal(-BlockErrno.EIO, disk.Read(5, new byte[2048]));
        Assert.Equal(0, disk.Read(8, new byte[512]));
        fake.StuckBusy = true;
        Assert.Equal(-BlockErrno.EIO, disk.Read(0, new byte[512]));
        Assert.Equal(-BlockErrno.EIO, disk.Flush());
    }

    [Fact]
    public void IdentityParsingRejectsNonDisks()
    {
        var words = new ushort[256];
        Assert.Null(AtaIdentity.TryParse(words)); // no LBA support
        words[49] = 0x0200;
        Assert.Null(AtaIdentity.TryParse(words)); // zero capacity
        words[60] = 0x1234; words[61] = 0x0001;
        Assert.Equal(0x11234, AtaIdentity.TryParse(words)!.SectorCount);
        words[0] = 0x8000; // ATAPI
        Assert.Null(AtaIdentity.TryParse(words));
        Assert.Null(AtaIdentity.TryParse(new ushort[10]));
        var random = new Random(7);
        for (int i = 0; i < 2000; i++)
        {
            for (int w = 0; w < 256; w++) words[w] = (ushort)random.Next(65536);
            AtaIdentity? parsed = AtaIdentity.TryParse(words);
            if (parsed != null) Assert.True(parsed.SectorCount > 0 && parsed.Model.Length <= 40);
        }
    }
}
