using System;
using System.Diagnostics;
using System.Globalization;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Trie;
using XairrosX.Kernel.Ledger;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// <c>bench ledger</c>: the ledger figures of XairrosX.Benchmarks/Ledger measured inside the OS on the same inputs
/// (<see cref="LedgerFixtures"/> is shared source): 10,000 trie inserts plus the root, and full validation of a
/// 1,000-transfer block (decode, sender recovery, state transition, roots), best of three. Under QEMU TCG the
/// times are emulated.
/// </summary>
internal static class LedgerBench
{
    private const int TrieKeys = 10_000, BlockTransfers = 1000, Rounds = 3;

    public static int Run(ShellContext c)
    {
        var o = c.Out;
        o.WriteLine($"bench ledger: {Environment.ProcessorCount} CPU, best of {Rounds}");

        // The host's TrieInsertBenchmarks input: 10,000 random 32-byte keys from Random(1), each stored as its own value.
        var rng = new Random(1);
        var keys = new byte[TrieKeys][];
        for (int i = 0; i < TrieKeys; i++)
        {
            keys[i] = new byte[32];
            rng.NextBytes(keys[i]);
        }
        double trieBest = double.MaxValue;
        Hash32 root = default;
        for (int round = 0; round < Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var trie = new PatriciaTrie();
            foreach (byte[] k in keys) trie.Put(k, k);
            root = trie.RootHash;
            trieBest = Math.Min(trieBest, clock.Elapsed.TotalMilliseconds);
        }
        o.WriteLine($"bench ledger: trie {TrieKeys} inserts + root {Ms(trieBest)} ms ({TrieKeys / (trieBest / 1000):F0} inserts/s), root {root}");

        var build = Stopwatch.StartNew();
        (EthBlockHeader genesis, WorldState state, byte[] block) = LedgerFixtures.TransferBlock(BlockTransfers);
        o.WriteLine($"bench ledger: built and signed a {BlockTransfers}-transfer block in {Ms(build.Elapsed.TotalMilliseconds)} ms");
        var processor = new EthBlockProcessor(new EthChainConfig { ChainId = LedgerFixtures.ChainId }, Secp256k1Recovery.Instance);
        double best = double.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            bool ok = processor.TryValidateBlock(genesis, state, EthBlock.Decode(block), out _, out string error);
            double ms = clock.Elapsed.TotalMilliseconds;
            if (!ok) return c.Error("bench ledger: the fixture block did not validate: " + error);
            best = Math.Min(best, ms);
        }
        o.WriteLine($"bench ledger: validate {BlockTransfers}-transfer block {Ms(best)} ms ({BlockTransfers / (best / 1000):F0} transfers/s)");
        return 0;
    }

    private static string Ms(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture);
}
