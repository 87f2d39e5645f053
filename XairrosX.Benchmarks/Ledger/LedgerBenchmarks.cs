using System;
using BenchmarkDotNet.Attributes;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Trie;

using XairrosX.Kernel.Ledger;

namespace XairrosX.Benchmarks.Ledger;

/// <summary>
/// Merkle Patricia Trie: insert N random 32-byte keys and compute the root. The npm reference
/// (@ethereumjs/mpt) cannot run inside BenchmarkDotNet; its figure comes from
/// XairrosX.Tests/Blockchain/reference/trie-bench.mjs on the same machine (docs/benchmarks/ledger.md).
/// </summary>
[MemoryDiagnoser]
public class TrieInsertBenchmarks
{
    private byte[][] _keys = [];

    [Params(10_000)]
    public int Count;

    [GlobalSetup]
    public void Setup()
    {
        Random rng = new(1);
        _keys = new byte[Count][];
        for (int i = 0; i < Count; i++)
        {
            _keys[i] = new byte[32];
            rng.NextBytes(_keys[i]);
        }
    }

    [Benchmark(Description = "insert N + root")]
    public Hash32 InsertAndRoot()
    {
        PatriciaTrie trie = new();
        foreach (byte[] k in _keys) trie.Put(k, k);
        return trie.RootHash;
    }
}

/// <summary>Signed-transfer validation (decode + static checks + sender recovery): library vs NBitcoin.Secp256k1 recovery.</summary>
public class TransferValidationBenchmarks
{
    private byte[] _raw = [];
    private EthBlockProcessor _ours = null!, _reference = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = LedgerFixtures.SignedTransfer(LedgerFixtures.Key(7), 0, Address.Parse("0x00000000000000000000000000000000000000aa"), 5).Encoded!;
        EthChainConfig config = new() { ChainId = LedgerFixtures.ChainId };
        _ours = new EthBlockProcessor(config, Secp256k1Recovery.Instance);
        _reference = new EthBlockProcessor(config, NBitcoinRecovery.Instance);
    }

    [Benchmark(Baseline = true, Description = "validate transfer (NBitcoin recovery)")]
    public bool Reference() => _reference.TryValidateStatic(EthTransactionCodec.Decode(_raw), out _, out _);

    [Benchmark(Description = "validate transfer (library recovery)")]
    public bool Library() => _ours.TryValidateStatic(EthTransactionCodec.Decode(_raw), out _, out _);
}

/// <summary>Full validation of a block of 1,000 signed transfers (decode, recover, apply, roots).</summary>
public class BlockValidationBenchmarks
{
    private EthBlockHeader _genesis = null!;
    private WorldState _state = null!;
    private byte[] _block = [];
    private EthBlockProcessor _ours = null!, _reference = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_genesis, _state, _block) = LedgerFixtures.TransferBlock(1000);
        EthChainConfig config = new() { ChainId = LedgerFixtures.ChainId };
        _ours = new EthBlockProcessor(config, Secp256k1Recovery.Instance);
        _reference = new EthBlockProcessor(config, NBitcoinRecovery.Instance);
    }

    [Benchmark(Baseline = true, Description = "validate 1,000-transfer block (NBitcoin recovery)")]
    public bool Reference() => _reference.TryValidateBlock(_genesis, _state, EthBlock.Decode(_block), out _, out _);

    [Benchmark(Description = "validate 1,000-transfer block (library recovery)")]
    public bool Library() => _ours.TryValidateBlock(_genesis, _state, EthBlock.Decode(_block), out _, out _);
}
