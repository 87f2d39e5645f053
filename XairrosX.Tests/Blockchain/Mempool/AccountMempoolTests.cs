using System.Collections.Generic;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Mempool;
using XairrosX.Blockchain.Primitives;
using XairrosX.Tests.Blockchain.Ethereum;
using Xunit;

namespace XairrosX.Tests.Blockchain.Mempool;

public class AccountMempoolTests
{
    private static byte[] Key(byte b)
    {
        byte[] k = new byte[32];
        k[0] = 0x21;
        k[31] = b;
        return k;
    }

    private static readonly byte[] A = Key(1), B = Key(2), C = Key(3);
    private static readonly Address Sink = Address.Parse("0x00000000000000000000000000000000000000aa");

    private static AccountMempool Pool(int capacity, out WorldState state)
    {
        state = new WorldState();
        foreach (byte[] k in new[] { A, B, C }) state.Set(ReferenceEcdsa.AddressOf(k), EthAccount.WithBalance(UInt256.Parse("1000000000000000000")));
        EthBlockProcessor p = new(new EthChainConfig { ChainId = 7 }, Secp256k1Recovery.Instance);
        return new AccountMempool(p, state, capacity) { BaseFee = 1_000_000_000UL };
    }

    [Fact]
    public void NonceGapsReplacementAndOrdering()
    {
        AccountMempool pool = Pool(100, out WorldState state);
        Assert.True(pool.TryAdd(EthLedgerTests.Transfer(A, 0, Sink, 1, tip: 1_000), out string? err), err);
        Assert.True(pool.TryAdd(EthLedgerTests.Transfer(A, 2, Sink, 1, tip: 9_000), out err), err); // gap at nonce 1
        Assert.Equal(1, pool.PendingCount);
        Assert.True(pool.TryAdd(EthLedgerTests.Transfer(B, 0, Sink, 1, tip: 5_000), out err), err);

        Assert.False(pool.TryAdd(EthLedgerTests.Transfer(A, 0, Sink, 2, tip: 1_050), out err));
        Assert.Equal("replacement transaction underpriced", err);
        EthTransaction bump = EthLedgerTests.Transfer(A, 0, Sink, 2, maxFee: 2_200_000_000, tip: 1_100);
        Assert.True(pool.TryAdd(bump, out err), err);
        Assert.Equal(3, pool.Count);

        List<EthTransaction> block = pool.SelectForBlock(1_000_000);
        Assert.Equal(2, block.Count); // A's nonce 2 waits for nonce 1
        Assert.Equal(ReferenceEcdsa.AddressOf(B), Sender(block[0])); // higher tip first
        Assert.Same(bump, block[1]);

        Assert.True(pool.TryAdd(EthLedgerTests.Transfer(A, 1, Sink, 1, tip: 2_000), out err), err);
        Assert.Equal(4, pool.PendingCount);
        Assert.False(pool.TryAdd(EthLedgerTests.Transfer(A, 70, Sink, 1), out err));
        Assert.Equal("nonce too far in the future", err);
        Assert.False(pool.TryAdd(EthLedgerTests.Transfer(A, 1, Sink, 1, chainId: 9), out err));
        Assert.Equal("wrong chain id 9", err);

        // A block executes A's nonce 0: the pool drops it after the head moves.
        EthAccount a = state.Get(ReferenceEcdsa.AddressOf(A))!;
        state.Set(ReferenceEcdsa.AddressOf(A), a with { Nonce = 1 });
        pool.Prune();
        Assert.False(pool.Contains(bump.Hash));
        Assert.False(pool.TryAdd(EthLedgerTests.Transfer(A, 0, Sink, 3, tip: 50_000), out err));
        Assert.Equal("nonce too low", err);
    }

    [Fact]
    public void FullPoolEvictsGappedThenLowestTip()
    {
        AccountMempool pool = Pool(3, out _);
        Assert.True(pool.TryAdd(EthLedgerTests.Transfer(A, 0, Sink, 1, tip: 1_000), out _));
        Assert.True(pool.TryAdd(EthLedgerTests.Transfer(B, 0, Sink, 1, tip: 2_000), out _));
        EthTransaction gapped = EthLedgerTests.Transfer(C, 5, Sink, 1, tip: 100_000);
        Assert.True(pool.TryAdd(gapped, out _));
        EthTransaction rich = EthLedgerTests.Transfer(C, 0, Sink, 1, tip: 3_000);
        Assert.True(pool.TryAdd(rich, out _));
        Assert.False(pool.Contains(gapped.Hash)); // the gapped one goes first despite its tip
        EthTransaction poor = EthLedgerTests.Transfer(A, 1, Sink, 1, tip: 10);
        Assert.False(pool.TryAdd(poor, out string? err));
        Assert.Equal("mempool full and fee too low", err);
        Assert.Equal(3, pool.Count);
    }

    private static Address Sender(EthTransaction tx)
    {
        Assert.True(SenderRecovery.TryRecoverSender(tx, Secp256k1Recovery.Instance, out Address s, out _));
        return s;
    }
}
