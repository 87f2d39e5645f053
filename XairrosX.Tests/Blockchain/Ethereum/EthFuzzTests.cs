using System;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;
using Xunit;

namespace XairrosX.Tests.Blockchain.Ethereum;

/// <summary>Malformed transactions and blocks must fail with <see cref="EthTransactionException"/> only.</summary>
public class EthFuzzTests
{
    [Fact]
    public void MutatedTransactionsAndBlocksFailCleanly()
    {
        Random rng = new(77);
        Address b = Address.Parse("0x00000000000000000000000000000000000000bb");
        byte[] key = new byte[32];
        key[0] = 5;
        EthTransaction tx = EthLedgerTests.Transfer(key, 0, b, 1, chainId: 7);
        byte[] txBytes = tx.Encoded!;
        EthBlock block = new(new EthBlockHeader { GasLimit = 1, BaseFee = 7UL }, [tx]);
        byte[] blockBytes = block.Encode();
        EthBlockProcessor p = new(new EthChainConfig { ChainId = 7 }, Secp256k1Recovery.Instance);
        int decodedTx = 0;
        for (int i = 0; i < 10_000; i++)
        {
            byte[] source = i % 2 == 0 ? txBytes : blockBytes;
            byte[] m = (byte[])source.Clone();
            for (int e = rng.Next(1, 4); e > 0; e--) m[rng.Next(m.Length)] = (byte)rng.Next(256);
            if (rng.Next(5) == 0) m = m.AsSpan(0, rng.Next(m.Length)).ToArray();
            try
            {
                if (i % 2 == 0)
                {
                    EthTransaction d = EthTransactionCodec.Decode(m);
                    decodedTx++;
                    if (decodedTx < 300) p.TryValidateStatic(d, out _, out _); // must not throw either (recovery is slow, so sample)
                }
                else
                {
                    EthBlock.Decode(m);
                }
            }
            catch (EthTransactionException ex)
            {
                Assert.False(string.IsNullOrEmpty(ex.Reason));
            }
        }
        Assert.True(decodedTx > 0);
    }
}

public class EthBlockValidationFuzzTests
{
    [Fact]
    public void MutatedValidBlocksAreRejectedWithReasonsNeverThrow()
    {
        byte[] key = new byte[32];
        key[0] = 6;
        Address sender = ReferenceEcdsa.AddressOf(key);
        EthChainConfig config = new() { ChainId = 7 };
        EthBlockProcessor p = new(config, Secp256k1Recovery.Instance);
        WorldState state = new();
        state.Set(sender, EthAccount.WithBalance(UInt256.Parse("1000000000000000000")));
        EthBlockHeader genesis = new() { StateRoot = state.ComputeRoot(), GasLimit = 1_000_000, BaseFee = config.InitialBaseFee };
        Address b = Address.Parse("0x00000000000000000000000000000000000000bb");
        EthTransaction[] txs = [EthLedgerTests.Transfer(key, 0, b, 1), EthLedgerTests.Transfer(key, 1, b, 2)];
        byte[] good = p.BuildBlock(genesis, state.Fork(), txs, b, 5, 1_000_000).Encode();
        Assert.True(p.TryValidateBlock(genesis, state, EthBlock.Decode(good), out _, out string? ok), ok);

        Random rng = new(8);
        int validated = 0, rejected = 0;
        for (int i = 0; i < 3000 && validated < 150; i++)
        {
            byte[] m = (byte[])good.Clone();
            m[rng.Next(m.Length)] ^= (byte)rng.Next(1, 256);
            EthBlock block;
            try
            {
                block = EthBlock.Decode(m);
            }
            catch (EthTransactionException)
            {
                continue;
            }
            validated++;
            if (!p.TryValidateBlock(genesis, state, block, out _, out string? why))
            {
                rejected++;
                Assert.False(string.IsNullOrEmpty(why));
            }
        }
        Assert.True(validated > 20);
        Assert.True(rejected > validated / 2);
    }
}
