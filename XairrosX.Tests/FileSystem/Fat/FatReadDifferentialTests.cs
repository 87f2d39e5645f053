using System;
using System.IO;
using XairrosX.Kernel.FileSystem.Fat;
using XairrosX.Plugs.Pal;
using XairrosX.Tests.Storage;
using Xunit;

namespace XairrosX.Tests.FileSystem.Fat;

/// <summary>(a) Volumes made by mkfs.vfat and filled by mcopy read back byte for byte.</summary>
public class FatReadDifferentialTests
{
    // A host tree with long, mixed-case, spaced and non-ASCII names, nesting, empty files and directories, and
    // files spanning many clusters.
    internal static string MakeHostTree(int seed)
    {
        var random = new Random(seed);
        string root = FatTools.TempDirectory("src");
        Directory.CreateDirectory(Path.Combine(root, "dir1", "sub dir", "deeper still"));
        Directory.CreateDirectory(Path.Combine(root, "Empty Directory"));
        File.WriteAllText(Path.Combine(root, "hello.txt"), "hello, FAT\n");
        File.WriteAllText(Path.Combine(root, "README"), "upper-case 8.3 name\n");
        File.WriteAllBytes(Path.Combine(root, "A Long File Name with spaces.data"), FatTools.RandomBytes(random, 5000));
        File.WriteAllBytes(Path.Combine(root, "ünïcødé-名前.bin"), FatTools.RandomBytes(random, 777));
        File.WriteAllBytes(Path.Combine(root, "zero.bytes"), []);
        File.WriteAllBytes(Path.Combine(root, "dir1", "MixedCase.Txt"), FatTools.RandomBytes(random, 513));
        File.WriteAllBytes(Path.Combine(root, "dir1", "sub dir", "big.bin"), FatTools.RandomBytes(random, 300_001));
        File.WriteAllBytes(Path.Combine(root, "dir1", "sub dir", "deeper still", "a.b.c.d"), FatTools.RandomBytes(random, 4096));
        for (int i = 0; i < 40; i++)
            File.WriteAllBytes(Path.Combine(root, "dir1", $"many file number {i:D3}.txt"), FatTools.RandomBytes(random, random.Next(0, 3000)));
        return root;
    }

    private static string MakeImage(int kib, int bits, string source, int sectorsPerCluster = 0)
    {
        string image = Path.Combine(FatTools.TempDirectory("img"), "vol.img");
        FatTools.MakeFat(image, kib, bits, sectorsPerCluster);
        FatTools.MustRun("sh", "-c", $"cd '{source}' && MTOOLS_SKIP_CHECK=1 mcopy -s -i '{image}' * ::/");
        return image;
    }

    [Theory]
    [InlineData(40960, 32, 0)]
    [InlineData(16384, 16, 0)]
    [InlineData(16384, 16, 4)]
    [InlineData(2048, 12, 0)]
    public void MkfsAndMcopyImageReadsBackIdentically(int kib, int bits, int sectorsPerCluster)
    {
        string source = MakeHostTree(bits + sectorsPerCluster);
        string image = MakeImage(kib, bits, source, sectorsPerCluster);
        var device = MemoryBlockDevice.FromFile(image);
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem fs, out string error));
        Assert.Null(error);
        Assert.Equal((FatType)bits, fs.Geometry.Type);
        Assert.Equal("XXTEST", fs.Geometry.Label);
        FatTools.AssertSameTree(FatTools.ReadHostTree(source), FatTools.ReadVfsTree(fs.Root));
        Assert.Equal(0, device.Writes);
    }

    [Fact]
    public void LookupIsCaseInsensitiveAndShortNamesKeepTheirCase()
    {
        string source = MakeHostTree(1);
        var device = MemoryBlockDevice.FromFile(MakeImage(40960, 32, source));
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem fs));
        Assert.Same(fs.Root.Lookup("hello.txt"), fs.Root.Lookup("HELLO.TXT"));
        Assert.Contains("hello.txt", fs.Root.ChildNames()); // mtools stores it as HELLO TXT with the NT lower-case bits
        Assert.Contains("README", fs.Root.ChildNames());
        Assert.Null(fs.Root.Lookup("nonexistent"));
        Assert.Equal(-Errno.EISDIR, fs.Root.Lookup("dir1").Read(0, new byte[1]));
    }

    [Fact]
    public void StatisticsMatchFsck()
    {
        string source = MakeHostTree(2);
        string image = MakeImage(40960, 32, source);
        Assert.Equal(0, FatTools.Run("fsck.vfat", ["-n", image], out string output));
        // "vol.img: 62 files, 700/80628 clusters"
        var m = System.Text.RegularExpressions.Regex.Match(output, @"(\d+)/(\d+) clusters");
        Assert.True(m.Success, output);
        long used = long.Parse(m.Groups[1].Value), total = long.Parse(m.Groups[2].Value);
        Assert.Equal(0, FatFileSystem.Mount(MemoryBlockDevice.FromFile(image), out FatFileSystem fs));
        Assert.Equal(total * fs.Geometry.ClusterBytes, fs.TotalBytes);
        Assert.Equal((total - used) * fs.Geometry.ClusterBytes, fs.FreeBytes);
    }
}
