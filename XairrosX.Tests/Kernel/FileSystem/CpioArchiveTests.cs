using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using XairrosX.Kernel.FileSystem.Cpio;
using Xunit;

namespace XairrosX.Tests.Kernel.FileSystem;

public class CpioArchiveTests
{
    // GNU cpio (Debian package cpio, listed in tools/test-packages.txt) packs a real tree: the reference writer.
    private static byte[] PackWithGnuCpio(string root, params string[] names)
    {
        var psi = new ProcessStartInfo("cpio", "-o -H newc --quiet") { WorkingDirectory = root, RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(string.Join('\n', names) + "\n");
        p.StandardInput.Close();
        var bytes = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(bytes);
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return bytes.ToArray();
    }

    private static byte[] GnuSample()
    {
        string root = Directory.CreateTempSubdirectory("xx-cpio").FullName;
        Directory.CreateDirectory(Path.Combine(root, "models", "mnist"));
        File.WriteAllText(Path.Combine(root, "README"), "hello initrd\n");
        File.WriteAllBytes(Path.Combine(root, "models", "mnist", "model.onnx"), Enumerable.Range(0, 1001).Select(i => (byte)i).ToArray());
        File.WriteAllBytes(Path.Combine(root, "empty"), []);
        try { return PackWithGnuCpio(root, ".", "README", "empty", "models", "models/mnist", "models/mnist/model.onnx"); }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void ReadsWhatGnuCpioWrites()
    {
        byte[] archive = GnuSample();
        var entries = CpioArchive.Parse(archive);
        Assert.Equal(["README", "empty", "models", "models/mnist", "models/mnist/model.onnx"], entries.Select(e => e.Path));
        CpioEntry readme = entries[0];
        Assert.True(readme.IsFile);
        Assert.Equal("hello initrd\n", Encoding.UTF8.GetString(archive, readme.DataOffset, readme.DataLength));
        Assert.Equal(0, entries[1].DataLength);
        Assert.True(entries[2].IsDirectory && entries[3].IsDirectory);
        CpioEntry model = entries[4];
        Assert.Equal(1001, model.DataLength);
        Assert.Equal(Enumerable.Range(0, 1001).Select(i => (byte)i), archive.AsSpan(model.DataOffset, model.DataLength).ToArray());
    }

    [Fact]
    public void EveryTruncationIsAFormatError()
    {
        byte[] archive = GnuSample();
        int trailerEnd = archive.Length;
        while (archive[trailerEnd - 1] == 0) trailerEnd--; // GNU cpio pads to 512 bytes after the trailer name
        for (int length = 0; length < trailerEnd - 1; length++)
            Assert.Throws<CpioFormatException>(() => CpioArchive.Parse(archive.AsSpan(0, length)));
    }

    [Fact]
    public void CorruptedBytesGiveAFormatErrorOrAConsistentResult()
    {
        byte[] original = GnuSample();
        var rng = new Random(7);
        for (int round = 0; round < 3000; round++)
        {
            byte[] archive = (byte[])original.Clone();
            for (int k = rng.Next(1, 4); k > 0; k--) archive[rng.Next(archive.Length)] = (byte)rng.Next(256);
            try
            {
                foreach (CpioEntry e in CpioArchive.Parse(archive))
                {
                    Assert.InRange(e.DataOffset, 0, archive.Length);
                    Assert.InRange(e.DataLength, 0, archive.Length - e.DataOffset);
                    Assert.DoesNotContain("..", e.Path.Split('/'));
                }
            }
            catch (CpioFormatException) { }
        }
    }

    [Fact]
    public void CorruptedArchivesMountOrFailCleanly()
    {
        byte[] original = GnuSample();
        var rng = new Random(11);
        for (int round = 0; round < 1000; round++)
        {
            byte[] archive = (byte[])original.Clone();
            const string alphabet = "0123456789abcdef/.\0";
            archive[rng.Next(archive.Length)] = (byte)alphabet[rng.Next(alphabet.Length)];
            try
            {
                var vfs = new XairrosX.Kernel.FileSystem.VirtualFileSystem();
                vfs.Mount("/", new XairrosX.Kernel.FileSystem.Initrd.InitrdFileSystem(archive));
                Assert.Equal(0, vfs.List("/", out _));
            }
            catch (CpioFormatException) { }
        }
    }

    [Fact]
    public void RandomBytesAreAFormatError()
    {
        var rng = new Random(3);
        for (int round = 0; round < 500; round++)
        {
            byte[] junk = new byte[rng.Next(0, 600)];
            rng.NextBytes(junk);
            if (round % 2 == 0 && junk.Length >= 6) "070701"u8.CopyTo(junk);
            Assert.Throws<CpioFormatException>(() => CpioArchive.Parse(junk));
        }
    }

    [Fact]
    public void ErrorsSayWhatIsWrong()
    {
        Assert.Contains("bad magic", Assert.Throws<CpioFormatException>(() => CpioArchive.Parse(new byte[200])).Message);
        byte[] noTrailer = NewcBuilder.Build([NewcBuilder.File("a", "x")], trailer: false);
        Assert.Contains("TRAILER", Assert.Throws<CpioFormatException>(() => CpioArchive.Parse(noTrailer)).Message);
        byte[] escape = NewcBuilder.Build([NewcBuilder.File("../etc/passwd", "x")]);
        Assert.Contains("'..'", Assert.Throws<CpioFormatException>(() => CpioArchive.Parse(escape)).Message);
        byte[] badHex = NewcBuilder.Build([NewcBuilder.File("a", "x")]);
        badHex[20] = (byte)'g';
        Assert.Contains("not hexadecimal", Assert.Throws<CpioFormatException>(() => CpioArchive.Parse(badHex)).Message);
        byte[] hugeData = NewcBuilder.Build([NewcBuilder.File("a", "x")]);
        Encoding.ASCII.GetBytes("7FFFFFFF").CopyTo(hugeData, 6 + 8 * 6);
        Assert.Contains("runs past the end", Assert.Throws<CpioFormatException>(() => CpioArchive.Parse(hugeData)).Message);
    }

    [Fact]
    public void NormalizesMemberNames()
    {
        byte[] archive = NewcBuilder.Build([NewcBuilder.Dir("."), NewcBuilder.File("./a//b/./c", "x"), NewcBuilder.File("/abs", "y")]);
        Assert.Equal(["a/b/c", "abs"], CpioArchive.Parse(archive).Select(e => e.Path));
    }
}
