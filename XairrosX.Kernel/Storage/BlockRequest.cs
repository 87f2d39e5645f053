using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.Storage;

/// <summary>The argument check every block device makes: a whole number of sectors, all inside the device.</summary>
public static class BlockRequest
{
    /// <summary>0, or -EINVAL for a partial sector or a range outside 0 … <paramref name="sectorCount"/>.</summary>
    public static int Check(long lba, int bytes, int sectorSize, long sectorCount)
    {
        if (sectorSize <= 0 || bytes % sectorSize != 0) return -Errno.EINVAL;
        long count = bytes / sectorSize;
        return lba < 0 || lba > sectorCount || count > sectorCount - lba ? -Errno.EINVAL : 0;
    }
}
