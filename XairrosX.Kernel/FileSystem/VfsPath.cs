using System;
using System.Collections.Generic;

namespace XairrosX.Kernel.FileSystem;

/// <summary>
/// Lexical path handling of the VFS: every path becomes absolute and canonical ("/a/b") before it is
/// resolved — relative paths are taken from a working directory, "." and empty components vanish, ".."
/// removes the previous component and stops at the root. There are no symbolic links, so the lexical
/// result is the real one.
/// </summary>
public static class VfsPath
{
    /// <summary>Longest accepted path, in characters (Linux PATH_MAX).</summary>
    public const int MaxLength = 4096;
    /// <summary>Longest accepted component (Linux NAME_MAX).</summary>
    public const int MaxComponent = 255;

    /// <summary>Canonical absolute form of <paramref name="path"/> seen from <paramref name="workingDirectory"/>;
    /// false when a component or the path is too long or contains NUL.</summary>
    public static bool TryNormalize(string path, string workingDirectory, out string normalized)
    {
        normalized = null;
        if (path == null || path.Length > MaxLength || path.Contains('\0')) return false;
        var parts = new List<string>();
        if (!path.StartsWith('/') && !Append(parts, workingDirectory ?? "/")) return false;
        if (!Append(parts, path)) return false;
        normalized = parts.Count == 0 ? "/" : "/" + string.Join('/', parts);
        return normalized.Length <= MaxLength;
    }

    /// <summary>Components of a canonical path ("/" has none).</summary>
    public static string[] Components(string canonical) =>
        canonical.Length <= 1 ? Array.Empty<string>() : canonical.Substring(1).Split('/');

    /// <summary>Parent of a canonical path ("/" for "/" and for "/a").</summary>
    public static string Parent(string canonical)
    {
        int slash = canonical.LastIndexOf('/');
        return slash <= 0 ? "/" : canonical.Substring(0, slash);
    }

    /// <summary>Last component of a canonical path ("" for "/").</summary>
    public static string Name(string canonical) => canonical.Substring(canonical.LastIndexOf('/') + 1);

    /// <summary>Joins a canonical directory and a component.</summary>
    public static string Combine(string directory, string name) => directory == "/" ? "/" + name : directory + "/" + name;

    private static bool Append(List<string> parts, string path)
    {
        foreach (string part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part.Length > MaxComponent) return false;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        return true;
    }
}
