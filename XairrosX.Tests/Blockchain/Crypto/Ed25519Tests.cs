using System;
using XairrosX.Blockchain.Crypto;
using Xunit;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace XairrosX.Tests.Blockchain.Crypto;

public class Ed25519Tests
{
    [Theory]
    [InlineData("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [InlineData("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    public void Rfc8032Vectors(string seed, string publicKey, string message, string signature)
    {
        byte[] derived = new byte[32];
        Assert.True(Ed25519.TryGetPublicKey(HexCodec.Parse(seed), derived));
        Assert.Equal(publicKey, HexCodec.ToHex(derived));
        byte[] produced = new byte[64];
        Assert.True(Ed25519.TrySign(HexCodec.Parse(seed), HexCodec.Parse(message), produced));
        Assert.Equal(signature, HexCodec.ToHex(produced));
        Assert.True(Ed25519.Verify(derived, HexCodec.Parse(message), produced));
    }

    [Fact]
    public void Wycheproof()
    {
        int valid = 0, invalid = 0;
        foreach (Wycheproof.Case c in XairrosX.Tests.Blockchain.Crypto.Wycheproof.Cases("ed25519_test.json"))
        {
            byte[] publicKey = c.Group.GetProperty("publicKey").Hex("pk");
            bool accepted = Ed25519.Verify(publicKey, c.Test.Hex("msg"), c.Test.Hex("sig"));
            if (c.Result == "valid") { Assert.True(accepted, $"tcId {c.Id} ({c.Comment})"); valid++; }
            else if (c.Result == "invalid") { Assert.False(accepted, $"tcId {c.Id} ({c.Comment}) must be rejected"); invalid++; }
        }
        Assert.True(valid > 0 && invalid > 0);
    }

    [Fact]
    public void MatchesBouncyCastle()
    {
        var random = new Random(61);
        byte[] ourKey = new byte[32], theirKey = new byte[32], ourSignature = new byte[64], theirSignature = new byte[64];
        for (int i = 0; i < 1000; i++)
        {
            byte[] seed = KeccakTests.RandomBytes(random, 32);
            byte[] message = KeccakTests.RandomBytes(random, random.Next(0, 200));
            Assert.True(Ed25519.TryGetPublicKey(seed, ourKey));
            BcEd25519.GeneratePublicKey(seed, 0, theirKey, 0);
            Assert.Equal(theirKey, ourKey);
            Assert.True(Ed25519.TrySign(seed, message, ourSignature));
            BcEd25519.Sign(seed, 0, message, 0, message.Length, theirSignature, 0);
            Assert.Equal(theirSignature, ourSignature);
            Assert.True(Ed25519.Verify(ourKey, message, ourSignature));
            // Verification is the slow part; every fourth case checks a corrupted signature against the reference.
            if (i % 4 != 0) continue;
            ourSignature[random.Next(64)] ^= (byte)(1 << random.Next(8));
            Assert.Equal(BcEd25519.Verify(ourSignature, 0, ourKey, 0, message, 0, message.Length), Ed25519.Verify(ourKey, message, ourSignature));
        }
    }

    [Fact]
    public void MalformedInputsReturnFalse()
    {
        var random = new Random(62);
        for (int i = 0; i < 2000; i++)
        {
            byte[] junk = KeccakTests.RandomBytes(random, random.Next(0, 70));
            Assert.False(Ed25519.Verify(junk, junk, junk));
            Assert.Equal(junk.Length == 32, Ed25519.TryGetPublicKey(junk, new byte[32]));
        }
        Assert.False(Ed25519.TrySign(new byte[31], [], new byte[64]));
        Assert.False(Ed25519.TrySign(new byte[32], [], new byte[63]));
    }
}
