using System;
using System.IO;
using System.Numerics;
using System.Text.Json;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;
using Xunit;

namespace XairrosX.Tests.Blockchain.Ethereum;

public class EthVectorTests
{
    private static JsonDocument Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(SharedVectors.Path("ethereum__tests", "BasicTests", file)));

    [Fact]
    public void TxTestVectorsDecodeReencodeAndRecoverTheKeyOwner()
    {
        using JsonDocument doc = Load("txtest.json");
        int count = 0;
        foreach (JsonElement t in doc.RootElement.EnumerateArray())
        {
            byte[] signed = TestHex.Parse(t.GetProperty("signed").GetString()!);
            EthTransaction tx = EthTransactionCodec.Decode(signed);
            Assert.Equal(EthTransactionType.Legacy, tx.Type);
            Assert.Equal(t.GetProperty("nonce").GetUInt64(), tx.Nonce);
            Assert.Equal(UInt256.Parse(t.GetProperty("gasprice").GetRawText()), tx.GasPrice);
            Assert.Equal(t.GetProperty("startgas").GetUInt64(), tx.GasLimit);
            Assert.Equal(UInt256.Parse(t.GetProperty("value").GetRawText()), tx.Value);
            string to = t.GetProperty("to").GetString()!;
            Assert.Equal(to.Length == 0 ? null : Address.Parse(to), tx.To);
            Assert.Equal(t.GetProperty("data").GetString(), TestHex.ToHex(tx.Data));
            Assert.Equal(TestHex.ToHex(signed), TestHex.ToHex(EthTransactionCodec.Encode(tx)));

            // "unsigned" is the old 9-field form with empty v, r, s; its first 6 fields are what is signed.
            byte[] unsigned = TestHex.Parse(t.GetProperty("unsigned").GetString()!);
            var unsignedItems = XairrosX.Blockchain.Rlp.RlpItem.Decode(unsigned).Items!;
            var signedItems = XairrosX.Blockchain.Rlp.RlpItem.Decode(signed).Items!;
            Assert.Equal(9, unsignedItems.Count);
            for (int i = 0; i < 6; i++) Assert.Equal(signedItems[i].ToString(), unsignedItems[i].ToString());
            for (int i = 6; i < 9; i++) Assert.Empty(unsignedItems[i].Bytes!);
            byte[] key = TestHex.Parse(t.GetProperty("key").GetString()!);
            // Frontier-era vectors: one has a high s, which Homestead rules (the default) reject.
            bool homesteadOk = SenderRecovery.TryRecoverSender(tx, ReferenceEcdsa.Instance, out _, out string? homestead);
            Assert.Equal(tx.S <= SenderRecovery.HalfCurveOrder, homesteadOk);
            if (!homesteadOk) Assert.Equal("signature s out of range (high s)", homestead);
            Assert.True(SenderRecovery.TryRecoverSender(tx, ReferenceEcdsa.Instance, out Address sender, out string? error, allowHighS: true), error);
            Assert.Equal(ReferenceEcdsa.AddressOf(key), sender);
            Assert.True(SenderRecovery.TryRecoverSender(tx, Secp256k1Recovery.Instance, out Address ours, out error, allowHighS: true), error);
            Assert.Equal(sender, ours);
            count++;
        }
        Assert.Equal(2, count);
    }

    // keyaddrtest.json also holds "sig_of_emptystring", but it does not say what was hashed: none of
    // keccak(""), 32 zero bytes, sha256("") or sha3-256("") recovers the listed address, so only
    // the key -> address half is checked.
    [Fact]
    public void KeyAddressVectorsDeriveAddressFromKey()
    {
        using JsonDocument doc = Load("keyaddrtest.json");
        foreach (JsonElement t in doc.RootElement.EnumerateArray())
        {
            Address expected = Address.Parse(t.GetProperty("addr").GetString()!);
            Assert.Equal(expected, ReferenceEcdsa.AddressOf(TestHex.Parse(t.GetProperty("key").GetString()!)));
        }
    }

    [Fact]
    public void MainnetGenesisHeaderDecodesAndHashes()
    {
        using JsonDocument doc = Load("genesishashestest.json");
        byte[] rlp = TestHex.Parse(doc.RootElement.GetProperty("genesis_rlp_hex").GetString()!);
        EthBlock block = EthBlock.Decode(rlp);
        Assert.Equal(Hash32.Parse(doc.RootElement.GetProperty("genesis_state_root").GetString()!), block.Header.StateRoot);
        Assert.Equal(Hash32.Parse(doc.RootElement.GetProperty("genesis_hash").GetString()!), block.Hash);
        Assert.Equal(TestHex.ToHex(rlp), TestHex.ToHex(block.Encode()));
        Assert.Equal(0UL, block.Header.Number);
        Assert.Equal(0x42UL, block.Header.Nonce);
        Assert.Empty(block.Transactions);
    }

    [Fact]
    public void UInt256ArithmeticAgreesWithBigInteger()
    {
        Random rng = new(17);
        BigInteger mod = BigInteger.One << 256;
        for (int i = 0; i < 2000; i++)
        {
            byte[] a = new byte[rng.Next(0, 33)], b = new byte[rng.Next(0, 33)];
            rng.NextBytes(a);
            rng.NextBytes(b);
            UInt256 x = UInt256.FromBigEndian(a), y = UInt256.FromBigEndian(b);
            BigInteger bx = new(a, true, true), by = new(b, true, true);
            Assert.Equal(bx.ToString(), x.ToString());
            Assert.Equal(bx + by < mod, UInt256.TryAdd(x, y, out UInt256 sum));
            Assert.Equal(((bx + by) % mod).ToString(), sum.ToString());
            Assert.Equal(bx >= by, UInt256.TrySubtract(x, y, out UInt256 diff));
            if (bx >= by) Assert.Equal((bx - by).ToString(), diff.ToString());
            Assert.Equal(bx * by < mod, UInt256.TryMultiply(x, y, out UInt256 prod));
            if (bx * by < mod) Assert.Equal((bx * by).ToString(), prod.ToString());
            Assert.Equal(bx.CompareTo(by), x.CompareTo(y));
            Assert.Equal(x, UInt256.Parse(bx.ToString()));
        }
    }
}
