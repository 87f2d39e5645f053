using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using XairrosX.Drivers.Console;
using XairrosX.Kernel.Input;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// keys [seconds]: reads key presses through the async <see cref="KeyStream"/> (await foreach on the kernel's
/// thread pool) and prints one line per key — <c>key character 'a'</c>, <c>key Up</c>, … — until <c>q</c> is
/// typed or the time (default 30 s) runs out; then <c>keys: N keys</c>.
/// </summary>
internal static class KeyCommands
{
    public static IEnumerable<ShellCommand> All() =>
    [
        new("keys", "[seconds]", "print key presses from the async key stream until 'q' (or the timeout)", Keys),
    ];

    private static int Keys(ShellContext c, IReadOnlyList<string> args)
    {
        int seconds = 30;
        if (args.Count > 1 || (args.Count == 1 && (!int.TryParse(args[0], out seconds) || seconds < 1 || seconds > 3600)))
            return c.Error("usage: keys [seconds] (1-3600)");
        c.Out.WriteLine("keys: reading the async key stream; q ends");
        int count = ReadUntilQuitAsync(c, TimeSpan.FromSeconds(seconds)).GetAwaiter().GetResult();
        c.Out.WriteLine($"keys: {count} keys");
        return 0;
    }

    private static async Task<int> ReadUntilQuitAsync(ShellContext c, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        int count = 0;
        await foreach (KeyPress key in KeyStream.ReadAsync(timeout.Token).ConfigureAwait(false))
        {
            if (key.Key == EditKey.Character && key.Char == 'q') break;
            count++;
            c.Out.WriteLine(key.Key == EditKey.Character ? $"key character '{key.Char}'" : $"key {key.Key}");
        }
        return count;
    }
}
