using System;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

public class MacAndKdfTests
{
    [Fact]
    public void HmacSha256PassesWycheproof()
    {
        using JsonDocument file = JsonDocument.Parse(System.IO.File.ReadAllBytes(SharedVectors.Path("C2SP__wycheproof", "testvectors_v1", "hmac_sha256_test.json")));
        int count = 0;
        foreach (JsonElement group in file.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            int tagBytes = group.GetProperty("tagSize").GetInt32() / 8;
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                byte[] key = HexCodec.Parse(test.GetProperty("key").GetString());
                byte[] message = HexCodec.Parse(test.GetProperty("msg").GetString());
                byte[] tag = HexCodec.Parse(test.GetProperty("tag").GetString());
                bool valid = test.GetProperty("result").GetString() == "valid";
                byte[] mac = Hmac<Sha256>.Compute(key, message);
                bool matches = tag.Length == tagBytes && mac.AsSpan(0, tagBytes).SequenceEqual(tag);
                Assert.True(valid == matches, $"tcId {test.GetProperty("tcId").GetInt32()}");
                if (tagBytes == 32)
                {
                    var verifier = new Hmac<Sha256>(key);
                    verifier.Append(message);
                    Assert.Equal(valid, verifier.Verify(tag));
                }
                count++;
            }
        }
        Assert.Equal(174, count);
    }

    [Fact]
    public void HmacSha512Rfc4231Case1()
    {
        byte[] key = new byte[20];
        key.AsSpan().Fill(0x0b);
        Assert.Equal("87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
            HexCodec.ToHex(Hmac<Sha512>.Compute(key, Encoding.ASCII.GetBytes("Hi There"))));
    }

    [Fact]
    public void HmacOfEveryHashMatchesBouncyCastle()
    {
        var random = new Random(21);
        for (int i = 0; i < 1400; i++)
        {
            byte[] key = KeccakTests.RandomBytes(random, random.Next(0, 300));
            byte[] message = KeccakTests.RandomBytes(random, random.Next(0, 400));
            (IDigest digest, byte[] actual) = (i % 7) switch
            {
                0 => ((IDigest)new Sha256Digest(), Hmac<Sha256>.Compute(key, message)),
                1 => (new Sha512Digest(), Hmac<Sha512>.Compute(key, message)),
                2 => (new RipeMD160Digest(), Hmac<Ripemd160>.Compute(key, message)),
                3 => (new KeccakDigest(256), Hmac<Keccak256>.Compute(key, message)),
                4 => (new Sha3Digest(256), Hmac<Sha3_256>.Compute(key, message)),
                5 => (new Sha3Digest(512), Hmac<Sha3_512>.Compute(key, message)),
                _ => (new Blake2sDigest(256), Hmac<Blake2s>.Compute(key, message)),
            };
            var reference = new HMac(digest);
            reference.Init(new KeyParameter(key));
            reference.BlockUpdate(message, 0, message.Length);
            byte[] expected = new byte[reference.GetMacSize()];
            reference.DoFinal(expected, 0);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void HmacBlake2bMatchesBouncyCastle()
    {
        var random = new Random(22);
        for (int i = 0; i < 200; i++)
        {
            byte[] key = KeccakTests.RandomBytes(random, random.Next(0, 300));
            byte[] message = KeccakTests.RandomBytes(random, random.Next(0, 400));
            var reference = new HMac(new Blake2bDigest(512));
            reference.Init(new KeyParameter(key));
            reference.BlockUpdate(message, 0, message.Length);
            byte[] expected = new byte[64];
            reference.DoFinal(expected, 0);
            Assert.Equal(expected, Hmac<Blake2b>.Compute(key, message));
        }
    }

    [Fact]
    public void HkdfSha256Rfc5869Case1()
    {
        byte[] ikm = new byte[22];
        ikm.AsSpan().Fill(0x0b);
        byte[] salt = HexCodec.Parse("000102030405060708090a0b0c");
        byte[] info = HexCodec.Parse("f0f1f2f3f4f5f6f7f8f9");
        byte[] prk = new byte[32];
        Hkdf<Sha256>.Extract(ikm, salt, prk);
        Assert.Equal("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", HexCodec.ToHex(prk));
        byte[] okm = new byte[42];
        Hkdf<Sha256>.DeriveKey(ikm, salt, info, okm);
        Assert.Equal("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865", HexCodec.ToHex(okm));
        Assert.Throws<ArgumentException>(() => Hkdf<Sha256>.Expand(prk, info, new byte[255 * 32 + 1]));
    }

    [Fact]
    public void HkdfMatchesBouncyCastle()
    {
        var random = new Random(23);
        for (int i = 0; i < 1000; i++)
        {
            byte[] ikm = KeccakTests.RandomBytes(random, random.Next(0, 100));
            byte[] salt = KeccakTests.RandomBytes(random, random.Next(0, 100));
            byte[] info = KeccakTests.RandomBytes(random, random.Next(0, 100));
            int length = random.Next(0, 300);
            bool wide = (i & 1) == 0;
            var generator = new HkdfBytesGenerator(wide ? new Sha512Digest() : new Sha256Digest());
            generator.Init(new HkdfParameters(ikm, salt, info));
            byte[] expected = new byte[length];
            generator.GenerateBytes(expected, 0, length);
            byte[] actual = new byte[length];
            if (wide) Hkdf<Sha512>.DeriveKey(ikm, salt, info, actual);
            else Hkdf<Sha256>.DeriveKey(ikm, salt, info, actual);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Pbkdf2Sha512MatchesBouncyCastle()
    {
        var random = new Random(24);
        for (int i = 0; i < 1000; i++)
        {
            byte[] password = KeccakTests.RandomBytes(random, random.Next(0, 200));
            byte[] salt = KeccakTests.RandomBytes(random, random.Next(0, 64));
            int iterations = random.Next(1, 8);
            int length = random.Next(1, 200);
            var generator = new Pkcs5S2ParametersGenerator(new Sha512Digest());
            generator.Init(password, salt, iterations);
            byte[] expected = ((KeyParameter)generator.GenerateDerivedMacParameters(length * 8)).GetKey();
            byte[] actual = new byte[length];
            Pbkdf2.DeriveKeySha512(password, salt, iterations, actual);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Pbkdf2Bip39Seed()
    {
        // BIP-39 reference vector: "abandon ×11 about" with passphrase "TREZOR".
        byte[] mnemonic = Encoding.UTF8.GetBytes("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");
        byte[] seed = new byte[64];
        Pbkdf2.DeriveKeySha512(mnemonic, Encoding.UTF8.GetBytes("mnemonicTREZOR"), 2048, seed);
        Assert.Equal("c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04", HexCodec.ToHex(seed));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pbkdf2.DeriveKeySha512(mnemonic, [], 0, seed));
    }
}
