using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;
using Xunit;

namespace XairrosX.Tests.Blockchain.Ethereum;

/// <summary>Random transfer batches signed by ethers (npm) must decode, recover to ethers' sender and be accepted.</summary>
public class EthersDifferentialTests
{
    private const ulong ChainId = 1337;

    [Fact]
    public void EthersSignedBatchesAreAcceptedWithEthersSender()
    {
        Random rng = new(42);
        byte[][] keys = new byte[8][];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = new byte[32];
            rng.NextBytes(keys[i]);
            keys[i][0] = (byte)(1 + i); // keep keys in range
        }
        Dictionary<int, ulong> nonces = new();
        StringBuilder json = new("{\"txs\":[");
        List<(int Sender, int Type)> plan = new();
        for (int n = 0; n < 300; n++)
        {
            int sender = rng.Next(keys.Length);
            int type = rng.Next(3);
            nonces.TryGetValue(sender, out ulong nonce);
            nonces[sender] = nonce + 1;
            byte[] to = new byte[20];
            rng.NextBytes(to);
            byte[] data = new byte[rng.Next(3) == 0 ? rng.Next(1, 40) : 0];
            rng.NextBytes(data);
            string accessList = type == 1 || (type == 2 && rng.Next(2) == 0)
                ? $"[{{\"address\":\"0x{TestHex.ToHex(to)}\",\"storageKeys\":[\"0x{new string('0', 63)}{rng.Next(10)}\"]}}]"
                : "[]";
            if (n > 0) json.Append(',');
            json.Append($"{{\"key\":\"0x{TestHex.ToHex(keys[sender])}\",\"type\":{type},\"chainId\":\"{ChainId}\",\"nonce\":\"{nonce}\",")
                .Append($"\"gasPrice\":\"{rng.Next(1_000_000_000, 2_000_000_000)}\",\"maxFee\":\"{rng.Next(1_500_000_000, 2_000_000_000)}\",\"maxTip\":\"{rng.Next(0, 100_000_000)}\",")
                .Append($"\"gasLimit\":\"{rng.Next(60_000, 90_000)}\",\"to\":\"0x{TestHex.ToHex(to)}\",\"value\":\"{rng.NextInt64(0, long.MaxValue)}\",")
                .Append($"\"data\":\"0x{TestHex.ToHex(data)}\",\"accessList\":{accessList}}}");
            plan.Add((sender, type));
        }
        json.Append("]}");
        string[] lines = NodeReference.Run("sign-transfers.mjs", json.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(plan.Count, lines.Length);

        EthChainConfig config = new() { ChainId = ChainId, InitialBaseFee = 1_000_000_000UL };
        EthBlockProcessor processor = new(config, Secp256k1Recovery.Instance);
        WorldState state = new();
        foreach (byte[] key in keys) state.Set(ReferenceEcdsa.AddressOf(key), EthAccount.WithBalance(UInt256.Parse("1000000000000000000000000")));
        EthBlockHeader genesis = new() { StateRoot = state.ComputeRoot(), GasLimit = 30_000_000, BaseFee = config.InitialBaseFee };

        List<EthTransaction> txs = new();
        for (int i = 0; i < lines.Length; i++)
        {
            using JsonDocument line = JsonDocument.Parse(lines[i]);
            byte[] raw = TestHex.Parse(line.RootElement.GetProperty("raw").GetString()!);
            EthTransaction tx = EthTransactionCodec.Decode(raw);
            Assert.Equal((EthTransactionType)plan[i].Type, tx.Type);
            Assert.Equal(Hash32.Parse(line.RootElement.GetProperty("hash").GetString()!), tx.Hash);
            Assert.Equal(Hash32.Parse(line.RootElement.GetProperty("signingHash").GetString()!), EthTransactionCodec.SigningHash(tx));
            Assert.Equal(TestHex.ToHex(raw), TestHex.ToHex(EthTransactionCodec.Encode(tx)));
            Assert.True(processor.TryValidateStatic(tx, out Address sender, out string? error), error);
            Assert.Equal(Address.Parse(line.RootElement.GetProperty("from").GetString()!), sender);
            txs.Add(tx);
        }

        // All 300 go into blocks (gas limit 30M holds them); the validating node must accept each block.
        WorldState builderState = state.Fork();
        EthBlock block = processor.BuildBlock(genesis, builderState, txs, Address.Parse("0x00000000000000000000000000000000000000c0"), 1, 30_000_000);
        Assert.Equal(txs.Count, block.Transactions.Count);
        EthBlock received = EthBlock.Decode(block.Encode());
        Assert.True(processor.TryValidateBlock(genesis, state, received, out WorldState? post, out string? blockError), blockError);
        Assert.Equal(block.Header.StateRoot, post!.ComputeRoot());
        foreach (byte[] key in keys)
            Assert.Equal(nonces.GetValueOrDefault(Array.IndexOf(keys, key)), post.NonceOf(ReferenceEcdsa.AddressOf(key)));

        // @ethereumjs/vm (London rules) runs the same raw transactions from the same genesis state.
        StringBuilder vm = new($"{{\"chainId\":{ChainId},\"baseFee\":\"{block.Header.BaseFee}\",\"coinbase\":\"{block.Header.Beneficiary}\",\"alloc\":[");
        for (int k = 0; k < keys.Length; k++)
            vm.Append(k > 0 ? "," : "").Append($"[\"{ReferenceEcdsa.AddressOf(keys[k])}\",\"1000000000000000000000000\"]");
        vm.Append("],\"txs\":[");
        for (int i = 0; i < txs.Count; i++) vm.Append(i > 0 ? "," : "").Append($"\"0x{TestHex.ToHex(txs[i].Encoded!)}\"");
        vm.Append("]}");
        string vmRoot = NodeReference.Run("vm-state-root.mjs", vm.ToString()).Trim();
        Assert.Equal(vmRoot, block.Header.StateRoot.ToString().Substring(2));
    }
}
