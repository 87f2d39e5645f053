using System;
using System.IO;

namespace XairrosX.Tests;

/// <summary>Locates ../shared/vectors (public conformance data, read in place, never copied).</summary>
public static class SharedVectors
{
    /// <summary>Absolute path of the shared vectors folder; XAIRROSX_VECTORS overrides the search.</summary>
    public static string Root { get; } = Find();

    /// <summary>Path of a file or folder below the vectors root.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        string? env = Environment.GetEnvironmentVariable("XAIRROSX_VECTORS");
        if (!string.IsNullOrEmpty(env)) return env;
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared", "vectors");
            if (Directory.Exists(candidate)) return candidate;
            candidate = System.IO.Path.Combine(dir.FullName, "..", "shared", "vectors");
            if (Directory.Exists(candidate) && File.Exists(System.IO.Path.Combine(dir.FullName, "XairrosX.sln")))
                return System.IO.Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException("shared/vectors not found beside the repository; set XAIRROSX_VECTORS");
    }
}
