using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Kernel.Ledger;

/// <remarks>Shared source: the kernel's <c>bench ledger</c> and XairrosX.Benchmarks (which links this file) build the
/// same block, so the two figures time the same work.</remarks>
/// <summary>Deterministic signed transfers and a genesis state that funds their senders.</summary>
public static class LedgerFixtures
{
    /// <summary>Chain id of the fixture's transactions.</summary>
    public const ulong ChainId = 1337;

    /// <summary>A deterministic secret key.</summary>
    public static byte[] Key(int i)
    {
        byte[] k = new byte[32];
        k[0] = 0x5A;
        k[28] = (byte)(i >> 24);
        k[29] = (byte)(i >> 16);
        k[30] = (byte)(i >> 8);
        k[31] = (byte)i;
        return k;
    }

    /// <summary>The address of a secret key.</summary>
    public static Address AddressOf(byte[] key)
    {
        byte[] pub = new byte[65];
        Secp256k1.TryGetPublicKey(key, pub, compressed: false);
        return SenderRecovery.AddressOf(pub.AsSpan(1));
    }

    /// <summary>A signed EIP-1559 transfer.</summary>
    public static EthTransaction SignedTransfer(byte[] key, ulong nonce, Address to, ulong value)
    {
        EthTransaction unsigned = new()
        {
            Type = EthTransactionType.DynamicFee, ChainId = ChainId, Nonce = nonce, MaxFeePerGas = 2_000_000_000UL,
            GasPrice = 2_000_000_000UL, MaxPriorityFeePerGas = 1_000UL, GasLimit = 21_000, To = to, Value = value,
        };
        byte[] hash = EthTransactionCodec.SigningHash(unsigned).ToArray();
        byte[] sig = new byte[64];
        Secp256k1Ecdsa.TrySign(key, hash, sig, out int recId);
        EthTransaction tx = new()
        {
            Type = unsigned.Type, ChainId = ChainId, Nonce = nonce, MaxFeePerGas = unsigned.MaxFeePerGas, GasPrice = unsigned.GasPrice,
            MaxPriorityFeePerGas = unsigned.MaxPriorityFeePerGas, GasLimit = 21_000, To = to, Value = value,
            RecoveryId = recId, R = UInt256.FromBigEndian(sig.AsSpan(0, 32)), S = UInt256.FromBigEndian(sig.AsSpan(32)),
        };
        EthTransactionCodec.Encode(tx);
        return tx;
    }

    /// <summary>A block of <paramref name="count"/> transfers from 100 senders, built on a funded genesis.</summary>
    public static (EthBlockHeader Genesis, WorldState State, byte[] Block) TransferBlock(int count)
    {
        EthChainConfig config = new() { ChainId = ChainId };
        WorldState state = new();
        List<byte[]> keys = new();
        for (int i = 0; i < 100; i++)
        {
            keys.Add(Key(i + 1));
            state.Set(AddressOf(keys[i]), EthAccount.WithBalance(UInt256.Parse("1000000000000000000000")));
        }
        EthBlockHeader genesis = new() { StateRoot = state.ComputeRoot(), GasLimit = 30_000_000, BaseFee = config.InitialBaseFee };
        List<EthTransaction> txs = new();
        for (int i = 0; i < count; i++)
        {
            byte[] to = new byte[20];
            to[19] = (byte)i;
            to[18] = (byte)(i >> 8);
            txs.Add(SignedTransfer(keys[i % 100], (ulong)(i / 100), new Address(to), 1000 + (ulong)i));
        }
        EthBlockProcessor builder = new(config, Secp256k1Recovery.Instance);
        EthBlock block = builder.BuildBlock(genesis, state.Fork(), txs, Address.Zero, 12, 30_000_000);
        if (block.Transactions.Count != count) throw new InvalidOperationException("fixture block lost transactions");
        return (genesis, state, block.Encode());
    }
}
