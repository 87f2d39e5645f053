using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Service;
using XairrosX.Blockchain.Store;
using XairrosX.Blockchain.Trie;
using XairrosX.Tests.Blockchain.Ethereum;
using Xunit;

namespace XairrosX.Tests.Blockchain.Service;

public class ChainServiceTests
{
    private static byte[] DevKey(byte i)
    {
        byte[] k = new byte[32];
        k[31] = i;
        return k;
    }

    private static string Hex(byte[] b) => "0x" + Convert.ToHexStringLower(b);

    private static readonly Address Carol = Address.Parse("0x00000000000000000000000000000000000ca201");

    [Fact]
    public void ShellCommandsDriveASingleNodeChain()
    {
        MemoryLogDevice device = new();
        ChainService chain = new(LogStructuredStore.Open(device));
        Assert.Equal("error: chain not initialized", chain.Execute("chain mempool"));
        string init = chain.Execute("chain init");
        Assert.StartsWith("genesis 0x", init);
        Assert.Contains("funded " + ReferenceEcdsa.AddressOf(DevKey(1)), init);
        Assert.StartsWith("error: chain already initialized", chain.Execute("chain init"));

        EthTransaction t0 = EthLedgerTests.Transfer(DevKey(1), 0, Carol, 1_000, chainId: 1337);
        EthTransaction t1 = EthLedgerTests.Transfer(DevKey(1), 1, Carol, 2_000, chainId: 1337);
        Assert.Equal("accepted " + t0.Hash, chain.Execute("chain tx " + Hex(t0.Encoded!)));
        Assert.Equal("accepted " + t1.Hash, chain.Execute("chain tx " + Hex(t1.Encoded!)));
        Assert.Equal("error: already known", chain.Execute("chain tx " + Hex(t1.Encoded!)));
        Assert.Equal("error: wrong chain id 7", chain.Execute("chain tx " + Hex(EthLedgerTests.Transfer(DevKey(2), 0, Carol, 1, chainId: 7).Encoded!)));
        Assert.Equal("error: invalid hex", chain.Execute("chain tx 0xzz"));
        Assert.Equal("error: type 2 transaction must have 12 fields", chain.Execute("chain tx 0x02c0"));
        Assert.StartsWith("error: malformed transaction", chain.Execute("chain tx 0x02c5"));
        Assert.Equal("2 transactions, 2 executable", chain.Execute("chain mempool"));

        string mined = chain.Execute("chain mine 2");
        Assert.StartsWith("mined 1 0x", mined);
        Assert.Contains("txs=2", mined);
        Assert.Contains("\nmined 2 0x", mined);
        Assert.Equal("3000 wei nonce 0", chain.Execute("chain balance " + Carol));
        Assert.Equal("0 transactions, 0 executable", chain.Execute("chain mempool"));
        string block1 = chain.Execute("chain block 1");
        Assert.Contains("tx " + t0.Hash, block1);
        Assert.Contains("difficulty 64", block1);
        Assert.StartsWith("block 1 ", chain.Execute("chain block " + chain.ReadBlock(1)!.Hash));
        Assert.Equal("error: no such block", chain.Execute("chain block 9"));
        Assert.Equal("error: invalid address", chain.Execute("chain balance 0x12"));

        Assert.Equal(PatriciaTrie.EmptyRoot.ToString(), chain.Execute("trie root"));
        chain.Execute("trie put 0x646f 0x76657262");
        string root = chain.Execute("trie put 0x646f67 0x7075707079");
        Assert.Equal(root, chain.Execute("trie root"));
        string[] proof = chain.Execute("trie proof 0x646f67").Split('\n');
        Assert.Equal("value 0x7075707079", proof[0]);
        List<byte[]> nodes = new();
        for (int i = 1; i < proof.Length; i++) nodes.Add(TestHex.Parse(proof[i]));
        Assert.True(PatriciaTrie.TryVerifyProof(Hash32.Parse(root), [0x64, 0x6f, 0x67], nodes, out byte[]? v));
        Assert.Equal(new byte[] { 0x70, 0x75, 0x70, 0x70, 0x79 }, v);
        Assert.StartsWith("deleted ", chain.Execute("trie del 0x646f"));
        Assert.StartsWith("absent ", chain.Execute("trie del 0x646f"));

        Assert.Equal("[0x636174, 0x646f67]", chain.Execute("rlp decode c88363617483646f67"));
        Assert.Equal("error: rlp: single byte below 0x80 must not be string-wrapped", chain.Execute("rlp decode 8100"));
        Assert.StartsWith("error: unknown command", chain.Execute("chain fly"));

        // Reopen from the device bytes, as after a reboot: same head, balances and trie.
        string trieRoot = chain.Execute("trie root");
        ChainService reopened = new(LogStructuredStore.Open(new MemoryLogDevice(device.ToArray())));
        Assert.Equal(chain.Head!.Hash, reopened.Head!.Hash);
        Assert.Equal("3000 wei nonce 0", reopened.Execute("chain balance " + Carol));
        Assert.Equal(trieRoot, reopened.Execute("trie root"));
        Assert.StartsWith("mined 3 ", reopened.Execute("chain mine"));
    }

    [Fact]
    public void CrashWhileWritingABlockReopensAtAPreviousCompleteBlock()
    {
        MemoryLogDevice device = new();
        ChainService chain = new(LogStructuredStore.Open(device));
        chain.Execute("chain init");
        chain.Execute("chain tx " + Hex(EthLedgerTests.Transfer(DevKey(2), 0, Carol, 5, chainId: 1337).Encoded!));
        chain.Execute("chain mine");
        long before = device.Length;
        Hash32 head1 = chain.Head!.Hash;
        chain.Execute("chain tx " + Hex(EthLedgerTests.Transfer(DevKey(2), 1, Carol, 7, chainId: 1337).Encoded!));
        chain.Execute("chain mine");
        Hash32 head2 = chain.Head!.Hash;
        byte[] log = device.ToArray();
        for (long cut = before; cut <= log.Length; cut += 5)
        {
            ChainService reopened = new(LogStructuredStore.Open(new MemoryLogDevice(log.AsSpan(0, (int)cut))));
            Hash32 head = reopened.Head!.Hash;
            Assert.True(head == head1 || head == head2);
            Assert.Equal(head == head1 ? "5 wei nonce 0" : "12 wei nonce 0", reopened.Execute("chain balance " + Carol));
        }
    }

    [Fact]
    public void RandomCommandLinesNeverThrow()
    {
        ChainService chain = new(LogStructuredStore.Open(new MemoryLogDevice()));
        Random rng = new(5);
        string[] words = ["chain", "trie", "rlp", "init", "tx", "mine", "block", "balance", "mempool", "put", "del", "root", "proof", "decode", "0x", "-1", "99999999999999999999"];
        for (int i = 0; i < 3000; i++)
        {
            int n = rng.Next(0, 5);
            List<string> parts = new();
            for (int k = 0; k < n; k++)
            {
                if (rng.Next(3) == 0)
                {
                    byte[] b = new byte[rng.Next(0, 40)];
                    rng.NextBytes(b);
                    parts.Add((rng.Next(2) == 0 ? "0x" : "") + Convert.ToHexStringLower(b) + (rng.Next(10) == 0 ? "g" : ""));
                }
                else parts.Add(words[rng.Next(words.Length)]);
            }
            string output = chain.Execute(string.Join(' ', parts));
            Assert.False(string.IsNullOrEmpty(output));
        }
    }
}
