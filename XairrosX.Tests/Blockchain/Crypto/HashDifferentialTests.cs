using System;
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
