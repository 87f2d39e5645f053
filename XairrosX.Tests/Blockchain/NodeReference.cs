using System;
using System.Diagnostics;
using System.IO;

namespace XairrosX.Tests.Blockchain;

/// <summary>
/// Runs scripts of the npm reference project (XairrosX.Tests/Blockchain/reference), installing it
/// with `npm ci` on first use. The packages there are independent implementations used only as oracles.
/// </summary>
internal static class NodeReference
{
    private static readonly object Gate = new();

    public static string Directory { get; } = Locate();

    public static string Run(string script, string stdin)
    {
        EnsureInstalled();
        return Exec("node", script, stdin, TimeSpan.FromSeconds(60));
    }

    private static void EnsureInstalled()
    {
        lock (Gate)
        {
            // npm records what it installed in node_modules/.package-lock.json; a lock file changed since
            // (new reference packages) means the installed tree is stale.
            string installed = Path.Combine(Directory, "node_modules", ".package-lock.json");
            string wanted = Path.Combine(Directory, "package-lock.json");
            if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(wanted)) return;
            Exec("npm", "ci --no-audit --no-fund", "", TimeSpan.FromMinutes(5));
        }
    }

    private static string Exec(string file, string args, string stdin, TimeSpan timeout)
    {
        ProcessStartInfo psi = new(file, args)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        try
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process ended before reading all its input; its exit code and stderr say why.
        }
        if (!p.WaitForExit(timeout)) throw new TimeoutException(file + " " + args + " timed out");
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args} failed ({p.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }

    private static string Locate()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "XairrosX.Tests", "Blockchain", "reference");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new DirectoryNotFoundException("XairrosX.Tests/Blockchain/reference not found");
    }
}
