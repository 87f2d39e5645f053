using System;

namespace XairrosX.Drivers.Storage;

/// <summary>The Linux errno values block devices return (negated), and the range check every device shares.</summary>
public static class BlockErrno
{
    /// <summary>I/O error: the device reported a failure or did not answer in time.</summary>
    public const int EIO = 5;
    /// <summary>No such device.</summary>
    public const int ENODEV = 19;
    /// <summary>Invalid argument: a buffer that is not whole sectors, or sectors past the end.</summary>
    public const int EINVAL = 22;
    /// <summary>The device is read-only.</summary>
    public const int EROFS = 30;
    /// <summary>No free slot in a queue (retry after reaping completions).</summary>
    public const int EAGAIN = 11;

    /// <summary>0 when <paramref name="byteCount"/> bytes at <paramref name="lba"/> are whole sectors inside
    /// <paramref name="device"/> (and writable when <paramref name="write"/>), else the negative errno.</summary>
    public static int CheckRange(IBlockDevice device, long lba, int byteCount, bool write)
    {
        if (write && device.IsReadOnly) return -EROFS;
        int sectorSize = device.SectorSize;
        if (byteCount < 0 || sectorSize <= 0 || byteCount % sectorSize != 0) return -EINVAL;
        long sectors = byteCount / sectorSize;
        if (lba < 0 || lba > device.SectorCount || sectors > device.SectorCount - lba) return -EINVAL;
        return 0;
    }

    /// <summary>A short name for a result code (<c>ok</c>, <c>EIO</c>, …) for messages.</summary>
    public static string Describe(int result) => result switch
    {
        >= 0 => "ok",
        -EIO => "EIO (I/O error)",
        -ENODEV => "ENODEV (no such device)",
        -EINVAL => "EINVAL (bad range or length)",
        -EROFS => "EROFS (read-only device)",
        -EAGAIN => "EAGAIN (queue full)",
        _ => "errno " + (-result).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
