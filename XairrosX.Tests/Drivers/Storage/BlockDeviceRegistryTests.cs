using System;
using System.Collections.Generic;
using XairrosX.Drivers.Pci;
using XairrosX.Drivers.Storage;
using XairrosX.Drivers.Storage.Virtio;
using Xunit;

namespace XairrosX.Tests.Drivers.Storage;

public class BlockDeviceRegistryTests : IDisposable
{
    private readonly HostDma _dma = new();

    public void Dispose() => _dma.Dispose();

    [Fact]
    public void NamesFollowLinux()
    {
        var registry = new BlockDeviceRegistry();
        var names = new List<string>();
        for (int i = 0; i < 28; i++)
        {
            string name = registry.NextName("vd");
            names.Add(name);
            registry.Register(new RamBlockDevice(name, 1), "ram");
        }
        Assert.Equal("vda", names[0]);
        Assert.Equal("vdz", names[25]);
        Assert.Equal("vdaa", names[26]);
        Assert.Equal("vdab", names[27]);
        Assert.Throws<ArgumentException>(() => registry.Register(new RamBlockDevice("vdb", 1), "ram"));
        Assert.Throws<ArgumentException>(() => registry.Register(new RamBlockDevice("", 1), "ram"));
        Assert.Null(registry.Find("sda"));
    }

    [Theory]
    [InlineData(64L << 20, "64 MiB")]
    [InlineData(4L << 30, "4 GiB")]
    [InlineData((4L << 30) + (1 << 20), "4097 MiB")]
    [InlineData(1536, "1 KiB")]
    public void SizesForHumans(long bytes, string expected) => Assert.Equal(expected, BlockDeviceRegistry.FormatSize(bytes));

    private sealed class FakePci : IPciConfigAccess
    {
        public readonly Dictionary<(byte, byte, byte), uint[]> Functions = new();
        public uint Read32(byte bus, byte device, byte function, byte offset) =>
            Functions.TryGetValue((bus, device, function), out uint[]? r) ? r[offset / 4] : 0xFFFFFFFF;
        public void Write16(byte bus, byte device, byte function, byte offset, ushort value)
        {
            uint[] r = Functions[(bus, device, function)];
            int shift = (offset & 2) * 8;
            r[offset / 4] = (r[offset / 4] & ~(0xFFFFu << shift)) | ((uint)value << shift);
        }

        public void Add(byte dev, ushort vendor, ushort device, uint classReg, uint bar0)
        {
            var r = new uint[64];
            r[0] = vendor | ((uint)device << 16);
            r[1] = 0x0000; // command: nothing enabled, as some firmware leaves it
            r[2] = classReg;
            r[4] = bar0;
            Functions[(0, dev, 0)] = r;
        }
    }

    [Fact]
    public void ProbeDrivesVirtioAndIdeAndReportsWhatItSkips()
    {
        var pci = new FakePci();
        pci.Add(1, 0x8086, 0x7010, 0x01018000, 0);                    // PIIX IDE, compatibility mode
        pci.Add(4, 0x1AF4, 0x1001, 0x01000000, 0xC001);               // transitional virtio-blk, I/O BAR at 0xC000
        pci.Add(5, 0x1AF4, 0x1042, 0x01000000, 0xFEB00000);           // modern-only
        var ports = new FakePortSpace();
        var virtio = new FakeVirtioBlk(0xC000, 131072);
        ports.Map(0xC000, 0x20, virtio);
        var ata = new FakeAtaDrive(0x1F0, 0x3F6, 8192, atapiSlave: true);
        ports.Map(0x1F0, 8, ata);
        ports.Map(0x3F6, 1, ata);
        var registry = new BlockDeviceRegistry();
        List<string> log = BlockDeviceProbe.Probe(registry, pci, PciEnumerator.Enumerate(pci), ports, _dma);
        Assert.Equal("blk: vda virtio-blk 64 MiB (pci 00:04.0, queue 256, write cache)", log[0]);
        Assert.Equal("blk: virtio-blk at 00:05.0 is modern-only (no legacy interface); not driven", log[1]);
        Assert.Equal("blk: hda ata-pio 4 MiB (FAKE ATA DISK, LBA48, ports 0x1f0)", log[2]);
        Assert.Equal(3, log.Count); // the ATAPI slave and the floating secondary channel are silent
        Assert.Equal(0x0005u, pci.Functions[(0, 4, 0)][1] & 0xFFFF); // I/O decoding and bus mastering on
        Assert.IsType<VirtioBlkDevice>(registry.Find("vda"));
        Assert.Equal(2, registry.Entries.Count);
    }
}
