using System;
using System.Collections.Generic;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

public class KeccakTests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    public void Keccak256KnownAnswers(string message, string expected)
    {
        Assert.Equal(expected, HexCodec.ToHex(Keccak256.Hash(Encoding.ASCII.GetBytes(message))));
    }

    [Theory]
    [InlineData("", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")]
    [InlineData("abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")]
    public void Sha3_256NistExamples(string message, string expected)
    {
        Assert.Equal(expected, HexCodec.ToHex(Sha3_256.Hash(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void Sha3_256Nist1600BitMessage()
    {
        byte[] message = new byte[200];
        message.AsSpan().Fill(0xA3);
        Assert.Equal("79f38adec5c20307a98ef76e8324afbfd46cfd81b22e3973c65fa1bd9de31787", HexCodec.ToHex(Sha3_256.Hash(message)));
    }

    [Theory]
    [InlineData("", "a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26")]
    [InlineData("abc", "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0")]
    public void Sha3_512NistExamples(string message, string expected)
    {
        Assert.Equal(expected, HexCodec.ToHex(Sha3_512.Hash(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void ShakeEmptyInputExamples()
    {
        Assert.Equal("7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26", HexCodec.ToHex(Shake128.Hash([], 32)));
        Assert.Equal("46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762fd75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be",
            HexCodec.ToHex(Shake256.Hash([], 64)));
    }

    [Fact]
    public void Keccak256MatchesBouncyCastleOnRandomInputs() => DifferentialFixed<Keccak256>(() => new KeccakDigest(256), seed: 1);

    [Fact]
    public void Sha3_256MatchesBouncyCastleOnRandomInputs() => DifferentialFixed<Sha3_256>(() => new Sha3Digest(256), seed: 2);

    [Fact]
    public void Sha3_512MatchesBouncyCastleOnRandomInputs() => DifferentialFixed<Sha3_512>(() => new Sha3Digest(512), seed: 3);

    [Fact]
    public void ShakeMatchesBouncyCastleOnRandomInputs()
    {
        var random = new Random(4);
        for (int i = 0; i < 1000; i++)
        {
            byte[] message = RandomBytes(random, random.Next(0, 700));
            int outputLength = random.Next(0, 500);
            bool wide = (i & 1) == 0;
            var reference = new ShakeDigest(wide ? 256 : 128);
            reference.BlockUpdate(message, 0, message.Length);
            byte[] expected = new byte[outputLength];
            reference.OutputFinal(expected, 0, outputLength);

            byte[] actual = new byte[outputLength];
            if (wide)
            {
                var shake = new Shake256();
                foreach (Range chunk in Chunks(random, message.Length)) shake.Append(message.AsSpan(chunk));
                foreach (Range chunk in Chunks(random, outputLength)) shake.Squeeze(actual.AsSpan(chunk));
            }
            else
            {
                var shake = new Shake128();
                foreach (Range chunk in Chunks(random, message.Length)) shake.Append(message.AsSpan(chunk));
                foreach (Range chunk in Chunks(random, outputLength)) shake.Squeeze(actual.AsSpan(chunk));
            }
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void IncrementalUseAfterSqueezeIsRejected()
    {
        var shake = new Shake128();
        shake.Squeeze(new byte[4]);
        Assert.Throws<InvalidOperationException>(() => shake.Append([1]));
        Assert.Throws<ArgumentException>(() => Keccak256.Hash([], new byte[31]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeccakSponge(7, 1));
        Assert.Throws<InvalidOperationException>(() => default(KeccakSponge).Absorb([1]));
    }

    internal static void DifferentialFixed<THash>(Func<IDigest> reference, int seed, int cases = 1000)
        where THash : struct, IIncrementalHash<THash>
    {
        var random = new Random(seed);
        THash hasher = THash.Create();
        byte[] actual = new byte[THash.HashSizeInBytes];
        for (int i = 0; i < cases; i++)
        {
            byte[] message = RandomBytes(random, random.Next(0, i < 500 ? 300 : 3000));
            IDigest digest = reference();
            digest.BlockUpdate(message, 0, message.Length);
            byte[] expected = new byte[digest.GetDigestSize()];
            digest.DoFinal(expected, 0);

            foreach (Range chunk in Chunks(random, message.Length)) hasher.Append(message.AsSpan(chunk));
            hasher.Finish(actual);
            Assert.Equal(expected, actual);
        }
    }

    internal static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Random split of [0, length) into consecutive pieces (some empty) to exercise buffering.</summary>
    internal static List<Range> Chunks(Random random, int length)
    {
        var chunks = new List<Range>();
        int offset = 0;
        while (offset < length)
        {
            int take = random.Next(0, 3) == 0 ? length - offset : random.Next(0, length - offset + 1);
            chunks.Add(new Range(offset, offset + take));
            offset += take;
        }
        return chunks;
    }
}
