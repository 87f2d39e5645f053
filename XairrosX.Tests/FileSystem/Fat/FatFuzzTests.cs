using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using XairrosX.Kernel.FileSystem;
using XairrosX.Kernel.FileSystem.Fat;
using XairrosX.Plugs.Pal;
using XairrosX.Tests.Storage;
using Xunit;

namespace XairrosX.Tests.FileSystem.Fat;

/// <summary>(e) Random bytes in the boot sector, the FAT and directory slots, cyclic and out-of-range chains, truncated
/// images and failing devices: mount and every later operation give 0 or a negative errno — never an exception,
/// never a hang.</summary>
public class FatFuzzTests
{
    private static readonly int[] s_allowed = [0, -Errno.EIO, -Errno.EINVAL, -Errno.ENOENT, -Errno.ENOSPC, -Errno.EEXIST, -Errno.ENOTEMPTY, -Errno.ENOTDIR, -Errno.EISDIR, -Errno.ENAMETOOLONG];

    // A small volume populated by our own code: nested directories, long names, multi-cluster files.
    private static byte[] BaseImage(int bits)
    {
        string image = Path.Combine(FatTools.TempDirectory("fz"), "base.img");
        FatTools.MakeFat(image, bits == 16 ? 16384 : bits == 32 ? 4096 : 1024, bits);
        var device = MemoryBlockDevice.FromFile(image);
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem fs));
        var random = new Random(bits);
        Assert.Equal(0, fs.Root.Create("Directory One", VfsNodeKind.Directory, 0x1FF, out VfsNode d1));
        Assert.Equal(0, d1.Create("Nested Two", VfsNodeKind.Directory, 0x1FF, out VfsNode d2));
        for (int i = 0; i < 12; i++)
        {
            VfsNode parent = i % 3 == 0 ? fs.Root : i % 3 == 1 ? d1 : d2;
            Assert.Equal(0, parent.Create($"File number {i} with a long name.bin", VfsNodeKind.File, 0x1B6, out VfsNode f));
            byte[] data = FatTools.RandomBytes(random, random.Next(0, 20_000));
            if (data.Length > 0) Assert.Equal(data.Length, f.Write(0, data));
        }
        Assert.Equal(0, fs.Sync());
        return device.Image;
    }

    [Theory]
    [InlineData(32, 400)]
    [InlineData(16, 60)]
    [InlineData(12, 300)]
    public async Task MutatedImagesGiveErrorsNotExceptions(int bits, int cases)
    {
        byte[] original = BaseImage(bits);
        Assert.Equal(0, FatFileSystem.Mount(new MemoryBlockDevice((byte[])original.Clone()), out FatFileSystem probe));
        FatGeometry g = probe.Geometry;
        long metadataEnd = g.DataLba + 64L * g.SectorsPerCluster; // FATs, root and the first directory clusters
        var random = new Random(bits * 1000 + cases);
        int mounted = 0, refused = 0;
        for (int c = 0; c < cases; c++)
        {
            byte[] image = (byte[])original.Clone();
            int kind = random.Next(5);
            if (kind == 0) for (int k = random.Next(1, 6); k > 0; k--) image[random.Next(0, 100)] = (byte)random.Next(256);   // BPB
            else if (kind == 4) Array.Resize(ref image, Math.Max(512, random.Next(0, image.Length / 512) * 512));           // truncated
            else for (int k = random.Next(1, 40); k > 0; k--) image[random.Next(g.ReservedSectors * 512, (int)(metadataEnd * 512))] = (byte)random.Next(256);
            var device = new MemoryBlockDevice(image);
            int seed = random.Next();
            // A hang surfaces as a TimeoutException from WaitAsync.
            bool ok = await Task.Run(() => Exercise(device, seed)).WaitAsync(TimeSpan.FromSeconds(10));
            if (ok) mounted++; else refused++;
        }
        Assert.True(mounted > 0 && refused > 0, $"{mounted} mounted, {refused} refused");
    }

    // Mounts, walks, reads everything, then writes; every result must be 0/count or an expected -errno.
    private static bool Exercise(MemoryBlockDevice device, int seed)
    {
        int r = FatFileSystem.Mount(device, out FatFileSystem fs, out string error);
        if (r < 0)
        {
            Assert.True(r == -Errno.EINVAL || r == -Errno.EIO, $"mount gave {r}");
            Assert.False(string.IsNullOrEmpty(error));
            return false;
        }
        var random = new Random(seed);
        var dirs = new List<VfsNode> { fs.Root };
        var files = new List<VfsNode>();
        var buffer = new byte[64 * 1024];
        for (int i = 0; i < dirs.Count && dirs.Count + files.Count < 5000; i++)
        {
            foreach (string name in dirs[i].ChildNames())
            {
                VfsNode child = dirs[i].Lookup(name);
                if (child == null) continue;
                if (child.Kind == VfsNodeKind.Directory) dirs.Add(child);
                else files.Add(child);
            }
        }
        foreach (VfsNode f in files)
        {
            for (long offset = 0; offset < f.Length;)
            {
                int n = f.Read(offset, buffer);
                if (n <= 0) { Allowed(n); break; }
                offset += n;
            }
        }
        for (int op = 0; op < 20; op++)
        {
            VfsNode dir = dirs[random.Next(dirs.Count)];
            switch (random.Next(6))
            {
                case 0: Allowed(dir.Create($"new file {op}.txt", VfsNodeKind.File, 0x1B6, out VfsNode nf)); if (nf != null) Allowed(nf.Write(random.Next(5000), buffer.AsSpan(0, random.Next(30_000)))); break;
                case 1: Allowed(dir.Create($"new dir {op}", VfsNodeKind.Directory, 0x1FF, out _)); break;
                case 2: if (files.Count > 0) Allowed(files[random.Next(files.Count)].Write(random.Next(50_000), buffer.AsSpan(0, random.Next(20_000)))); break;
                case 3: if (files.Count > 0) Allowed(files[random.Next(files.Count)].Truncate(random.Next(40_000))); break;
                case 4: { var names = dir.ChildNames(); if (names.Count > 0) Allowed(dir.Remove(names[random.Next(names.Count)])); break; }
                default: { var names = dir.ChildNames(); if (names.Count > 0) Allowed(dir.MoveChild(names[random.Next(names.Count)], dirs[random.Next(dirs.Count)], $"moved {op}")); break; }
            }
        }
        Allowed(fs.Sync());
        _ = fs.FreeBytes;
        return true;
    }

    private static void Allowed(int r)
    {
        if (r >= 0) return;
        Assert.True(Array.IndexOf(s_allowed, r) >= 0 || r == -Errno.EINVAL, $"unexpected errno {r}");
    }

    [Fact]
    public void CyclicAndOutOfRangeChainsAreEio()
    {
        byte[] image = BaseImage(32);
        var device = new MemoryBlockDevice(image);
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem fs));
        var file = (FatFile)fs.Root.Lookup("File number 0 with a long name.bin");
        uint first = file.Entry.FirstCluster;
        Assert.True(file.Length > fs.Geometry.ClusterBytes * 2);
        // A chain that loops back on itself.
        Assert.Equal(0, fs.Table.Get(first, out uint second));
        Assert.Equal(0, fs.Table.Set(second, first));
        var buffer = new byte[file.Length];
        int n = file.Read(0, buffer);
        Assert.True(n == -Errno.EIO || (n > 0 && n < buffer.Length), $"read of a cyclic chain gave {n}");
        Assert.Equal(-Errno.EIO, fs.Table.ChainLength(first));
        Assert.Equal(-Errno.EIO, fs.Table.FreeChain(first) is var f && f < 0 ? f : -Errno.EIO);
        // A link past the last cluster.
        Assert.Equal(0, FatFileSystem.Mount(new MemoryBlockDevice(BaseImage(32)), out fs));
        file = (FatFile)fs.Root.Lookup("File number 0 with a long name.bin");
        Assert.Equal(0, fs.Table.Set(file.Entry.FirstCluster, fs.Geometry.MaxCluster + 5));
        Assert.Equal(-Errno.EIO, file.Read(fs.Geometry.ClusterBytes, new byte[10]));
        Assert.Equal(-Errno.EIO, file.Truncate(file.Length + 100_000) is var t && t < 0 ? t : 0);
    }

    [Fact]
    public void BadBootSectorsAreRefusedWithAReason()
    {
        byte[] good = BaseImage(12);
        (int Offset, byte Value, string Reason)[] cases =
        [
            (510, 0, "0x55AA"), (12, 0, "bytes per sector"), (13, 3, "power of two"), (13, 0, "power of two"),
            (16, 0, "FAT copies"), (14, 0, "reserved"),
        ];
        foreach ((int offset, byte value, string reason) in cases)
        {
            byte[] image = (byte[])good.Clone();
            image[offset] = value;
            if (offset == 14) image[15] = 0;
            Assert.Equal(-Errno.EINVAL, FatFileSystem.Mount(new MemoryBlockDevice(image), out FatFileSystem fs, out string error));
            Assert.Null(fs);
            Assert.Contains(reason, error);
        }
        Assert.Equal(-Errno.EIO, FatFileSystem.Mount(new MemoryBlockDevice(good.AsSpan(0, good.Length / 2).ToArray()), out _, out string truncated));
        Assert.Contains("truncated", truncated);
        var failing = new MemoryBlockDevice(good) { FailFrom = 0 };
        Assert.Equal(-Errno.EIO, FatFileSystem.Mount(failing, out _, out _));
    }

    [Fact]
    public void DeviceWriteErrorsSurfaceFromSync()
    {
        var device = new MemoryBlockDevice(BaseImage(32));
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem fs));
        Assert.Equal(0, fs.Root.Create("late.txt", VfsNodeKind.File, 0x1B6, out VfsNode f));
        Assert.Equal(3, f.Write(0, "abc"u8));
        device.FailWrites = true;
        Assert.Equal(-Errno.EIO, fs.Sync());
        device.FailWrites = false;
        Assert.Equal(0, fs.Sync()); // what failed stayed dirty and goes out now
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem again));
        Assert.Equal("abc", FatTools.Utf8(FatTools.ReadAll(again.Root.Lookup("late.txt"))));
    }
}
