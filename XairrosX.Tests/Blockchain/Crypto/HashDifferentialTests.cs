using System;
using System.Linq;
using Org.BouncyCastle.Crypto.Digests;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

public class HashDifferentialTests
{
    [Fact]
    public void Sha256MatchesBouncyCastle() => KeccakTests.DifferentialFixed<Sha256>(() => new Sha256Digest(), seed: 11);

    [Fact]
    public void Sha512MatchesBouncyCastle() => KeccakTests.DifferentialFixed<Sha512>(() => new Sha512Digest(), seed: 12);

    [Fact]
    public void Ripemd160MatchesBouncyCastle() => KeccakTests.DifferentialFixed<Ripemd160>(() => new RipeMD160Digest(), seed: 13);

    [Fact]
    public void Sha1MatchesBouncyCastle() => KeccakTests.DifferentialFixed<Sha1>(() => new Sha1Digest(), seed: 17);

    [Theory]
    [InlineData("", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("abc", "a9993e364706816aba3e25717850c26c9cd0d89d")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1")]
    public void Sha1KnownAnswers(string message, string digest) =>
        Assert.Equal(digest, Convert.ToHexStringLower(Sha1.Hash(System.Text.Encoding.ASCII.GetBytes(message))));

    [Fact]
    public void Sha1OfAMillionAs() =>
        Assert.Equal("34aa973cd4c4daa4f61eeb2bdbad27316534016f", Convert.ToHexStringLower(Sha1.Hash(new string('a', 1_000_000).Select(c => (byte)c).ToArray())));

    [Fact]
    public void Blake2bMatchesBouncyCastle() => KeccakTests.DifferentialFixed<Blake2b>(() => new Blake2bDigest(512), seed: 14);

    [Fact]
    public void Blake2sMatchesBouncyCastle() => KeccakTests.DifferentialFixed<Blake2s>(() => new Blake2sDigest(256), seed: 15);

    [Fact]
    public void KeyedVariableLengthBlake2MatchesBouncyCastle()
    {
        var random = new System.Random(16);
        for (int i = 0; i < 1000; i++)
        {
            bool wide = (i & 1) == 0;
            int max = wide ? 64 : 32;
            byte[] key = KeccakTests.RandomBytes(random, random.Next(0, max + 1));
            int outputLength = random.Next(1, max + 1);
            byte[] message = KeccakTests.RandomBytes(random, random.Next(0, 600));
            Org.BouncyCastle.Crypto.IDigest reference = wide
                ? new Blake2bDigest(key.Length == 0 ? null : key, outputLength, null, null)
                : new Blake2sDigest(key.Length == 0 ? null : key, outputLength, null, null);
            reference.BlockUpdate(message, 0, message.Length);
            byte[] expected = new byte[outputLength];
            reference.DoFinal(expected, 0);
            byte[] actual = new byte[outputLength];
            if (wide)
            {
                var hasher = new Blake2b(outputLength, key);
                foreach (System.Range chunk in KeccakTests.Chunks(random, message.Length)) hasher.Append(message.AsSpan(chunk));
                hasher.Finish(actual);
            }
            else
            {
                var hasher = new Blake2s(outputLength, key);
                foreach (System.Range chunk in KeccakTests.Chunks(random, message.Length)) hasher.Append(message.AsSpan(chunk));
                hasher.Finish(actual);
            }
            Assert.Equal(expected, actual);
        }
    }
}
