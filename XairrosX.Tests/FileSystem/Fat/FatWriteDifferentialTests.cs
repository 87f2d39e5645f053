using System;
using System.Collections.Generic;
using System.IO;
using XairrosX.Kernel.FileSystem;
using XairrosX.Kernel.FileSystem.Fat;
using XairrosX.Plugs.Pal;
using XairrosX.Tests.Storage;
using Xunit;

namespace XairrosX.Tests.FileSystem.Fat;

/// <summary>(b) What our code writes — long names, renames, deletions, truncation — fsck.vfat finds clean and mcopy
/// reads back identically.</summary>
public class FatWriteDifferentialTests
{
    internal static (SortedDictionary<string, byte[]> Files, SortedSet<string> Directories) Expected() =>
        (new SortedDictionary<string, byte[]>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));

    // Writes through the VFS (so rename takes the VFS path) and records what should be there.
    private static (SortedDictionary<string, byte[]> Files, SortedSet<string> Directories) Populate(FatFileSystem fs, int seed)
    {
        var random = new Random(seed);
        var vfs = new VirtualFileSystem();
        Assert.Equal(0, vfs.Mount("/", fs));
        var expected = Expected();
        void Write(string path, byte[] data)
        {
            int fd = vfs.OpenFiles.Open(path, VfsOpenFlags.WriteOnly | VfsOpenFlags.Create | VfsOpenFlags.Truncate);
            Assert.True(fd >= 0, $"open {path}: {fd}");
            // Pieces of odd sizes exercise partial sectors and cluster boundaries.
            for (int done = 0; done < data.Length;)
            {
                int n = Math.Min(data.Length - done, 1 + random.Next(20000));
                Assert.Equal(n, vfs.OpenFiles.Write(fd, data.AsSpan(done, n)));
                done += n;
            }
            Assert.Equal(0, vfs.OpenFiles.Close(fd));
            expected.Files[path.TrimStart('/')] = data;
        }
        void Mkdir(string path)
        {
            Assert.Equal(0, vfs.MakeDirectory(path));
            expected.Directories.Add(path.TrimStart('/'));
        }
        Mkdir("/docs");
        Mkdir("/docs/A directory with a long name");
        Mkdir("/docs/A directory with a long name/nested");
        Mkdir("/empty dir");
        Write("/README.TXT", "plain 8.3 upper case\n"u8.ToArray());
        Write("/readme-lower.txt", "needs a long name\n"u8.ToArray());
        Write("/Zero Length File.bin", []);
        Write("/docs/ünïcødé 名前 ✓.txt", "non-ASCII long name\n"u8.ToArray());
        Write("/docs/A directory with a long name/nested/big.bin", FatTools.RandomBytes(random, 700_000));
        for (int i = 0; i < 30; i++) Write($"/docs/Same Prefix Long Name {i:D2}.text", FatTools.RandomBytes(random, random.Next(0, 5000)));
        Write("/to-truncate.bin", FatTools.RandomBytes(random, 100_000));
        Write("/to-grow.bin", FatTools.RandomBytes(random, 1000));
        Write("/to-delete.bin", FatTools.RandomBytes(random, 50_000));
        Write("/to-rename.bin", FatTools.RandomBytes(random, 3000));

        VfsNode shrink = fs.Root.Lookup("to-truncate.bin");
        Assert.Equal(0, shrink.Truncate(1234));
        expected.Files["to-truncate.bin"] = expected.Files["to-truncate.bin"].AsSpan(0, 1234).ToArray();
        VfsNode grow = fs.Root.Lookup("to-grow.bin");
        Assert.Equal(0, grow.Truncate(9000));
        byte[] grown = new byte[9000];
        expected.Files["to-grow.bin"].CopyTo(grown, 0);
        expected.Files["to-grow.bin"] = grown;
        Assert.Equal(0, vfs.Unlink("/to-delete.bin"));
        expected.Files.Remove("to-delete.bin");
        Assert.Equal(0, vfs.Rename("/to-rename.bin", "/docs/Renamed Into A Subdirectory.bin"));
        expected.Files["docs/Renamed Into A Subdirectory.bin"] = expected.Files["to-rename.bin"];
        expected.Files.Remove("to-rename.bin");
        for (int i = 0; i < 30; i += 3)
        {
            Assert.Equal(0, vfs.Unlink($"/docs/Same Prefix Long Name {i:D2}.text"));
            expected.Files.Remove($"docs/Same Prefix Long Name {i:D2}.text");
        }
        // A directory with contents moves, and its ".." follows.
        Assert.Equal(0, vfs.Rename("/docs/A directory with a long name", "/Moved Directory"));
        foreach (string d in new[] { "docs/A directory with a long name", "docs/A directory with a long name/nested" }) expected.Directories.Remove(d);
        expected.Directories.Add("Moved Directory");
        expected.Directories.Add("Moved Directory/nested");
        expected.Files["Moved Directory/nested/big.bin"] = expected.Files["docs/A directory with a long name/nested/big.bin"];
        expected.Files.Remove("docs/A directory with a long name/nested/big.bin");
        Write("/docs/after deletions reuse slots.txt", "x"u8.ToArray());
        return expected;
    }

    [Theory]
    [InlineData(32, false)]
    [InlineData(32, true)]
    [InlineData(16, false)]
    [InlineData(12, false)]
    public void OurWritesAreCleanAndReadByMtools(int bits, bool ourFormatter)
    {
        string image = Path.Combine(FatTools.TempDirectory("w"), "vol.img");
        MemoryBlockDevice device;
        if (ourFormatter)
        {
            device = new MemoryBlockDevice(40L * 1024 * 2);
            Assert.Equal(0, FatFormatter.Format(device, "XXTEST", out string formatError));
            Assert.Null(formatError);
        }
        else
        {
            FatTools.MakeFat(image, bits == 32 ? 40960 : bits == 16 ? 16384 : 2048, bits);
            device = MemoryBlockDevice.FromFile(image);
        }
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem fs, out string error));
        Assert.Equal((FatType)bits, fs.Geometry.Type);
        var expected = bits == 12 ? PopulateSmall(fs) : Populate(fs, bits);
        Assert.Equal(0, fs.Sync());
        Assert.True(device.Flushes > 0);
        device.SaveTo(image);
        FatTools.AssertClean(image);
        FatTools.AssertSameTree(expected, FatTools.ReadHostTree(FatTools.ExtractAll(image)));
        // And a fresh mount sees the same.
        Assert.Equal(0, FatFileSystem.Mount(MemoryBlockDevice.FromFile(image), out FatFileSystem again));
        FatTools.AssertSameTree(expected, FatTools.ReadVfsTree(again.Root));
    }

    // FAT12 volumes are small (2 MiB here): fewer, smaller files, and the fixed root directory.
    private static (SortedDictionary<string, byte[]> Files, SortedSet<string> Directories) PopulateSmall(FatFileSystem fs)
    {
        var expected = Expected();
        var random = new Random(12);
        Assert.Equal(0, fs.Root.Create("Sub Directory", VfsNodeKind.Directory, 0x1FF, out VfsNode sub));
        expected.Directories.Add("Sub Directory");
        for (int i = 0; i < 20; i++)
        {
            VfsNode parent = i % 2 == 0 ? fs.Root : sub;
            string name = $"file with long name {i}.dat";
            Assert.Equal(0, parent.Create(name, VfsNodeKind.File, 0x1B6, out VfsNode f));
            byte[] data = FatTools.RandomBytes(random, random.Next(0, 40_000));
            Assert.Equal(data.Length, data.Length == 0 ? 0 : f.Write(0, data));
            expected.Files[(parent == sub ? "Sub Directory/" : "") + name] = data;
        }
        Assert.Equal(0, fs.Root.Remove("file with long name 4.dat"));
        expected.Files.Remove("file with long name 4.dat");
        Assert.Equal(0, fs.Root.MoveChild("file with long name 6.dat", sub, "moved.dat"));
        expected.Files["Sub Directory/moved.dat"] = expected.Files["file with long name 6.dat"];
        expected.Files.Remove("file with long name 6.dat");
        return expected;
    }

    [Fact]
    public void CreateRejectsBadNamesAndDuplicates()
    {
        var device = new MemoryBlockDevice(40L * 1024 * 2);
        Assert.Equal(0, FatFormatter.Format(device, null, out _));
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem fs));
        VfsNode root = fs.Root;
        Assert.Equal(0, root.Create("Name.txt", VfsNodeKind.File, 0x1B6, out _));
        Assert.Equal(-Errno.EEXIST, root.Create("NAME.TXT", VfsNodeKind.File, 0x1B6, out _));
        foreach (string bad in new[] { "", ".", "..", "a/b", "a:b", "q?", "star*", "trailing.", "trailing ", "tab\t" })
            Assert.Equal(-Errno.EINVAL, root.Create(bad, VfsNodeKind.File, 0x1B6, out _));
        Assert.Equal(-Errno.ENAMETOOLONG, root.Create(new string('x', 256), VfsNodeKind.File, 0x1B6, out _));
        Assert.Equal(0, root.Create(new string('x', 255), VfsNodeKind.File, 0x1B6, out _));
        Assert.Equal(0, root.Create("dir", VfsNodeKind.Directory, 0x1FF, out VfsNode dir));
        Assert.Equal(0, dir.Create("inside", VfsNodeKind.File, 0x1B6, out _));
        Assert.Equal(-Errno.ENOTEMPTY, root.Remove("dir"));
        Assert.Equal(-Errno.EINVAL, root.MoveChild("dir", dir, "self"));
        Assert.Equal(-Errno.ENOENT, root.Remove("missing"));
        Assert.Equal(-Errno.EISDIR, root.MoveChild("Name.txt", root, "dir"));
        Assert.Equal(-Errno.ENOTDIR, root.MoveChild("dir", root, "Name.txt"));
        Assert.Equal(0, root.Create("gone", VfsNodeKind.Directory, 0x1FF, out VfsNode gone));
        Assert.Equal(0, root.Remove("gone"));
        Assert.Equal(-Errno.ENOENT, gone.Create("into a removed directory", VfsNodeKind.File, 0x1B6, out _));
        Assert.Equal(0, root.MoveChild("Name.txt", root, "name.TXT")); // case-only rename
        Assert.Contains("name.TXT", root.ChildNames());
        Assert.DoesNotContain("Name.txt", root.ChildNames());
    }
}
