using System;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

public class ChaCha20DrbgTests
{
    [Fact]
    public void ChaCha20Rfc8439Section242()
    {
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) key[i] = (byte)i;
        byte[] nonce = HexCodec.Parse("000000000000004a00000000");
        byte[] plaintext = Encoding.ASCII.GetBytes("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
        byte[] ciphertext = new byte[plaintext.Length];
        ChaCha20.Xor(key, nonce, 1, plaintext, ciphertext);
        Assert.StartsWith("6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0bf91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d807ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab77937365af90bbf74a35be6b40b8eedf2785e42874d",
            HexCodec.ToHex(ciphertext));
    }

    [Fact]
    public void ChaCha20MatchesBouncyCastle()
    {
        var random = new Random(71);
        for (int i = 0; i < 1000; i++)
        {
            byte[] key = KeccakTests.RandomBytes(random, 32), nonce = KeccakTests.RandomBytes(random, 12);
            byte[] message = KeccakTests.RandomBytes(random, random.Next(0, 500));
            uint counter = (uint)random.Next(0, 16);
            byte[] actual = new byte[message.Length];
            ChaCha20.Xor(key, nonce, counter, message, actual);
            var reference = new ChaCha7539Engine();
            reference.Init(true, new ParametersWithIV(new KeyParameter(key), nonce));
            byte[] skip = new byte[64 * counter];
            reference.ProcessBytes(skip, 0, skip.Length, skip, 0);
            byte[] expected = new byte[message.Length];
            reference.ProcessBytes(message, 0, message.Length, expected, 0);
            Assert.Equal(expected, actual);
        }
        Assert.Throws<ArgumentException>(() => ChaCha20.Xor(new byte[32], new byte[12], uint.MaxValue, new byte[65], new byte[65]));
        Assert.Throws<ArgumentException>(() => ChaCha20.Xor(new byte[31], new byte[12], 0, [], []));
    }

    [Fact]
    public void DrbgOutputIsFastKeyErasureChaCha20UnderTheHashedSeed()
    {
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) seed[i] = (byte)(i * 7);
        // Reference: key = SHA-256(domain ‖ 0^32 ‖ seed); request 1 = keystream[32..32+n) of block 0 onward; next key = keystream[0..32).
        var sha = new Sha256Digest();
        byte[] domain = Encoding.ASCII.GetBytes("XairrosX ChaCha20Drbg v1");
        sha.BlockUpdate(domain, 0, domain.Length);
        sha.BlockUpdate(new byte[32], 0, 32);
        sha.BlockUpdate(seed, 0, 32);
        byte[] key = new byte[32];
        sha.DoFinal(key, 0);
        var drbg = new ChaCha20Drbg(seed);
        for (int request = 0; request < 3; request++)
        {
            int length = 100 + request;
            byte[] stream = new byte[32 + length];
            var engine = new ChaCha7539Engine();
            engine.Init(true, new ParametersWithIV(new KeyParameter(key), new byte[12]));
            engine.ProcessBytes(new byte[stream.Length], 0, stream.Length, stream, 0);
            byte[] actual = new byte[length];
            drbg.Fill(actual);
            Assert.Equal(stream.AsSpan(32, length).ToArray(), actual);
            key = stream.AsSpan(0, 32).ToArray();
        }
        Assert.Equal(3UL, drbg.RequestsSinceReseed);
    }

    [Fact]
    public void DrbgSeedsReseedsAndBalancesBits()
    {
        byte[] seedA = new byte[32], seedB = new byte[32];
        seedB[0] = 1;
        Assert.NotEqual(new ChaCha20Drbg(seedA).NextUInt64(), new ChaCha20Drbg(seedB).NextUInt64());
        Assert.Equal(new ChaCha20Drbg(seedA).NextUInt64(), new ChaCha20Drbg(seedA).NextUInt64());
        Assert.NotEqual(new ChaCha20Drbg(seedA, "node-1"u8).NextUInt64(), new ChaCha20Drbg(seedA, "node-2"u8).NextUInt64());

        var drbg = new ChaCha20Drbg(seedA);
        var twin = new ChaCha20Drbg(seedA);
        drbg.Reseed(seedB);
        Assert.NotEqual(twin.NextUInt64(), drbg.NextUInt64());
        Assert.Throws<ArgumentException>(() => new ChaCha20Drbg(new byte[31]));
        Assert.Throws<ArgumentException>(() => drbg.Reseed(new byte[16]));

        byte[] sample = new byte[1 << 16];
        drbg.Fill(sample);
        long ones = 0;
        foreach (byte b in sample) ones += System.Numerics.BitOperations.PopCount(b);
        // 2^19 fair bits: the standard deviation is ~362, so ±2000 fails only for a broken generator.
        Assert.InRange(ones, (1L << 18) - 2000, (1L << 18) + 2000);
    }
}
