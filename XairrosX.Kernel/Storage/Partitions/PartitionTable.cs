using System;
using System.Collections.Generic;
using XairrosX.Drivers.Storage;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.Storage.Partitions;

/// <summary>
/// The partition table of a disk: reads sector 0, and when its MBR is protective (one 0xEE entry) the GPT behind
/// it. <see cref="Read"/> never throws for bad contents: a missing, corrupt or random table is -EINVAL with a
/// one-line reason, a failing device is its own -errno.
/// </summary>
public sealed class PartitionTable
{
    internal const int MinSectorSize = 512;

    /// <summary>Creates a table.</summary>
    public PartitionTable(PartitionScheme scheme, IReadOnlyList<PartitionInfo> partitions, Guid diskGuid = default, bool usedBackupGpt = false)
    {
        Scheme = scheme;
        Partitions = partitions;
        DiskGuid = diskGuid;
        UsedBackupGpt = usedBackupGpt;
    }

    /// <summary>MBR or GPT.</summary>
    public PartitionScheme Scheme { get; }
    /// <summary>The partitions, in table order (empty slots left out).</summary>
    public IReadOnlyList<PartitionInfo> Partitions { get; }
    /// <summary>The GPT disk GUID (empty for MBR).</summary>
    public Guid DiskGuid { get; }
    /// <summary>Whether the primary GPT header was corrupt and the backup at the end of the disk was used.</summary>
    public bool UsedBackupGpt { get; }

    /// <summary>
    /// Reads the table of <paramref name="device"/>: 0 and the table, -EINVAL and a reason when there is no
    /// valid table, or the device's -errno (EIO) when a sector cannot be read. Never throws.
    /// </summary>
    public static int Read(IBlockDevice device, out PartitionTable table, out string error)
    {
        table = null;
        error = null;
        if (device == null) { error = "no device"; return -Errno.EINVAL; }
        int sectorSize = device.SectorSize;
        if (sectorSize < MinSectorSize || (sectorSize & (sectorSize - 1)) != 0 || sectorSize > 65536)
        {
            error = $"unsupported sector size {sectorSize}";
            return -Errno.EINVAL;
        }
        if (device.SectorCount < 1) { error = "device is empty"; return -Errno.EINVAL; }
        var sector0 = new byte[sectorSize];
        int r = device.Read(0, sector0);
        if (r < 0) { error = $"{device.Name}: cannot read sector 0 ({r})"; return r; }
        r = MbrParser.Parse(sector0, device.SectorCount, out List<PartitionInfo> primaries, out bool protective, out error);
        if (r < 0) return r;
        if (!protective)
        {
            var all = new List<PartitionInfo>(primaries);
            foreach (PartitionInfo p in primaries)
            {
                if (!MbrParser.IsExtended(p.MbrType)) continue;
                r = MbrParser.ReadLogical(device, p, all, out error);
                if (r < 0) return r;
            }
            table = new PartitionTable(PartitionScheme.Mbr, all);
            return 0;
        }
        return GptParser.Read(device, out table, out error);
    }
}
