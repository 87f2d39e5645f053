using System;
using XairrosX.Drivers.Storage;
using XairrosX.Kernel.FileSystem.Fat;
using XairrosX.Kernel.Storage.Partitions;

namespace XairrosX.Kernel.Storage;

/// <summary>
/// Finds the FAT volume of a disk, the way a boot-time mount or a shell <c>mount</c> command wants it: the first
/// partition whose type says FAT and that mounts, else any partition that mounts as FAT, else the whole disk
/// (a "superfloppy" formatted without a partition table).
/// </summary>
public static class VolumeMounter
{
    /// <summary>Mounts the FAT volume of <paramref name="disk"/>: 0 with the file system, the device it lives on
    /// (a partition view or the disk) and a one-line description, or -errno with the reasons.</summary>
    public static int MountFat(IBlockDevice disk, out FatFileSystem fs, out IBlockDevice volume, out string message)
    {
        fs = null;
        volume = null;
        int tableResult = PartitionTable.Read(disk, out PartitionTable table, out string tableError);
        int last = -XairrosX.Plugs.Pal.Errno.EINVAL;
        string reasons = tableResult == 0 ? "" : $"no partition table ({tableError}); ";
        if (tableResult == 0)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                foreach (PartitionInfo p in table.Partitions)
                {
                    if ((pass == 0) != p.LooksLikeFat) continue;
                    PartitionView view = PartitionView.Of(disk, p);
                    int r = FatFileSystem.Mount(view, out fs, out string error);
                    if (r == 0)
                    {
                        volume = view;
                        message = Describe(view, fs, $"{table.Scheme} partition {p.Number}");
                        return 0;
                    }
                    last = r;
                    reasons += error + "; ";
                }
            }
        }
        int whole = FatFileSystem.Mount(disk, out fs, out string wholeError);
        if (whole == 0)
        {
            volume = disk;
            message = Describe(disk, fs, "whole disk");
            return 0;
        }
        message = reasons + wholeError;
        return tableResult == 0 && table.Partitions.Count > 0 ? last : whole;
    }

    private static string Describe(IBlockDevice device, FatFileSystem fs, string where) =>
        $"{device.Name}: {fs.Geometry.Type} ({where}), {fs.TotalBytes / 1024} KiB, label '{fs.Geometry.Label}'";
}
