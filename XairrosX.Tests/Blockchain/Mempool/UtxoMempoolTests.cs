using System.Collections.Generic;
using XairrosX.Blockchain.Bitcoin;
using XairrosX.Blockchain.Bitcoin.Utxo;
using XairrosX.Blockchain.Mempool;
using XairrosX.Tests.Blockchain.Bitcoin;
using Xunit;
using static XairrosX.Tests.Blockchain.Bitcoin.UtxoLedgerTests;

namespace XairrosX.Tests.Blockchain.Mempool;

public class UtxoMempoolTests
{
    private static (Chain, OutPoint[]) MaturedChain()
    {
        Chain c = new();
        List<OutPoint> coins = new();
        for (int h = 0; h <= 102; h++)
        {
            BtcTransaction cb = Coinbase(h, 1_0000_0000, Alice.P2pkh);
            Assert.Null(c.TryConnect(Block(c.Tip, cb)));
            coins.Add(new OutPoint(cb.TxId, 0));
        }
        return (c, coins.ToArray());
    }

    private static TxOut Out(long value, byte[] script) => new() { Value = value, ScriptPubKey = script };

    [Fact]
    public void AdmissionDoubleSpendAndReplaceByFee()
    {
        (Chain c, OutPoint[] coins) = MaturedChain();
        UtxoMempool pool = new(c.View, ReferenceScriptCrypto.Production, Flags, 1_000_000);
        int height = c.Height - 1;

        BtcTransaction tooYoung = Spend(coins[^1], Alice.P2pkh, 1_0000_0000, Alice, Out(9000_0000, Bob.P2pkh));
        Assert.False(pool.TryAdd(tooYoung, height, out string? err));
        Assert.Equal("bad-txns-premature-spend-of-coinbase", err);

        BtcTransaction parent = Spend(coins[0], Alice.P2pkh, 1_0000_0000, Alice, Out(9999_0000, Bob.P2pkh));
        Assert.True(pool.TryAdd(parent, height, out err), err);
        Assert.False(pool.TryAdd(parent, height, out err));
        Assert.Equal("txn-already-in-mempool", err);
        BtcTransaction child = Spend(new OutPoint(parent.TxId, 0), Bob.P2pkh, 9999_0000, Bob, Out(9998_0000, Alice.P2wpkh));
        Assert.True(pool.TryAdd(child, height, out err), err);

        BtcTransaction cheapConflict = Spend(coins[0], Alice.P2pkh, 1_0000_0000, Alice, Out(9999_5000, Alice.P2wpkh));
        Assert.False(pool.TryAdd(cheapConflict, height, out err));
        Assert.Equal("insufficient fee: replacement fee rate not higher", err);
        BtcTransaction barelyHigher = Spend(coins[0], Alice.P2pkh, 1_0000_0000, Alice, Out(9998_9000, Alice.P2wpkh));
        Assert.False(pool.TryAdd(barelyHigher, height, out err));
        Assert.Equal("insufficient fee: replacement must pay for what it evicts plus relay", err);
        BtcTransaction replacement = Spend(coins[0], Alice.P2pkh, 1_0000_0000, Alice, Out(9990_0000, Alice.P2wpkh));
        Assert.True(pool.TryAdd(replacement, height, out err), err);
        Assert.False(pool.Contains(parent.TxId));
        Assert.False(pool.Contains(child.TxId)); // evicted with its parent
        Assert.Equal(1, pool.Count);

        BtcTransaction missing = Spend(new OutPoint(parent.TxId, 0), Bob.P2pkh, 9999_0000, Bob, Out(1, Bob.P2pkh));
        Assert.False(pool.TryAdd(missing, height, out err));
        Assert.Equal("missing-inputs", err);
        BtcTransaction forged = Spend(coins[1], Alice.P2pkh, 1_0000_0000, Bob, Out(1, Bob.P2pkh));
        Assert.False(pool.TryAdd(forged, height, out err));
        Assert.StartsWith("mandatory-script-verify-flag-failed", err);
    }

    [Fact]
    public void EvictionSelectionAndBlockRemoval()
    {
        (Chain c, OutPoint[] coins) = MaturedChain();
        UtxoMempool pool = new(c.View, ReferenceScriptCrypto.Production, Flags, 3 * 200);
        int height = c.Height - 1;
        long[] fees = [5_000, 50_000, 20_000, 80_000];
        List<BtcTransaction> txs = new();
        for (int i = 0; i < fees.Length; i++)
        {
            BtcTransaction tx = Spend(coins[i], Alice.P2pkh, 1_0000_0000, Alice, Out(1_0000_0000 - fees[i], Bob.P2pkh));
            txs.Add(tx);
            pool.TryAdd(tx, height, out _);
        }
        Assert.Equal(3, pool.Count);
        Assert.False(pool.Contains(txs[0].TxId)); // lowest fee rate evicted when the byte budget overflowed
        BtcTransaction child = Spend(new OutPoint(txs[2].TxId, 0), Bob.P2pkh, 1_0000_0000 - 20_000, Bob, Out(1_0000_0000 - 400_000, Bob.P2wpkh));
        UtxoMempool big = new(c.View, ReferenceScriptCrypto.Production, Flags, 1_000_000);
        foreach (BtcTransaction tx in txs) Assert.True(big.TryAdd(tx, height, out string? e), e);
        Assert.True(big.TryAdd(child, height, out string? ce), ce);
        List<BtcTransaction> picked = big.SelectForBlock(1_000_000);
        Assert.Equal(5, picked.Count);
        Assert.True(picked.IndexOf(txs[2]) < picked.IndexOf(child)); // parent first despite the child's higher rate

        FeeEstimator estimator = new(5);
        estimator.AddBlock(big.FeeRatesOf(picked));
        big.RemoveForBlock(Block(c.Tip, Coinbase(c.Height, 1, Miner.P2pkh), txs[2]));
        Assert.True(big.Contains(child.TxId)); // still valid: its parent is now confirmed (in this model)
        Assert.False(big.Contains(txs[2].TxId));
        Assert.NotNull(estimator.Estimate(50));
        Assert.True(estimator.Estimate(100) >= estimator.Estimate(10));
    }

    [Fact]
    public void FeeEstimatorPercentilesUseNearestRank()
    {
        FeeEstimator e = new(2);
        Assert.Null(e.Estimate(50));
        e.AddBlock([1, 2, 3, 4]);
        e.AddBlock([5, 6, 7, 8, 9, 10]);
        Assert.Equal(5UL, e.Estimate(50));
        Assert.Equal(10UL, e.Estimate(100));
        Assert.Equal(1UL, e.Estimate(0));
        e.AddBlock([100]); // the first block leaves the window
        Assert.Equal(8UL, e.Estimate(50)); // 5,6,7,8,9,10,100: rank ceil(3.5) = 4
    }
}
