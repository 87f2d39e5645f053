using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using XairrosX.Kernel.FileSystem;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// ls, cat, hexdump, write, mkdir, rm, cp, mv, pwd, cd, mount: files through the BCL's System.IO, which the PAL hands
/// to the kernel VFS — the shell uses the same File/Directory API any .NET program would. Paths are relative
/// to the shell's working directory.
/// </summary>
internal static class FileCommands
{
    private const int MaxHexdumpBytes = 64 * 1024;

    /// <summary>The shell's current directory (canonical, absolute).</summary>
    public static string WorkingDirectory { get; private set; } = "/";

    /// <summary>Canonical absolute form of a path typed in the shell.</summary>
    public static string FullPath(string path) =>
        VfsPath.TryNormalize(path, WorkingDirectory, out string canonical) ? canonical : throw new PathTooLongException($"path too long: {path.Length} characters");

    public static IEnumerable<ShellCommand> All() =>
    [
        new("ls", "[path]", "list a directory (or show a file)", Guarded(List)),
        new("cat", "<file>", "print a file", Guarded(Cat)),
        new("hexdump", "<file>", "hex and ASCII dump of a file (first 64 KiB)", Guarded(Hexdump)),
        new("write", "<file> <text…>", "write the text and a newline to a file (e.g. under /tmp)", Guarded(Write)),
        new("mkdir", "<dir>", "create a directory", Guarded((c, a) => OnePath(c, a, "mkdir <dir>", p => Directory.CreateDirectory(p)))),
        new("rm", "<file|empty dir>", "remove a file or an empty directory", Guarded((c, a) => OnePath(c, a, "rm <path>", p => { if (Directory.Exists(p)) Directory.Delete(p); else if (File.Exists(p)) File.Delete(p); else throw new FileNotFoundException($"Could not find '{p}'."); }))),
        new("pwd", "", "print the working directory", (c, a) => { c.Out.WriteLine(WorkingDirectory); return 0; }),
        new("cd", "[dir]", "change the working directory (/ without argument)", Guarded(ChangeDirectory)),
        new("cp", "<file> <file|dir>", "copy a file (into a directory when the target is one)", Guarded(Copy)),
        new("mv", "<path> <path|dir>", "move or rename a file or directory (files also across file systems)", Guarded(Move)),
        new("sha256sum", "<file>", "SHA-256 of a file's bytes (lowercase hex, then the path)", Guarded(Sha256Sum)),
        new("mount", "", "list mounted file systems", Mounts),
    ];

    private static int Sha256Sum(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count != 1) return c.Error("usage: sha256sum <file>");
        string path = FullPath(a[0]);
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        var hash = XairrosX.Blockchain.Crypto.Sha256.Create();
        byte[] buffer = new byte[CopyChunk];
        int n;
        while ((n = input.Read(buffer)) > 0) hash.Append(buffer.AsSpan(0, n));
        Span<byte> digest = stackalloc byte[32];
        hash.Finish(digest);
        c.Out.WriteLine($"{Convert.ToHexStringLower(digest)}  {path}");
        return 0;
    }

    private const int CopyChunk = 64 * 1024;

    // A target that is an existing directory receives the source under its own name.
    private static string Target(string source, string target) =>
        Directory.Exists(target) ? VfsPath.Combine(target, VfsPath.Name(source)) : target;

    private static int Copy(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count != 2) return c.Error("usage: cp <file> <file|dir>");
        string source = FullPath(a[0]);
        if (Directory.Exists(source)) return c.Error($"cp: {source} is a directory (copying directories is not supported)");
        string target = Target(source, FullPath(a[1]));
        if (target == source) return c.Error($"cp: {source} and {target} are the same file");
        CopyFile(source, target);
        return 0;
    }

    private static void CopyFile(string source, string target)
    {
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        using var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        byte[] buffer = new byte[CopyChunk];
        int n;
        while ((n = input.Read(buffer)) > 0) output.Write(buffer, 0, n);
    }

    private static int Move(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count != 2) return c.Error("usage: mv <path> <path|dir>");
        string source = FullPath(a[0]);
        string target = Target(source, FullPath(a[1]));
        if (target == source) return 0;
        if (Directory.Exists(source))
        {
            Directory.Move(source, target);
            return 0;
        }
        if (!File.Exists(source)) throw new FileNotFoundException($"Could not find '{source}'.");
        try
        {
            File.Move(source, target, overwrite: true);
        }
        catch (IOException) when (File.Exists(source) && !SameFileSystem(source, target))
        {
            // Rename cannot cross file systems (e.g. /tmp to /disk): copy, then remove the original.
            CopyFile(source, target);
            File.Delete(source);
        }
        return 0;
    }

    private static bool SameFileSystem(string a, string b)
    {
        VirtualFileSystem vfs = FileSystemBoot.Vfs;
        return vfs.FileSystemOf(a, out string mountA, out _) == 0 && vfs.FileSystemOf(VfsPath.Parent(b), out string mountB, out _) == 0 && mountA == mountB;
    }

    // System.IO failures become one error line naming the command.
    private static Func<ShellContext, IReadOnlyList<string>, int> Guarded(Func<ShellContext, IReadOnlyList<string>, int> run) =>
        (c, a) =>
        {
            try { return run(c, a); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return c.Error(e.Message);
            }
        };

    private static int OnePath(ShellContext c, IReadOnlyList<string> a, string usage, Action<string> action)
    {
        if (a.Count != 1) return c.Error("usage: " + usage);
        action(FullPath(a[0]));
        return 0;
    }

    private static int List(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count > 1) return c.Error("usage: ls [path]");
        string path = FullPath(a.Count == 1 ? a[0] : ".");
        if (File.Exists(path))
        {
            c.Out.WriteLine($"{new FileInfo(path).Length,10}  {VfsPath.Name(path)}");
            return 0;
        }
        if (!Directory.Exists(path)) return c.Error($"ls: no such file or directory: {path}");
        foreach (FileSystemInfo entry in new DirectoryInfo(path).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo) c.Out.WriteLine($"{"<dir>",10}  {entry.Name}/");
            else c.Out.WriteLine($"{((FileInfo)entry).Length,10}  {entry.Name}");
        }
        return 0;
    }

    private static int Cat(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count != 1) return c.Error("usage: cat <file>");
        string text = File.ReadAllText(FullPath(a[0]));
        c.Out.Write(text);
        if (text.Length > 0 && !text.EndsWith('\n')) c.Out.WriteLine();
        return 0;
    }

    private static int Hexdump(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count != 1) return c.Error("usage: hexdump <file>");
        using var stream = new FileStream(FullPath(a[0]), FileMode.Open, FileAccess.Read);
        long total = stream.Length;
        var bytes = new byte[(int)Math.Min(total, MaxHexdumpBytes)];
        stream.ReadExactly(bytes);
        HexDump.Write(c.Out, bytes);
        c.Out.WriteLine(total > bytes.Length ? $"{bytes.Length:x8}  … ({total} bytes, first {bytes.Length} shown)" : bytes.Length.ToString("x8"));
        return 0;
    }

    private static int Write(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count < 2) return c.Error("usage: write <file> <text…>");
        string path = FullPath(a[0]);
        var words = new List<string>(a);
        words.RemoveAt(0);
        File.WriteAllText(path, string.Join(' ', words) + "\n");
        c.Out.WriteLine($"wrote {new FileInfo(path).Length} bytes to {path}");
        return 0;
    }

    private static int ChangeDirectory(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count > 1) return c.Error("usage: cd [dir]");
        string path = FullPath(a.Count == 1 ? a[0] : "/");
        if (!Directory.Exists(path)) return c.Error($"cd: not a directory: {path}");
        WorkingDirectory = path;
        return 0;
    }

    private static int Mounts(ShellContext c, IReadOnlyList<string> a)
    {
        if (FileSystemBoot.Vfs == null) return c.Error("mount: no file systems mounted");
        foreach (var (mountPoint, fs) in FileSystemBoot.Vfs.Mounts)
            c.Out.WriteLine($"{fs.TypeName} on {mountPoint} ({fs.UsedBytes} bytes of files)");
        return 0;
    }
}
