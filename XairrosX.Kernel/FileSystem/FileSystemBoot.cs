using System;
using XairrosX.Drivers.Storage;
using XairrosX.Kernel.FileSystem.Fat;
using XairrosX.Kernel.Storage;
using XairrosX.Kernel.Boot;
using XairrosX.Kernel.FileSystem.Cpio;
using XairrosX.Kernel.FileSystem.Initrd;
using XairrosX.Kernel.FileSystem.Tmpfs;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem;

/// <summary>
/// Boot-time storage: mounts the initrd (the GRUB module whose command line names initrd.cpio, else the
/// first module) read-only at "/" and a tmpfs at /tmp, and connects the VFS to the PAL so System.IO works.
/// Without a usable initrd the root is an empty tmpfs, and the reason is printed.
/// </summary>
public static class FileSystemBoot
{
    /// <summary>The kernel's VFS (null before <see cref="Mount"/>).</summary>
    public static VirtualFileSystem Vfs { get; private set; }

    /// <summary>The initrd file system, or null when there is none.</summary>
    public static InitrdFileSystem Initrd { get; private set; }

    /// <summary>Mounts the boot file systems; returns one line describing what was mounted.</summary>
    public static unsafe string Mount(BootInfo bootInfo)
    {
        var vfs = new VirtualFileSystem();
        string status;
        BootModule? module = FindInitrd(bootInfo);
        if (module is BootModule m && m.Length <= int.MaxValue)
        {
            try
            {
                Initrd = new InitrdFileSystem(new UnmanagedMemory((byte*)m.Start, (int)m.Length).Memory);
                vfs.Mount("/", Initrd);
                status = $"initrd: {Initrd.FileCount} files, {Initrd.UsedBytes / 1024} KiB at 0x{m.Start:X} mounted on / (read-only)";
            }
            catch (CpioFormatException e)
            {
                status = $"initrd: unusable ({e.Message}); / is an empty tmpfs";
            }
        }
        else status = "initrd: no module2 loaded; / is an empty tmpfs";
        if (Initrd == null) vfs.Mount("/", new TmpFileSystem());
        vfs.Mount("/tmp", new TmpFileSystem());
        Vfs = vfs;
        FileDescriptors.Hook = new PalFileSystemHook(vfs);
        return status + "; tmpfs on /tmp";
    }

    /// <summary>
    /// Mounts the FAT volume of the first disk (virtio-blk before IDE; the first FAT partition, else the whole
    /// disk) at /disk. Returns the boot-log line, or null when there is no disk at all.
    /// </summary>
    public static string MountDisk(BlockDeviceRegistry disks)
    {
        if (Vfs == null) return null;
        BlockDeviceEntry chosen = null;
        foreach (BlockDeviceEntry e in disks.Entries)
        {
            if (e.Device.Name.StartsWith("vd", StringComparison.Ordinal)) { chosen = e; break; }
            chosen ??= e;
        }
        if (chosen == null) return null;
        int r = VolumeMounter.MountFat(chosen.Device, out FatFileSystem fs, out _, out string message);
        if (r < 0) return $"disk: {chosen.Device.Name} not mounted: {message}";
        r = Vfs.Mount(DiskMountPoint, fs);
        return r < 0 ? $"disk: cannot mount {message} at {DiskMountPoint} (errno {-r})" : $"disk: {message} mounted on {DiskMountPoint}";
    }

    /// <summary>Whether a file system is mounted exactly at <paramref name="mountPoint"/>.</summary>
    public static bool IsMounted(string mountPoint)
    {
        if (Vfs == null) return false;
        foreach (var (point, _) in Vfs.Mounts) if (point == mountPoint) return true;
        return false;
    }

    /// <summary>Where the boot disk's FAT volume is mounted.</summary>
    public const string DiskMountPoint = "/disk";

    private static BootModule? FindInitrd(BootInfo bootInfo)
    {
        foreach (BootModule m in bootInfo.Modules)
            if (m.CommandLine.Contains("initrd", StringComparison.Ordinal)) return m;
        return bootInfo.Modules.Count > 0 ? bootInfo.Modules[0] : null;
    }
}
