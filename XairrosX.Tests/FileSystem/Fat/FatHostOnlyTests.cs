using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using XairrosX.Kernel.FileSystem;
using XairrosX.Kernel.FileSystem.Fat;
using XairrosX.Kernel.SelfTests;
using XairrosX.Kernel.Shell;
using XairrosX.Kernel.Shell.Commands;
using XairrosX.Kernel.Storage;
using XairrosX.Kernel.FileSystem.Tmpfs;
using XairrosX.Tests.Storage;
using Xunit;

namespace XairrosX.Tests.FileSystem.Fat;

/// <summary>The in-kernel FAT self-test cases on the host, the RAM disk, VolumeMounter, and the df/sync commands.</summary>
public class FatHostOnlyTests
{
    [Fact]
    public void KernelFatSelfTestsPassOnTheHost()
    {
        var cases = SelfTestRunner.AllCases().Where(c => c.Name.StartsWith("fat.", StringComparison.Ordinal) && !c.Name.Contains("kernel_")).ToList();
        Assert.Equal(3, cases.Count);
        var output = new StringWriter();
        (int passed, int failed) = SelfTestRunner.Run(cases, null, output);
        Assert.True(failed == 0, output.ToString());
        Assert.Equal(cases.Count, passed);
    }

    [Fact]
    public void RamDiskIsSparseAndBoundsChecked()
    {
        var disk = new SparseRamBlockDevice("ram0", 100);
        var sector = new byte[512];
        sector[7] = 9;
        Assert.Equal(0, disk.Write(5, sector));
        Assert.Equal(1, disk.StoredSectors);
        Assert.Equal(0, disk.Write(5, new byte[512]));
        Assert.Equal(0, disk.StoredSectors);
        Assert.Equal(-XairrosX.Plugs.Pal.Errno.EINVAL, disk.Read(100, sector));
        Assert.Equal(-XairrosX.Plugs.Pal.Errno.EINVAL, disk.Write(0, new byte[10]));
    }

    [Fact]
    public void VolumeMounterFindsSuperfloppiesAndExplainsFailures()
    {
        string image = Path.Combine(FatTools.TempDirectory("vm"), "f.img");
        FatTools.MakeFat(image, 2048, 12);
        Assert.Equal(0, VolumeMounter.MountFat(MemoryBlockDevice.FromFile(image, "hdb"), out FatFileSystem fs, out var volume, out string message));
        Assert.Contains("whole disk", message);
        Assert.Equal(-XairrosX.Plugs.Pal.Errno.EINVAL, VolumeMounter.MountFat(new MemoryBlockDevice(2048, "hdc"), out fs, out volume, out message));
        Assert.Contains("no partition table", message);
        Assert.Contains("not a usable FAT volume", message);
    }

    [Fact]
    public void DfAndSyncCommands()
    {
        var device = new MemoryBlockDevice(40L * 1024 * 2);
        Assert.Equal(0, FatFormatter.Format(device, null, out _));
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem fs));
        var vfs = new VirtualFileSystem();
        Assert.Equal(0, vfs.Mount("/", new TmpFileSystem(1 << 20)));
        Assert.Equal(0, vfs.Mount("/mnt", fs));
        Assert.Equal(0, fs.Root.Create("f", VfsNodeKind.File, 0x1B6, out VfsNode f));
        Assert.Equal(4096, f.Write(0, new byte[4096]));
        var output = new StringWriter();
        var context = new ShellContext { Out = output };
        Assert.Equal(0, StorageCommands.Df(context, [], vfs));
        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("tmpfs", lines[1]);
        string[] fat = lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([(fs.TotalBytes / 1024).ToString(), (fs.UsedBytes / 1024).ToString(), (fs.FreeBytes / 1024).ToString(), "vfat", "/mnt"], fat);
        int flushes = device.Flushes;
        Assert.Equal(0, StorageCommands.Sync(context, [], vfs));
        Assert.True(device.Flushes > flushes);
        device.FailWrites = true;
        Assert.Equal(0, fs.Root.Create("g", VfsNodeKind.File, 0x1B6, out _));
        output.GetStringBuilder().Clear();
        Assert.Equal(1, StorageCommands.Sync(context, [], vfs));
        Assert.StartsWith("error: sync:", output.ToString());
        Assert.Equal(1, StorageCommands.Df(context, ["x"], vfs));
    }
}
