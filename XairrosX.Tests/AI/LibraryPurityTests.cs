using System;
using System.IO;
using System.Linq;
using Xunit;

namespace XairrosX.Tests.AI;

/// <summary>
/// XairrosX.AI compiles into the kernel: no file/network I/O, reflection or P/Invoke in its sources, and no threads of
/// its own. The one exception is the SGEMM's row split over the BCL thread pool (<c>Parallel.For</c>, which the kernel's
/// scheduler runs), confined to Kernels/Sgemm.cs.
/// </summary>
public class LibraryPurityTests
{
    private static readonly string[] Forbidden =
    [
        "System.IO.File", "File.Read", "File.Open", "System.Net", "new Thread", "System.Threading.Tasks.Task", "Task.Run",
        "Parallel.", "System.Reflection", "DllImport", "LibraryImport", "System.Linq", "Environment.GetEnvironmentVariable",
        "System.Security.Cryptography", "Console.",
    ];

    private static string LibraryDirectory()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "XairrosX.sln"))) return Path.Combine(dir.FullName, "XairrosX.AI");
        throw new DirectoryNotFoundException("repository root (XairrosX.sln) not found above the test binaries");
    }

    [Fact]
    public void SourcesUseNoForbiddenApis()
    {
        string[] files = Directory.GetFiles(LibraryDirectory(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToArray();
        Assert.True(files.Length > 30, $"only {files.Length} source files found");
        foreach (string file in files)
        {
            string text = File.ReadAllText(file);
            foreach (string api in Forbidden)
            {
                if (api == "Parallel." && Path.GetFileName(file) == "Sgemm.cs") continue;
                Assert.False(text.Contains(api, StringComparison.Ordinal), $"{Path.GetFileName(file)} uses {api}");
            }
            Assert.True(File.ReadAllLines(file).Length < 600, $"{Path.GetFileName(file)} is past 600 lines");
        }
    }
}
