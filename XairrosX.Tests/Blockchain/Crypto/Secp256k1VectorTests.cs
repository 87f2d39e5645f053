using System;
using System.IO;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

public class Secp256k1VectorTests
{
    private static byte[] Digest(string algorithm, byte[] message) => algorithm switch
    {
        "SHA-256" => Sha256.Hash(message),
        "SHA-512" => Sha512.Hash(message),
        "SHA3-256" => Sha3_256.Hash(message),
        "SHA3-512" => Sha3_512.Hash(message),
        // Only the leftmost 256 bits of the digest enter ECDSA, so the XOF output length does not matter beyond 32 bytes.
        "SHAKE128" => Shake128.Hash(message, 32),
        "SHAKE256" => Shake256.Hash(message, 64),
        _ => throw new InvalidDataException(algorithm),
    };

    [Theory]
    [InlineData("ecdsa_secp256k1_sha256_test.json", "der", true)]
    [InlineData("ecdsa_secp256k1_sha512_test.json", "der", true)]
    [InlineData("ecdsa_secp256k1_sha3_256_test.json", "der", true)]
    [InlineData("ecdsa_secp256k1_sha3_512_test.json", "der", true)]
    [InlineData("ecdsa_secp256k1_shake128_test.json", "der", true)]
    [InlineData("ecdsa_secp256k1_shake256_test.json", "der", true)]
    [InlineData("ecdsa_secp256k1_sha256_bitcoin_test.json", "der", false)]
    [InlineData("ecdsa_secp256k1_sha256_p1363_test.json", "p1363", true)]
    [InlineData("ecdsa_secp256k1_sha512_p1363_test.json", "p1363", true)]
    [InlineData("ecdsa_secp256k1_shake128_p1363_test.json", "p1363", true)]
    [InlineData("ecdsa_secp256k1_shake256_p1363_test.json", "p1363", true)]
    public void EcdsaWycheproof(string file, string encoding, bool allowHighS)
    {
        int valid = 0, invalid = 0;
        foreach (Wycheproof.Case c in Wycheproof.Cases(file))
        {
            Assert.True(Secp256k1PublicKey.TryParse(c.Group.GetProperty("publicKey").Hex("uncompressed"), out Secp256k1PublicKey key));
            Assert.True(Secp256k1PublicKey.TryParseSubjectPublicKeyInfo(c.Group.Hex("publicKeyDer"), out Secp256k1PublicKey fromDer));
            Assert.Equal(key, fromDer);
            byte[] hash = Digest(c.Group.GetProperty("sha").GetString()!, c.Test.Hex("msg"));
            byte[] signature = c.Test.Hex("sig");
            bool accepted = encoding == "der"
                ? Secp256k1Ecdsa.VerifyDer(key, hash, signature, allowHighS)
                : Secp256k1Ecdsa.Verify(key, hash, signature, allowHighS);
            if (c.Result == "valid")
            {
                Assert.True(accepted, $"{file} tcId {c.Id} ({c.Comment}) should verify");
                valid++;
            }
            else if (c.Result == "invalid")
            {
                Assert.False(accepted, $"{file} tcId {c.Id} ({c.Comment}) should be rejected");
                invalid++;
            }
        }
        Assert.True(valid > 0 && invalid > 0);
    }

    [Fact]
    public void EcdhWycheproof()
    {
        int checkedCount = 0;
        foreach (Wycheproof.Case c in Wycheproof.Cases("ecdh_secp256k1_test.json"))
        {
            bool parsed = Secp256k1PublicKey.TryParseSubjectPublicKeyInfo(c.Test.Hex("public"), out Secp256k1PublicKey key);
            byte[] privateBytes = c.Test.Hex("private");
            // Wycheproof writes the private key as a signed ASN.1 integer: drop a leading zero, left-pad short ones.
            byte[] secret = new byte[32];
            ReadOnlySpan<byte> magnitude = privateBytes.AsSpan().TrimStart((byte)0);
            magnitude.CopyTo(secret.AsSpan(32 - magnitude.Length));
            byte[] shared = new byte[32];
            bool computed = parsed && Secp256k1Ecdh.TryComputeSharedX(secret, key, shared);
            if (c.Result == "valid")
            {
                Assert.True(computed, $"tcId {c.Id} ({c.Comment})");
                Assert.Equal(c.Test.Hex("shared"), shared);
            }
            else if (c.Result == "invalid")
            {
                Assert.False(computed, $"tcId {c.Id} ({c.Comment}) should be rejected");
            }
            checkedCount++;
        }
        Assert.True(checkedCount > 700);
    }

    [Fact]
    public void Bip340TestVectors()
    {
        string[] lines = File.ReadAllLines(SharedVectors.Path("bitcoin__bips", "bip-0340", "test-vectors.csv"));
        Assert.StartsWith("index,", lines[0]);
        int count = 0;
        foreach (string line in lines[1..])
        {
            if (line.Length == 0) continue;
            string[] f = line.Split(',');
            byte[] publicKey = HexCodec.Parse(f[2]);
            byte[] message = HexCodec.Parse(f[4]);
            byte[] signature = HexCodec.Parse(f[5]);
            bool expected = f[6] == "TRUE";
            if (f[1].Length > 0)
            {
                byte[] secret = HexCodec.Parse(f[1]);
                byte[] derived = new byte[32];
                Assert.True(Bip340Schnorr.TryGetPublicKey(secret, derived));
                Assert.Equal(publicKey, derived);
                byte[] produced = new byte[64];
                Assert.True(Bip340Schnorr.TrySign(secret, message, HexCodec.Parse(f[3]), produced));
                Assert.Equal(signature, produced);
            }
            Assert.True(expected == Bip340Schnorr.Verify(publicKey, message, signature), $"vector {f[0]}: {f[^1]}");
            count++;
        }
        Assert.True(count >= 15);
    }
}
