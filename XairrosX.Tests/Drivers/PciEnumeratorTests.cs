using System.Collections.Generic;
using XairrosX.Drivers.Pci;
using Xunit;

namespace XairrosX.Tests.Drivers;

public class PciEnumeratorTests
{
    private sealed class FakeConfig : IPciConfigSpace
    {
        public readonly Dictionary<(byte, byte, byte), uint[]> Functions = new();
        public uint Read32(byte bus, byte device, byte function, byte offset) =>
            Functions.TryGetValue((bus, device, function), out uint[]? regs) ? regs[offset / 4] : 0xFFFFFFFF;

        public void Add(byte bus, byte dev, byte fn, ushort vendor, ushort device, uint classReg, bool multi = false, uint bar0 = 0)
        {
            var regs = new uint[64];
            regs[0] = vendor | ((uint)device << 16);
            regs[2] = classReg;
            regs[3] = (multi ? 0x80u : 0) << 16;
            regs[4] = bar0;
            regs[15] = 11;
            Functions[(bus, dev, fn)] = regs;
        }
    }

    [Fact]
    public void FindsSingleAndMultiFunctionDevices()
    {
        var config = new FakeConfig();
        config.Add(0, 0, 0, 0x8086, 0x1237, 0x06000002);
        config.Add(0, 1, 0, 0x8086, 0x7000, 0x06010000, multi: true);
        config.Add(0, 1, 1, 0x8086, 0x7010, 0x01018000);
        config.Add(0, 3, 0, 0x8086, 0x100E, 0x02000003, bar0: 0xFEBC0000);
        config.Add(0, 3, 5, 0x1111, 0x2222, 0x02000000); // function 5 of a single-function device: not scanned
        List<PciDevice> devices = PciEnumerator.Enumerate(config);
        Assert.Equal(["00:00.0", "00:01.0", "00:01.1", "00:03.0"], devices.ConvertAll(d => d.Address));
        Assert.Equal("00:01.1 IDE interface [0101]: 8086:7010 (rev 00)", devices[2].ToString());
        Assert.Equal(0x80u, devices[2].ProgIf);
        Assert.Equal(0xFEBC0000u, devices[3].Bars[0]);
        Assert.Equal(11, devices[3].InterruptLine);
    }
}
