using System;
using System.Collections.Generic;
using System.IO;
using XairrosX.Kernel.FileSystem;
using XairrosX.Kernel.FileSystem.Fat;
using XairrosX.Kernel.Storage;
using XairrosX.Kernel.Storage.Partitions;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>FAT32 in the kernel: a volume made by FatFormatter on a sparse RAM disk, written and read through the
/// node API and (kernel only) through System.IO with the volume mounted in the VFS; partition views.</summary>
internal static class FatCases
{
    private const long VolumeSectors = 40L * 1024 * 2; // 40 MiB: enough clusters for FAT32 with 512-byte clusters
    private const string MountPoint = "/fat";

    public static IEnumerable<SelfTestCase> All() =>
    [
        new("fat.format_and_mount", t =>
        {
            var disk = new SparseRamBlockDevice("ram0", VolumeSectors);
            t.Equal(0, FatFormatter.Format(disk, "SELFTEST", out string error), "format: " + error);
            t.Equal(0, FatFileSystem.Mount(disk, out FatFileSystem fs, out error), "mount: " + error);
            if (fs == null) return;
            t.Equal(FatType.Fat32, fs.Geometry.Type, "type");
            t.Equal("SELFTEST", fs.Geometry.Label, "label");
            t.True(fs.FreeBytes == fs.TotalBytes - fs.Geometry.ClusterBytes, "only the root cluster is used");
            t.True(disk.StoredSectors < 64, $"sparse disk holds {disk.StoredSectors} sectors");
        }),
        new("fat.write_read_rename_remove", t =>
        {
            var disk = new SparseRamBlockDevice("ram0", VolumeSectors);
            FatFormatter.Format(disk, null, out _);
            FatFileSystem.Mount(disk, out FatFileSystem fs);
            VfsNode root = fs.Root;
            t.Equal(0, root.Create("A Directory With A Long Name", VfsNodeKind.Directory, 0x1FF, out VfsNode dir), "mkdir");
            t.Equal(0, dir.Create("données ✓.bin", VfsNodeKind.File, 0x1B6, out VfsNode file), "create");
            var data = new byte[100_000];
            for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 31 + (i >> 9));
            t.Equal(data.Length, file.Write(0, data), "write");
            t.Equal(0, file.Truncate(60_000), "truncate");
            t.Equal(0, root.Create("SHORT.TXT", VfsNodeKind.File, 0x1B6, out VfsNode shortFile), "create 8.3");
            t.Equal(5, shortFile.Write(0, "hello"u8), "write 8.3");
            t.Equal(0, root.MoveChild("SHORT.TXT", dir, "moved with a long name.txt"), "rename across directories");
            t.Equal(0, fs.Sync(), "sync");

            t.Equal(0, FatFileSystem.Mount(disk, out FatFileSystem again), "remount");
            VfsNode dir2 = again.Root.Lookup("a directory with a long name");
            t.True(dir2 != null, "case-insensitive lookup after remount");
            if (dir2 == null) return;
            VfsNode file2 = dir2.Lookup("données ✓.bin");
            t.True(file2 != null && file2.Length == 60_000, "long-named file with its truncated length");
            var back = new byte[60_000];
            t.Equal(60_000, file2?.Read(0, back) ?? -1, "read");
            t.True(back.AsSpan().SequenceEqual(data.AsSpan(0, 60_000)), "contents");
            t.True(dir2.Lookup("moved with a long name.txt") is VfsNode m && m.Length == 5, "moved file");
            t.True(again.Root.Lookup("SHORT.TXT") == null, "old name gone");
            t.Equal(0, dir2.Remove("données ✓.bin"), "remove");
            t.Equal(-XairrosX.Plugs.Pal.Errno.ENOTEMPTY, again.Root.Remove("A Directory With A Long Name"), "non-empty directory stays");
        }),
        new("fat.partition_view", t =>
        {
            var disk = new SparseRamBlockDevice("vdz", VolumeSectors + 2048);
            var sector = new byte[512];
            sector[446 + 4] = 0x0C;
            BitConverter.TryWriteBytes(sector.AsSpan(446 + 8), 2048u);
            BitConverter.TryWriteBytes(sector.AsSpan(446 + 12), (uint)VolumeSectors);
            sector[510] = 0x55; sector[511] = 0xAA;
            disk.Write(0, sector);
            t.Equal(0, PartitionTable.Read(disk, out PartitionTable table, out string error), "partition table: " + error);
            if (table == null) return;
            t.Equal(1, table.Partitions.Count, "one partition");
            var part = PartitionView.Of(disk, table.Partitions[0]);
            t.Equal("vdz1", part.Name, "name");
            t.Equal(0, FatFormatter.Format(part, "PART", out error), "format the partition: " + error);
            t.Equal(0, VolumeMounter.MountFat(disk, out FatFileSystem fs, out _, out string message), "mount: " + message);
            t.True(message.Contains("vdz1", StringComparison.Ordinal), message);
        }),
        new("fat.kernel_system_io", t =>
        {
            VirtualFileSystem vfs = FileSystemBoot.Vfs;
            if (vfs.FileSystemOf(MountPoint, out string mountedAt, out IFileSystem existing) < 0 || mountedAt != MountPoint)
            {
                var disk = new SparseRamBlockDevice("ram1", VolumeSectors);
                FatFormatter.Format(disk, "KERNEL", out _);
                FatFileSystem.Mount(disk, out FatFileSystem fs);
                t.Equal(0, vfs.Mount(MountPoint, fs), "mount at " + MountPoint);
            }
            string dir = MountPoint + "/Long Directory Name";
            Directory.CreateDirectory(dir);
            File.WriteAllText(dir + "/hello world.txt", "FAT through System.IO\n");
            t.Equal("FAT through System.IO\n", File.ReadAllText(dir + "/hello world.txt"), "round trip");
            File.Move(dir + "/hello world.txt", MountPoint + "/renamed.txt", overwrite: true);
            t.True(File.Exists(MountPoint + "/renamed.txt") && !File.Exists(dir + "/hello world.txt"), "File.Move");
            t.True(Array.IndexOf(Directory.GetDirectories(MountPoint), dir) >= 0, "GetDirectories");
            t.Equal(0, vfs.SyncAll(), "sync");
            File.Delete(MountPoint + "/renamed.txt");
            Directory.Delete(dir);
            t.True(!Directory.Exists(dir), "deleted");
        }),
    ];
}
