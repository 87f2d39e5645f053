using System;
using System.Collections.Generic;
using XairrosX.Kernel.FileSystem;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// df and sync over the VFS mount table. df prints one line per mount point: size (the file system's capacity),
/// used and free bytes in KiB, the type and the mount point. sync writes every file system's cached changes to its
/// device (FAT volumes: data, FATs, directories, FSInfo, then a device flush).
/// </summary>
internal static class StorageCommands
{
    public static IEnumerable<ShellCommand> All() =>
    [
        new("df", "", "size, used and free space of each mounted file system", (c, a) => Df(c, a, FileSystemBoot.Vfs)),
        new("sync", "", "write cached file system changes to their devices", (c, a) => Sync(c, a, FileSystemBoot.Vfs)),
    ];

    internal static int Df(ShellContext c, IReadOnlyList<string> a, VirtualFileSystem vfs)
    {
        if (a.Count != 0) return c.Error("usage: df");
        if (vfs == null) return c.Error("df: no file systems mounted");
        c.Out.WriteLine($"{"Size KiB",12} {"Used KiB",12} {"Free KiB",12}  {"Type",-7} Mounted on");
        foreach (var (mountPoint, fs) in vfs.Mounts)
        {
            long total = fs.TotalBytes, used = Math.Min(fs.UsedBytes, total);
            c.Out.WriteLine($"{total / 1024,12} {used / 1024,12} {(total - used) / 1024,12}  {fs.TypeName,-7} {mountPoint}");
        }
        return 0;
    }

    internal static int Sync(ShellContext c, IReadOnlyList<string> a, VirtualFileSystem vfs)
    {
        if (a.Count != 0) return c.Error("usage: sync");
        if (vfs == null) return c.Error("sync: no file systems mounted");
        int r = vfs.SyncAll();
        return r < 0 ? c.Error($"sync: {XairrosX.Plugs.Pal.Errno.Describe(-r)}") : 0;
    }
}
