using System.Numerics;
using CsCheck;
using XairrosX.Drivers.Storage;
using Xunit;

namespace XairrosX.Tests.Drivers.Storage;

public class BlockErrnoTests
{
    // A device with only a size: CheckRange must never touch data, and huge sector counts must not overflow.
    private sealed class SizedDevice(long sectors, bool readOnly) : IBlockDevice
    {
        public string Name => "sized";
        public int SectorSize => 512;
        public long SectorCount => sectors;
        public bool IsReadOnly => readOnly;
        public int Read(long lba, System.Span<byte> destination) => -BlockErrno.EIO;
        public int Write(long lba, System.ReadOnlySpan<byte> source) => -BlockErrno.EIO;
        public int Flush() => -BlockErrno.EIO;
    }

    [Fact]
    public void RangeCheckAgreesWithExactArithmetic()
    {
        Gen.Select(Gen.Long, Gen.Int[-1024, 1 << 20], Gen.Long[0, long.MaxValue], Gen.Bool).Sample((lba, bytes, sectors, write) =>
        {
            var device = new SizedDevice(sectors, readOnly: false);
            int result = BlockErrno.CheckRange(device, lba, bytes, write);
            bool whole = bytes >= 0 && bytes % 512 == 0;
            bool inside = lba >= 0 && new BigInteger(lba) + bytes / 512 <= sectors;
            return result == (whole && inside ? 0 : -BlockErrno.EINVAL);
        }, iter: 20000);
    }

    [Fact]
    public void EdgesOfTheRange()
    {
        var device = new SizedDevice(100, readOnly: false);
        Assert.Equal(0, BlockErrno.CheckRange(device, 99, 512, false));
        Assert.Equal(0, BlockErrno.CheckRange(device, 100, 0, false));
        Assert.Equal(-BlockErrno.EINVAL, BlockErrno.CheckRange(device, 100, 512, false));
        Assert.Equal(-BlockErrno.EINVAL, BlockErrno.CheckRange(device, long.MaxValue, 512, false));
        Assert.Equal(-BlockErrno.EROFS, BlockErrno.CheckRange(new SizedDevice(100, readOnly: true), 0, 512, true));
        Assert.Equal(0, BlockErrno.CheckRange(new SizedDevice(100, readOnly: true), 0, 512, false));
        Assert.Equal("EIO (I/O error)", BlockErrno.Describe(-5));
        Assert.Equal("errno 99", BlockErrno.Describe(-99));
    }
}
