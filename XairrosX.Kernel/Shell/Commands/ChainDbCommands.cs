using System;
using System.Collections.Generic;
using System.IO;
using XairrosX.Blockchain.Service;
using XairrosX.Blockchain.Store;
using XairrosX.Kernel.Ledger;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// chaindb: the persistent chain service (XairrosX.Blockchain <see cref="ChainService"/> over a
/// <see cref="LogStructuredStore"/>) kept in a file of the VFS — on /disk it survives reboots and crashes:
/// every block is one store commit, flushed to the disk, and after a crash the store reopens at the last complete
/// block. <c>chaindb open &lt;file&gt;</c> → <c>chaindb: &lt;file&gt; &lt;bytes&gt; bytes, &lt;n&gt; keys, head &lt;number|none&gt;</c>;
/// <c>chaindb chain|trie|rlp ...</c> runs the service's command (its output lines, errors as <c>error: …</c>);
/// <c>chaindb close</c>. Malformed commands, a missing or corrupt file give an error line; the shell goes on.
/// </summary>
internal static class ChainDbCommands
{
    private static FileLogDevice s_device;
    private static LogStructuredStore s_store;
    private static ChainService s_service;

    public static IEnumerable<ShellCommand> All() =>
    [
        new("chaindb", "open <file> | close | chain ... | trie ... | rlp ...", "persistent chain service in a file (e.g. on /disk)", ChainDb),
    ];

    private static int ChainDb(ShellContext c, IReadOnlyList<string> args)
    {
        if (args.Count == 0) return c.Error("usage: chaindb open <file> | close | chain|trie|rlp <command> ...");
        switch (args[0])
        {
            case "open":
                if (args.Count != 2) return c.Error("usage: chaindb open <file>");
                return Open(c, args[1]);
            case "close":
                if (args.Count != 1) return c.Error("usage: chaindb close");
                if (s_service == null) return c.Error("chaindb: nothing is open");
                Close();
                c.Out.WriteLine("chaindb: closed");
                return 0;
            case "chain" or "trie" or "rlp":
                if (s_service == null) return c.Error("chaindb: no store open (chaindb open <file>)");
                string output;
                try
                {
                    output = s_service.Execute(string.Join(' ', args));
                }
                catch (IOException e)
                {
                    return c.Error("chaindb: disk error: " + e.Message);
                }
                c.Out.WriteLine(output);
                return output.StartsWith("error:", StringComparison.Ordinal) ? 1 : 0;
            default:
                return c.Error("usage: chaindb open <file> | close | chain|trie|rlp <command> ...");
        }
    }

    private static int Open(ShellContext c, string path)
    {
        Close();
        try
        {
            s_device = new FileLogDevice(path);
            s_store = LogStructuredStore.Open(s_device);
            s_service = new ChainService(s_store);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            Close();
            return c.Error($"chaindb: cannot open {path}: {e.Message}");
        }
        string head = s_service.Head is { } h ? h.Number.ToString() : "none";
        c.Out.WriteLine($"chaindb: {path} {s_device.Length} bytes, {s_store.Count} keys, head {head}");
        return 0;
    }

    private static void Close()
    {
        s_service = null;
        s_store = null;
        s_device?.Dispose();
        s_device = null;
    }
}
