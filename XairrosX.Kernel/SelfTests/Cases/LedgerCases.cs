using System;
using System.Collections.Generic;
using System.Text;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Rlp;
using XairrosX.Blockchain.Trie;
using XairrosX.Kernel.Shell.Commands;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>
/// The ledger library inside the kernel: RLP and Merkle Patricia trie known answers (ethereum/tests RLPTests and
/// TrieTests, a sample), the EIP-155 example transaction, and a signed EIP-1559 transfer submitted, mined and
/// validated on the in-memory development chain.
/// </summary>
internal static class LedgerCases
{
    // ethereum/tests RLPTests/rlptest.json: item (strings quoted, "#n" big integers as hex here) and its encoding.
    private static readonly (string Name, RlpItem Item, string Encoding)[] RlpValid =
    [
        ("emptystring", Str(""), "80"),
        ("bytestring00", Bytes("00"), "00"),
        ("bytestring7F", Bytes("7f"), "7f"),
        ("shortstring", Str("dog"), "83646f67"),
        ("mediumint1", Bytes("80"), "8180"),
        ("mediumint2", Bytes("03e8"), "8203e8"),
        ("mediumint4", Bytes("102030405060708090a0b0c0d0e0f2"), "8f102030405060708090a0b0c0d0e0f2"),
        ("emptylist", RlpItem.List(), "c0"),
        ("stringlist", RlpItem.List(Str("dog"), Str("god"), Str("cat")), "cc83646f6783676f6483636174"),
        ("multilist", RlpItem.List(Str("zw"), RlpItem.List(Bytes("04")), Bytes("01")), "c6827a77c10401"),
        ("listsoflists2", RlpItem.List(RlpItem.List(), RlpItem.List(RlpItem.List()), RlpItem.List(RlpItem.List(), RlpItem.List(RlpItem.List()))), "c7c0c1c0c3c0c1c0"),
    ];

    // ethereum/tests RLPTests/invalidRLPTest.json: encodings a strict decoder must reject.
    private static readonly (string Name, string Encoding)[] RlpInvalid =
    [
        ("int32Overflow", "bf0f000000000000021111"), ("wrongSizeList", "f80180"), ("bytesShouldBeSingleByte00", "8100"),
        ("bytesShouldBeSingleByte7F", "817f"), ("leadingZerosInLongLengthArray2", "b800"), ("nonOptimalLongLengthArray2", "b801ff"),
        ("nonOptimalLongLengthList2", "f803112233"), ("lessThanShortLengthArray1", "81"), ("lessThanShortLengthList1", "c5010203"),
        ("lessThanLongLengthArray1", "ba010000aabbccddeeff"), ("lessThanLongLengthList1", "f90180"),
    ];

    // ethereum/tests TrieTests: trieanyorder.json and trietest.json (inserted in order; null deletes).
    private static readonly (string Name, string[] Operations, string Root)[] TrieVectors =
    [
        ("singleItem", ["A", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"], "d23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab"),
        ("dogs", ["doe", "reindeer", "dog", "puppy", "dogglesworth", "cat"], "8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3"),
        ("puppy", ["do", "verb", "horse", "stallion", "doge", "coin", "dog", "puppy"], "5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84"),
        ("foo", ["foo", "bar", "food", "bass"], "17beaa1648bafa633cda809c90c04af50fc8aed3cb40d16efbddee6fdf63c4c3"),
        ("smallValues", ["be", "e", "dog", "puppy", "bed", "d"], "3f67c7a47520f79faa29255d2d3c084a7a6df0453116ed7232ff10277a8be68b"),
        ("testy", ["test", "test", "te", "testy"], "8452568af70d8d140f58d941338542f645fcca50094b20f3c3d8c3df49337928"),
        ("emptyValues", ["do", "verb", "ether", "wookiedoo", "horse", "stallion", "shaman", "horse", "doge", "coin", "ether", null, "dog", "puppy", "shaman", null],
            "5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84"),
        ("branch-value-update", ["abc", "123", "abcd", "abcd", "abc", "abc"], "7a320748f780ad9ad5b0837302075ce0eeba6c26e3d8562c67ccc0f1b273298a"),
    ];

    // EIP-155's worked example: nonce 9, 20 gwei, 21000 gas, to 0x3535…35, 1 ether, chain id 1, secret 0x4646…46.
    private const string Eip155Example = "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    public static IEnumerable<SelfTestCase> All() =>
    [
        new("ledger.rlp_known_answers", t =>
        {
            foreach ((string name, RlpItem item, string encoding) in RlpValid)
            {
                t.Equal(encoding, HexCodec.ToHex(item.Encode()), $"{name} encodes");
                t.Equal(encoding, HexCodec.ToHex(RlpItem.Decode(HexCodec.Parse(encoding)).Encode()), $"{name} round-trips");
            }
            foreach ((string name, string encoding) in RlpInvalid)
                t.Throws<RlpException>(() => RlpItem.Decode(HexCodec.Parse(encoding)), $"{name} rejected");
        }),
        new("ledger.trie_known_answers", t =>
        {
            foreach ((string name, string[] operations, string root) in TrieVectors)
            {
                var trie = new PatriciaTrie();
                for (int i = 0; i < operations.Length; i += 2)
                {
                    byte[] key = Encoding.ASCII.GetBytes(operations[i]);
                    if (operations[i + 1] == null) trie.Delete(key);
                    else trie.Put(key, Encoding.ASCII.GetBytes(operations[i + 1]));
                }
                t.Equal(root, HexCodec.ToHex(trie.RootHash.ToArray()), name);
                byte[] probe = Encoding.ASCII.GetBytes(operations[0]);
                t.True(PatriciaTrie.TryVerifyProof(trie.RootHash, probe, trie.Prove(probe), out byte[] proven)
                    && (proven == null) == (trie.Get(probe) == null), $"{name}: proof of '{operations[0]}' verifies");
            }
            t.Equal(PatriciaTrie.EmptyRoot, new PatriciaTrie().RootHash, "empty trie root");
        }),
        new("ledger.eip155_example", t =>
        {
            EthTransaction tx = EthTransactionCodec.Decode(HexCodec.Parse(Eip155Example));
            t.Equal(1UL, tx.ChainId, "chain id from v = 37");
            t.Equal(9UL, tx.Nonce, "nonce");
            t.True(SenderRecovery.TryRecoverSender(tx, Secp256k1Recovery.Instance, out Address sender, out string error), "sender recovers: " + error);
            t.Equal(DevChain.AddressOf(Fill(0x46)), sender, "sender is the address of 0x4646…46");
            t.Equal(Eip155Example, HexCodec.ToHex(EthTransactionCodec.Encode(tx)), "re-encodes byte for byte");
        }),
        new("ledger.signed_transfer_mined", t =>
        {
            var chain = new DevChain();
            Address to = Address.Parse("00000000000000000000000000000000000000aa");
            UInt256 value = UInt256.Parse("1000000000000000000");
            byte[] raw = SignTransfer(DevChain.DevSecret(1), nonce: 0, to, value);
            t.True(chain.TrySubmit(raw, out Hash32 hash, out string error), "accepted: " + error);
            t.Equal(new Hash32(Keccak256.Hash(raw)), hash, "hash is keccak256 of the raw bytes");
            t.True(!chain.TrySubmit(raw, out _, out error) && error == "already known", "duplicate refused");
            byte[] tampered = (byte[])raw.Clone();
            tampered[^5] ^= 0x01;
            t.True(!chain.TrySubmit(tampered, out _, out _), "tampered signature refused");
            t.True(!chain.TrySubmit(SignTransfer(DevChain.DevSecret(2), 0, to, value, chainId: 1), out _, out error) && error == "wrong chain id 1", "foreign chain id refused");
            EthBlock block = chain.Mine();
            t.Equal(1, block.Transactions.Count, "one transaction mined");
            t.True(DevChain.IsSealed(block.Header), "proof of work meets the difficulty");
            t.Equal(value, chain.State.BalanceOf(to), "recipient credited");
            UInt256 fee = block.Transactions[0].EffectiveGasPrice(block.Header.BaseFee!.Value) * 21000UL;
            t.Equal(DevChain.GenesisBalance - value - fee, chain.State.BalanceOf(DevChain.AddressOf(DevChain.DevSecret(1))), "sender debited value + fee");
            t.Equal(0, chain.Pool.Count, "mempool emptied");
            t.True(chain.Find("1") == block && chain.Find(HexCodec.ToHex(block.Hash.ToArray())) == block, "block found by number and hash");
        }),
    ];

    /// <summary>A signed EIP-1559 transfer (1 gwei tip, 2 gwei fee cap, 21000 gas) as raw bytes.</summary>
    internal static byte[] SignTransfer(byte[] secret, ulong nonce, Address to, UInt256 value, ulong chainId = 1337)
    {
        var unsigned = new EthTransaction
        {
            Type = EthTransactionType.DynamicFee, ChainId = chainId, Nonce = nonce, MaxPriorityFeePerGas = 1_000_000_000UL,
            MaxFeePerGas = 2_000_000_000UL, GasLimit = 21000, To = to, Value = value,
        };
        Span<byte> signature = stackalloc byte[64];
        Secp256k1Ecdsa.TrySign(secret, EthTransactionCodec.SigningHash(unsigned).ToArray(), signature, out int recoveryId);
        var signed = new EthTransaction
        {
            Type = unsigned.Type, ChainId = chainId, Nonce = nonce, MaxPriorityFeePerGas = unsigned.MaxPriorityFeePerGas,
            MaxFeePerGas = unsigned.MaxFeePerGas, GasLimit = unsigned.GasLimit, To = to, Value = value, RecoveryId = recoveryId,
            R = UInt256.FromBigEndian(signature.Slice(0, 32)), S = UInt256.FromBigEndian(signature.Slice(32)),
        };
        return EthTransactionCodec.Encode(signed);
    }

    private static RlpItem Str(string s) => RlpItem.String(Encoding.ASCII.GetBytes(s));

    private static RlpItem Bytes(string hex) => RlpItem.String(HexCodec.Parse(hex));

    private static byte[] Fill(byte b)
    {
        byte[] bytes = new byte[32];
        Array.Fill(bytes, b);
        return bytes;
    }
}
