using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;
using Xunit;

namespace XairrosX.Tests.Blockchain.Ethereum;

public class EthLedgerTests
{
    private static readonly EthChainConfig Config = new() { ChainId = 7 };
    private static readonly byte[] KeyA = Key(1), KeyB = Key(2);
    private static readonly Address Miner = Address.Parse("0x000000000000000000000000000000000000beef");

    private static byte[] Key(byte b)
    {
        byte[] k = new byte[32];
        k[31] = b;
        k[0] = 0x11;
        return k;
    }

    internal static EthTransaction Signed(byte[] key, EthTransaction unsigned)
    {
        Hash32 h = EthTransactionCodec.SigningHash(unsigned);
        (int rec, UInt256 r, UInt256 s) = ReferenceEcdsa.Sign(key, h);
        EthTransaction tx = new()
        {
            Type = unsigned.Type, ChainId = unsigned.ChainId, Nonce = unsigned.Nonce, GasPrice = unsigned.GasPrice,
            MaxFeePerGas = unsigned.MaxFeePerGas, MaxPriorityFeePerGas = unsigned.MaxPriorityFeePerGas,
            GasLimit = unsigned.GasLimit, To = unsigned.To, Value = unsigned.Value, Data = unsigned.Data,
            AccessList = unsigned.AccessList, RecoveryId = rec, R = r, S = s,
        };
        EthTransactionCodec.Encode(tx);
        return tx;
    }

    internal static EthTransaction Transfer(byte[] key, ulong nonce, Address to, ulong value, ulong maxFee = 2_000_000_000, ulong tip = 1_000, ulong chainId = 7) =>
        Signed(key, new EthTransaction
        {
            Type = EthTransactionType.DynamicFee, ChainId = chainId, Nonce = nonce, MaxFeePerGas = maxFee, GasPrice = maxFee,
            MaxPriorityFeePerGas = tip, GasLimit = 21_000, To = to, Value = value,
        });

    private static (EthBlockProcessor, WorldState, EthBlockHeader) Genesis()
    {
        EthBlockProcessor p = new(Config, Secp256k1Recovery.Instance);
        WorldState s = new();
        s.Set(ReferenceEcdsa.AddressOf(KeyA), EthAccount.WithBalance(UInt256.Parse("1000000000000000000")));
        EthBlockHeader g = new() { StateRoot = s.ComputeRoot(), GasLimit = 10_000_000, BaseFee = Config.InitialBaseFee };
        return (p, s, g);
    }

    [Fact]
    public void RuleViolationsAreRejectedWithReasons()
    {
        (EthBlockProcessor p, WorldState s, _) = Genesis();
        Address a = ReferenceEcdsa.AddressOf(KeyA), b = ReferenceEcdsa.AddressOf(KeyB);
        UInt256 baseFee = Config.InitialBaseFee;
        string? Apply(EthTransaction tx)
        {
            if (!p.TryValidateStatic(tx, out Address sender, out string? e)) return e;
            return p.TryApply(s, tx, sender, Miner, baseFee, 10_000_000, out _, out e) ? null : e;
        }
        Assert.Equal("nonce too high", Apply(Transfer(KeyA, 1, b, 1)));
        Assert.Equal("wrong chain id 8", Apply(Transfer(KeyA, 0, b, 1, chainId: 8)));
        Assert.Equal("max fee per gas below base fee", Apply(Transfer(KeyA, 0, b, 1, maxFee: 10, tip: 1)));
        Assert.Equal("max priority fee exceeds max fee", Apply(Transfer(KeyA, 0, b, 1, maxFee: 2_000_000_000, tip: 3_000_000_000)));
        Assert.Equal("insufficient funds for gas * price + value", Apply(Transfer(KeyA, 0, b, 2_000_000_000_000_000_000UL)));
        Assert.Equal("insufficient funds for gas * price + value", Apply(Transfer(KeyB, 0, a, 1)));
        Assert.Null(Apply(Transfer(KeyA, 0, b, 5)));
        Assert.Equal("nonce too low", Apply(Transfer(KeyA, 0, b, 5)));
        EthTransaction lowGas = Signed(KeyA, new EthTransaction
        {
            Type = EthTransactionType.Legacy, ChainId = 7, Nonce = 1, GasPrice = 2_000_000_000UL,
            MaxFeePerGas = 2_000_000_000UL, MaxPriorityFeePerGas = 2_000_000_000UL, GasLimit = 21_000, To = b, Data = [1, 0],
        });
        Assert.Equal("gas limit below intrinsic gas", Apply(lowGas));
        Assert.Equal(21_000UL + 16 + 4, lowGas.IntrinsicGas);
        EthTransaction creation = Signed(KeyA, new EthTransaction { Type = EthTransactionType.DynamicFee, ChainId = 7, Nonce = 1, MaxFeePerGas = 2_000_000_000UL, GasLimit = 100_000 });
        Assert.Equal("contract creation is not supported (no EVM)", Apply(creation));

        // Fee accounting: B got 5 wei; the miner got the tip; A paid value + gas at base fee + tip.
        Assert.Equal((UInt256)5UL, s.BalanceOf(b));
        Assert.Equal((UInt256)(21_000UL * 1_000), s.BalanceOf(Miner));
        Assert.Equal(UInt256.Parse("1000000000000000000") - 5UL - 21_000UL * (1_000_000_000UL + 1_000), s.BalanceOf(a));
    }

    [Fact]
    public void BlocksChainValidateAndTamperingIsDetected()
    {
        (EthBlockProcessor p, WorldState s, EthBlockHeader g) = Genesis();
        Address b = ReferenceEcdsa.AddressOf(KeyB);
        List<EthTransaction> txs = new();
        for (ulong n = 0; n < 20; n++) txs.Add(Transfer(KeyA, n, b, 1000 + n));
        WorldState builder = s.Fork();
        EthBlock block = p.BuildBlock(g, builder, txs, Miner, 10, 10_000_000);
        Assert.Equal(20, block.Transactions.Count);
        Assert.True(p.TryValidateBlock(g, s, block, out WorldState? post, out string? err), err);
        Assert.Equal(block.Header.StateRoot, post!.ComputeRoot());
        Assert.Equal(0UL, s.NonceOf(ReferenceEcdsa.AddressOf(KeyA))); // parent state untouched

        EthBlock Mutate(Func<EthBlockHeader, EthBlockHeader> f, IReadOnlyList<EthTransaction>? t = null) =>
            new(f(block.Header), t ?? block.Transactions);
        EthBlockHeader H(EthBlockHeader h, Hash32? state = null, ulong? gasUsed = null, Hash32? receipts = null) => new()
        {
            ParentHash = h.ParentHash, Beneficiary = h.Beneficiary, StateRoot = state ?? h.StateRoot, TransactionsRoot = h.TransactionsRoot,
            ReceiptsRoot = receipts ?? h.ReceiptsRoot, Number = h.Number, GasLimit = h.GasLimit, GasUsed = gasUsed ?? h.GasUsed,
            Timestamp = h.Timestamp, BaseFee = h.BaseFee,
        };
        Assert.False(p.TryValidateBlock(g, s, Mutate(h => H(h, state: Hash32.Zero)), out _, out err));
        Assert.Equal("state root mismatch", err);
        Assert.False(p.TryValidateBlock(g, s, Mutate(h => H(h, gasUsed: 1)), out _, out err));
        Assert.Equal("gas used mismatch", err);
        Assert.False(p.TryValidateBlock(g, s, Mutate(h => H(h, receipts: Hash32.Zero)), out _, out err));
        Assert.Equal("receipts root mismatch", err);
        List<EthTransaction> reordered = new(block.Transactions);
        (reordered[0], reordered[1]) = (reordered[1], reordered[0]);
        Assert.False(p.TryValidateBlock(g, s, Mutate(h => h, reordered), out _, out err));
        Assert.Equal("transactions root mismatch", err);
        Assert.False(p.TryValidateBlock(block.Header, post, block, out _, out err));
        Assert.Equal("parent hash mismatch", err);
        EthBlock bigger = p.BuildBlock(g, s.Fork(), txs, Miner, 10, 10_000_000 + 10_000_000 / 1024);
        Assert.False(p.TryValidateBlock(g, s, bigger, out _, out err));
        Assert.Equal("gas limit changed too much", err);
        EthBlock slightlyBigger = p.BuildBlock(g, s.Fork(), txs, Miner, 10, 10_000_000 + 10_000_000 / 1024 - 1);
        Assert.True(p.TryValidateBlock(g, s, slightlyBigger, out _, out err), err);
    }

    [Fact]
    public void BaseFeeFollowsEip1559()
    {
        EthBlockHeader atTarget = new() { GasLimit = 10_000_000, GasUsed = 5_000_000, BaseFee = 1_000_000_000UL };
        EthBlockHeader full = new() { GasLimit = 10_000_000, GasUsed = 10_000_000, BaseFee = 1_000_000_000UL };
        EthBlockHeader empty = new() { GasLimit = 10_000_000, GasUsed = 0, BaseFee = 1_000_000_000UL };
        Assert.Equal((UInt256)1_000_000_000UL, Config.NextBaseFee(atTarget));
        Assert.Equal((UInt256)1_125_000_000UL, Config.NextBaseFee(full));
        Assert.Equal((UInt256)875_000_000UL, Config.NextBaseFee(empty));
    }
}
