using System;
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

    private static BootModule? FindInitrd(BootInfo bootInfo)
    {
        foreach (BootModule m in bootInfo.Modules)
            if (m.CommandLine.Contains("initrd", StringComparison.Ordinal)) return m;
        return bootInfo.Modules.Count > 0 ? bootInfo.Modules[0] : null;
    }
}
