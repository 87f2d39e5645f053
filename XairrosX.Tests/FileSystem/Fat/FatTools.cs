using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using XairrosX.Kernel.FileSystem;
using Xunit;

namespace XairrosX.Tests.FileSystem.Fat;

/// <summary>
/// Debian's dosfstools (mkfs.vfat, fsck.vfat) and mtools (mcopy, mmd, mdir), the independent FAT implementations
/// the differential tests compare with. ./xairrosx installs both (they also build the boot ISO).
/// </summary>
internal static class FatTools
{
    public static string TempDirectory(string tag) => Directory.CreateTempSubdirectory("xx-fat-" + tag).FullName;

    /// <summary>Runs a tool; returns its exit code, with stdout+stderr.</summary>
    public static int Run(string tool, IEnumerable<string> args, out string output)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) psi.ArgumentList.Add(a);
        // mtools refuses images whose size does not match a floppy geometry unless told not to check.
        psi.Environment["MTOOLS_SKIP_CHECK"] = "1";
        psi.Environment["LC_ALL"] = "C.UTF-8";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        output = stdout + stderr.Result;
        return p.ExitCode;
    }

    public static void MustRun(string tool, params string[] args)
    {
        int code = Run(tool, args, out string output);
        Assert.True(code == 0, $"{tool} {string.Join(' ', args)} exited {code}: {output}");
    }

    /// <summary>mkfs.vfat -C image of <paramref name="kib"/> KiB with a FAT of <paramref name="bits"/> bits.</summary>
    public static void MakeFat(string image, int kib, int bits, int sectorsPerCluster = 0)
    {
        File.Delete(image);
        var args = new List<string> { "-F", bits.ToString(), "-n", "XXTEST" };
        if (sectorsPerCluster > 0) { args.Add("-s"); args.Add(sectorsPerCluster.ToString()); }
        args.AddRange(["-C", image, kib.ToString()]);
        int code = Run("mkfs.vfat", args, out string output);
        Assert.True(code == 0, "mkfs.vfat: " + output);
    }

    /// <summary>fsck.vfat -n: exit 0 and no complaint means clean.</summary>
    public static void AssertClean(string image)
    {
        int code = Run("fsck.vfat", ["-n", image], out string output);
        Assert.True(code == 0, $"fsck.vfat -n {image} exited {code}:\n{output}");
    }

    /// <summary>Copies the whole volume out with mcopy into a fresh directory and returns it.</summary>
    public static string ExtractAll(string image)
    {
        string dir = TempDirectory("out");
        // An empty root gives mcopy nothing to match; a listing first tells the two cases apart.
        Run("mdir", ["-i", image, "-b", "::/"], out string listing);
        if (listing.Trim().Length > 0) MustRun("mcopy", "-s", "-n", "-i", image, "::/*", dir);
        return dir;
    }

    /// <summary>Files (path → bytes) and directories under a host directory, paths relative with '/'.</summary>
    public static (SortedDictionary<string, byte[]> Files, SortedSet<string> Directories) ReadHostTree(string root)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var dirs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (Directory.Exists(path)) dirs.Add(rel);
            else files.Add(rel, File.ReadAllBytes(path));
        }
        return (files, dirs);
    }

    /// <summary>Files and directories under a VFS node, read through the node API.</summary>
    public static (SortedDictionary<string, byte[]> Files, SortedSet<string> Directories) ReadVfsTree(VfsNode root)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var dirs = new SortedSet<string>(StringComparer.Ordinal);
        Walk(root, "", files, dirs);
        return (files, dirs);
    }

    public static byte[] ReadAll(VfsNode file)
    {
        var data = new byte[file.Length];
        int done = 0;
        while (done < data.Length)
        {
            // Odd-sized reads exercise unaligned paths.
            int n = file.Read(done, data.AsSpan(done, Math.Min(data.Length - done, 70001)));
            Assert.True(n > 0, $"read returned {n} at {done} of {data.Length}");
            done += n;
        }
        return data;
    }

    private static void Walk(VfsNode dir, string prefix, SortedDictionary<string, byte[]> files, SortedSet<string> dirs)
    {
        foreach (string name in dir.ChildNames())
        {
            VfsNode child = dir.Lookup(name);
            Assert.NotNull(child);
            string path = prefix + name;
            if (child.Kind == VfsNodeKind.Directory)
            {
                dirs.Add(path);
                Walk(child, path + "/", files, dirs);
            }
            else files.Add(path, ReadAll(child));
        }
    }

    public static void AssertSameTree((SortedDictionary<string, byte[]> Files, SortedSet<string> Directories) expected,
        (SortedDictionary<string, byte[]> Files, SortedSet<string> Directories) actual)
    {
        Assert.Equal(expected.Directories.ToArray(), actual.Directories.ToArray());
        Assert.Equal(expected.Files.Keys.ToArray(), actual.Files.Keys.ToArray());
        foreach ((string path, byte[] data) in expected.Files)
            Assert.True(data.AsSpan().SequenceEqual(actual.Files[path]), $"{path}: contents differ ({data.Length} vs {actual.Files[path].Length} bytes)");
    }

    public static byte[] RandomBytes(Random random, int length)
    {
        var data = new byte[length];
        random.NextBytes(data);
        return data;
    }

    public static string Utf8(byte[] data) => Encoding.UTF8.GetString(data);
}
