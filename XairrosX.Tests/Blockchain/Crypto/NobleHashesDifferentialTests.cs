using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

/// <summary>
/// Random inputs of every hash, MAC and KDF, answered by @noble/hashes (npm, pure JS) in one node process.
/// The reference is used only as an oracle; the cases are seeded, so a failure reproduces.
/// </summary>
public sealed class NobleHashesFixture
{
    public const int CasesPerOperation = 1000;

    public static readonly string[] Operations =
    {
        "sha256", "sha512", "sha3-256", "sha3-512", "keccak256", "shake128", "shake256", "ripemd160", "blake2b", "blake2s",
        "hmac-sha256", "hmac-sha512", "hkdf-sha256", "hkdf-sha512", "pbkdf2-sha512",
    };

    /// <summary>One random input; the fields an operation does not use are empty.</summary>
    public sealed record Case(byte[] Message, byte[] Key, byte[] Salt, byte[] Info, int Length, int Iterations, int ChunkSeed);

    public Dictionary<string, List<(Case Input, byte[] Expected)>> ByOperation { get; } = new();

    public NobleHashesFixture()
    {
        var random = new Random(5_0001);
        var batch = new ReferenceBatch();
        var cases = new List<(string Op, Case Input)>();
        foreach (string op in Operations)
        {
            for (int i = 0; i < CasesPerOperation; i++)
            {
                Case input = Generate(op, i, random);
                cases.Add((op, input));
                batch.Add(op, ("m", input.Message), ("k", input.Key), ("s", input.Salt), ("i", input.Info), ("n", input.Length), ("c", input.Iterations));
            }
        }
        string[] lines = batch.Run("noble-hashes.mjs");
        for (int i = 0; i < cases.Count; i++)
        {
            if (!ByOperation.TryGetValue(cases[i].Op, out var list)) ByOperation[cases[i].Op] = list = new();
            list.Add((cases[i].Input, Convert.FromHexString(lines[i])));
        }
    }

    private static Case Generate(string op, int index, Random random)
    {
        // Lengths cluster around block boundaries (64, 72, 128, 136, 168 and their multiples) half of the time.
        int length = index % 2 == 0
            ? Math.Max(0, new[] { 64, 72, 128, 136, 168 }[random.Next(5)] * random.Next(1, 5) + random.Next(-2, 3))
            : random.Next(0, index % 10 == 1 ? 3000 : 300);
        byte[] message = KeccakTests.RandomBytes(random, length);
        byte[] none = Array.Empty<byte>();
        return op switch
        {
            "shake128" or "shake256" => new Case(message, none, none, none, random.Next(1, 400), 0, random.Next()),
            "blake2b" => new Case(message, KeccakTests.RandomBytes(random, random.Next(0, 65)), none, none, random.Next(1, 65), 0, random.Next()),
            "blake2s" => new Case(message, KeccakTests.RandomBytes(random, random.Next(0, 33)), none, none, random.Next(1, 33), 0, random.Next()),
            "hmac-sha256" or "hmac-sha512" => new Case(message, KeccakTests.RandomBytes(random, random.Next(0, 300)), none, none, 0, 0, random.Next()),
            "hkdf-sha256" or "hkdf-sha512" => new Case(KeccakTests.RandomBytes(random, random.Next(0, 100)), none,
                KeccakTests.RandomBytes(random, random.Next(0, 150)), KeccakTests.RandomBytes(random, random.Next(0, 80)),
                random.Next(1, 255 * (op == "hkdf-sha256" ? 32 : 64) / (random.Next(4) == 0 ? 1 : 20) + 1), 0, 0),
            "pbkdf2-sha512" => new Case(KeccakTests.RandomBytes(random, random.Next(0, 200)), none,
                KeccakTests.RandomBytes(random, random.Next(0, 64)), none, random.Next(1, 200), random.Next(1, 40), 0),
            _ => new Case(message, none, none, none, 0, 0, random.Next()),
        };
    }
}

public class NobleHashesDifferentialTests : IClassFixture<NobleHashesFixture>
{
    private readonly NobleHashesFixture _reference;

    public NobleHashesDifferentialTests(NobleHashesFixture reference) => _reference = reference;

    public static TheoryData<string> Operations() => new(NobleHashesFixture.Operations);

    [Theory]
    [MemberData(nameof(Operations))]
    public void AgreesWithNobleHashes(string op)
    {
        var cases = _reference.ByOperation[op];
        Assert.Equal(NobleHashesFixture.CasesPerOperation, cases.Count);
        for (int i = 0; i < cases.Count; i++)
        {
            (NobleHashesFixture.Case input, byte[] expected) = cases[i];
            byte[] actual = Compute(op, input);
            if (!expected.AsSpan().SequenceEqual(actual))
                Assert.Fail($"{op} case {i} (message {input.Message.Length} B, key {input.Key.Length} B, length {input.Length}): " +
                    $"noble {Convert.ToHexStringLower(expected)}, ours {Convert.ToHexStringLower(actual)}");
        }
    }

    private static byte[] Compute(string op, NobleHashesFixture.Case input)
    {
        var chunks = KeccakTests.Chunks(new Random(input.ChunkSeed), input.Message.Length);
        switch (op)
        {
            case "sha256": return Incremental<Sha256>(input.Message, chunks);
            case "sha512": return Incremental<Sha512>(input.Message, chunks);
            case "sha3-256": return Incremental<Sha3_256>(input.Message, chunks);
            case "sha3-512": return Incremental<Sha3_512>(input.Message, chunks);
            case "keccak256": return Incremental<Keccak256>(input.Message, chunks);
            case "ripemd160": return Incremental<Ripemd160>(input.Message, chunks);
            case "shake128":
            {
                var shake = new Shake128();
                foreach (Range chunk in chunks) shake.Append(input.Message.AsSpan(chunk));
                return Squeeze(ref shake, input.Length, input.ChunkSeed);
            }
            case "shake256":
            {
                // The one-shot path for half of the cases, pieces of output for the other half.
                if ((input.ChunkSeed & 1) == 0) return Shake256.Hash(input.Message, input.Length);
                var shake = new Shake256();
                shake.Append(input.Message);
                byte[] output = new byte[input.Length];
                int split = input.ChunkSeed % (input.Length + 1);
                shake.Squeeze(output.AsSpan(0, split));
                shake.Squeeze(output.AsSpan(split));
                return output;
            }
            case "blake2b": return Keyed(new Blake2b(input.Length, input.Key), input, chunks);
            case "blake2s": return Keyed(new Blake2s(input.Length, input.Key), input, chunks);
            case "hmac-sha256": return IncrementalMac<Sha256>(input, chunks);
            case "hmac-sha512": return IncrementalMac<Sha512>(input, chunks);
            case "hkdf-sha256":
            {
                byte[] output = new byte[input.Length];
                Hkdf<Sha256>.DeriveKey(input.Message, input.Salt, input.Info, output);
                return output;
            }
            case "hkdf-sha512":
            {
                byte[] output = new byte[input.Length];
                Hkdf<Sha512>.DeriveKey(input.Message, input.Salt, input.Info, output);
                return output;
            }
            case "pbkdf2-sha512":
            {
                byte[] output = new byte[input.Length];
                Pbkdf2.DeriveKeySha512(input.Message, input.Salt, input.Iterations, output);
                return output;
            }
            default: throw new ArgumentOutOfRangeException(nameof(op), op, null);
        }
    }

    private static byte[] Incremental<THash>(byte[] message, List<Range> chunks) where THash : struct, IIncrementalHash<THash>
    {
        THash hasher = THash.Create();
        foreach (Range chunk in chunks) hasher.Append(message.AsSpan(chunk));
        byte[] output = new byte[THash.HashSizeInBytes];
        hasher.Finish(output);
        return output;
    }

    private static byte[] Keyed<THash>(THash hasher, NobleHashesFixture.Case input, List<Range> chunks) where THash : struct, IIncrementalHash<THash>
    {
        foreach (Range chunk in chunks) hasher.Append(input.Message.AsSpan(chunk));
        byte[] output = new byte[input.Length];
        hasher.Finish(output);
        return output;
    }

    private static byte[] IncrementalMac<THash>(NobleHashesFixture.Case input, List<Range> chunks) where THash : struct, IIncrementalHash<THash>
    {
        var mac = new Hmac<THash>(input.Key);
        foreach (Range chunk in chunks) mac.Append(input.Message.AsSpan(chunk));
        byte[] output = new byte[THash.HashSizeInBytes];
        mac.Finish(output);
        return output;
    }

    private static byte[] Squeeze(ref Shake128 shake, int length, int seed)
    {
        byte[] output = new byte[length];
        var random = new Random(seed);
        for (int offset = 0; offset < length;)
        {
            int take = Math.Min(length - offset, random.Next(1, 200));
            shake.Squeeze(output.AsSpan(offset, take));
            offset += take;
        }
        return output;
    }
}
