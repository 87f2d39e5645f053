using System;
using System.Collections.Generic;
using System.IO;
using XairrosX.Drivers.Storage;
using XairrosX.Kernel.FileSystem;
using XairrosX.Kernel.FileSystem.Fat;
using XairrosX.Tests.Storage;
using Xunit;

namespace XairrosX.Tests.FileSystem.Fat;

/// <summary>Write-back and sync: the order of writes, what a power-off between syncs keeps, and statistics.</summary>
public class FatSyncTests
{
    private sealed class RecordingDevice(MemoryBlockDevice inner) : IBlockDevice
    {
        public readonly List<(char Op, long Lba)> Log = new();
        public string Name => inner.Name;
        public int SectorSize => inner.SectorSize;
        public long SectorCount => inner.SectorCount;
        public bool IsReadOnly => inner.IsReadOnly;
        public int Read(long lba, Span<byte> destination) => inner.Read(lba, destination);
        public int Write(long lba, ReadOnlySpan<byte> source) { Log.Add(('W', lba)); return inner.Write(lba, source); }
        public int Flush() { Log.Add(('F', 0)); return inner.Flush(); }
    }

    private static MemoryBlockDevice Formatted()
    {
        var device = new MemoryBlockDevice(40L * 1024 * 2);
        Assert.Equal(0, FatFormatter.Format(device, "SYNC", out _));
        return device;
    }

    [Fact]
    public void SyncWritesFatCopiesBeforeDirectoriesAndFsInfoLastThenFlushes()
    {
        var device = new RecordingDevice(Formatted());
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem fs));
        Assert.Equal(0, fs.Root.Create("a file with a long name", VfsNodeKind.File, 0x1B6, out VfsNode f));
        Assert.Equal(5000, f.Write(0, new byte[5000]));
        device.Log.Clear();
        Assert.Equal(0, fs.Sync());
        FatGeometry g = fs.Geometry;
        long rootLba = g.ClusterLba(g.RootCluster);
        int lastFat2 = device.Log.FindLastIndex(w => w.Lba >= g.ReservedSectors + g.FatSectors && w.Lba < g.DataLba);
        int firstFat1 = device.Log.FindIndex(w => w.Lba >= g.ReservedSectors && w.Lba < g.ReservedSectors + g.FatSectors);
        int rootWrite = device.Log.FindIndex(w => w.Lba == rootLba);
        Assert.True(firstFat1 >= 0 && lastFat2 > firstFat1, "both FAT copies written");
        Assert.True(rootWrite > lastFat2, "directory after the FATs");
        Assert.Equal(('W', (long)g.FsInfoSector), device.Log[^2]);
        Assert.Equal('F', device.Log[^1].Op);
        device.Log.Clear();
        Assert.Equal(0, fs.Sync());
        Assert.Equal([('F', 0L)], device.Log); // nothing dirty: only the flush
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void PowerOffAfterASyncKeepsEverythingSynced(int seed)
    {
        var random = new Random(seed);
        var device = Formatted();
        // A tiny cache forces write-backs in the middle of operations: the disk then holds half-done changes.
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem fs, out _, cacheSectors: 16));
        var synced = new Dictionary<string, byte[]>();
        for (int i = 0; i < 12; i++)
        {
            string name = $"synced file {i}.bin";
            Assert.Equal(0, fs.Root.Create(name, VfsNodeKind.File, 0x1B6, out VfsNode f));
            byte[] data = FatTools.RandomBytes(random, random.Next(1, 30_000));
            Assert.Equal(data.Length, f.Write(0, data));
            synced[name] = data;
        }
        Assert.Equal(0, fs.Sync());
        string image = Path.Combine(FatTools.TempDirectory("crash"), "synced.img");
        device.SaveTo(image);
        FatTools.AssertClean(image);

        var deleted = new HashSet<string>();
        Assert.Equal(0, fs.Root.Create("new dir", VfsNodeKind.Directory, 0x1FF, out VfsNode dir));
        for (int op = 0; op < 60; op++)
        {
            if (op % 5 == 0)
            {
                string victim = $"synced file {random.Next(12)}.bin";
                if (deleted.Add(victim)) Assert.Equal(0, fs.Root.Remove(victim));
            }
            VfsNode parent = op % 2 == 0 ? fs.Root : dir;
            string name = $"unsynced {op} with a long name.dat";
            Assert.Equal(0, parent.Create(name, VfsNodeKind.File, 0x1B6, out VfsNode f));
            byte[] data = FatTools.RandomBytes(random, random.Next(0, 40_000));
            if (data.Length > 0) Assert.Equal(data.Length, f.Write(0, data));
        }
        // Power off now: the device holds whatever the cache wrote back on its own.
        var crashed = new MemoryBlockDevice((byte[])device.Image.Clone());
        Assert.Equal(0, FatFileSystem.Mount(crashed, out FatFileSystem after, out string error));
        foreach ((string name, byte[] data) in synced)
        {
            VfsNode node = after.Root.Lookup(name);
            if (node == null) { Assert.Contains(name, deleted); continue; }
            Assert.Equal(data, FatTools.ReadAll(node));
        }
        // And a sync now leaves a clean volume with everything.
        Assert.Equal(0, fs.Sync());
        device.SaveTo(image);
        FatTools.AssertClean(image);
    }

    [Fact]
    public void FreeSpaceFollowsWritesAndFsInfoIsMaintained()
    {
        var device = Formatted();
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem fs));
        long free = fs.FreeBytes, total = fs.TotalBytes;
        Assert.Equal(total - fs.Geometry.ClusterBytes, free); // the root directory's cluster
        Assert.Equal(0, fs.Root.Create("f", VfsNodeKind.File, 0x1B6, out VfsNode f));
        Assert.Equal(10 * fs.Geometry.ClusterBytes, f.Write(0, new byte[10 * fs.Geometry.ClusterBytes]));
        Assert.Equal(free - 10 * fs.Geometry.ClusterBytes, fs.FreeBytes);
        Assert.Equal(0, f.Truncate(fs.Geometry.ClusterBytes + 1));
        Assert.Equal(free - 2 * fs.Geometry.ClusterBytes, fs.FreeBytes);
        Assert.Equal(0, fs.Sync());
        // A fresh mount takes the count from FSInfo, and fsck agrees with it.
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem again));
        Assert.Equal(free - 2 * fs.Geometry.ClusterBytes, again.FreeBytes);
        Assert.Equal(total, again.TotalBytes);
        Assert.Equal(again.TotalBytes - again.FreeBytes, again.UsedBytes);
    }

    [Fact]
    public void FullVolumeGivesEnospcAndAShortWrite()
    {
        string image = Path.Combine(FatTools.TempDirectory("full"), "full.img");
        FatTools.MakeFat(image, 1024, 12);
        var device = MemoryBlockDevice.FromFile(image);
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem fs));
        Assert.Equal(0, fs.Root.Create("big", VfsNodeKind.File, 0x1B6, out VfsNode f));
        var data = new byte[2 * 1024 * 1024];
        int n = f.Write(0, data);
        Assert.True(n > 0 && n < data.Length, $"short write expected, got {n}");
        Assert.Equal(0, fs.FreeBytes);
        Assert.Equal(-XairrosX.Plugs.Pal.Errno.ENOSPC, f.Write(n, data.AsSpan(0, 100_000)));
        Assert.Equal(0, fs.Root.Remove("big"));
        // The FAT12/16 root directory has a fixed number of slots and cannot grow.
        int created = 0, r;
        while ((r = fs.Root.Create($"F{created}", VfsNodeKind.File, 0x1B6, out _)) == 0) created++;
        Assert.Equal(-XairrosX.Plugs.Pal.Errno.ENOSPC, r);
        Assert.InRange(created, 16, 1024);
        Assert.Equal(0, fs.Sync());
        device.SaveTo(image);
        FatTools.AssertClean(image);
        Assert.Equal(0, FatTools.Run("mdir", ["-i", image, "-b", "::/"], out string listing));
        Assert.Equal(created, listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}

/// <summary>Timestamps as mtools shows them: DOS date/time fields written in UTC.</summary>
public class FatTimestampTests
{
    [Fact]
    public void MdirShowsTheModificationTimeWeWrote()
    {
        var device = new MemoryBlockDevice(40L * 1024 * 2);
        Assert.Equal(0, FatFormatter.Format(device, null, out _));
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem fs));
        Assert.Equal(0, fs.Root.Create("STAMPED.TXT", VfsNodeKind.File, 0x1B6, out VfsNode f));
        DateTime before = DateTime.UtcNow;
        Assert.Equal(1, f.Write(0, "x"u8));
        Assert.InRange(f.ModifiedSeconds, new DateTimeOffset(before).ToUnixTimeSeconds() - 2, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(0, fs.Sync());
        string image = Path.Combine(FatTools.TempDirectory("ts"), "ts.img");
        device.SaveTo(image);
        Assert.Equal(0, FatTools.Run("mdir", ["-i", image, "::/STAMPED.TXT"], out string listing));
        DateTime written = DateTimeOffset.FromUnixTimeSeconds(f.ModifiedSeconds).UtcDateTime;
        Assert.Contains($"{written:yyyy-MM-dd}  {written:HH:mm}", listing);
        // And a remount reads the same time back (2-second resolution).
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem again));
        Assert.InRange(again.Root.Lookup("STAMPED.TXT").ModifiedSeconds, f.ModifiedSeconds - 1, f.ModifiedSeconds);
    }
}
