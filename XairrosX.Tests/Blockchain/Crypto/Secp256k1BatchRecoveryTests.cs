using System;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

public class Secp256k1BatchRecoveryTests
{
    [Fact]
    public void BatchRecoveryAgreesWithSingleRecoveryIncludingCorruptedSignatures()
    {
        var random = new Random(61);
        const int count = 77; // not a multiple of the chunk size
        byte[] hashes = new byte[32 * count], signatures = new byte[64 * count], keys = new byte[64 * count];
        int[] ids = new int[count];
        bool[] recovered = new bool[count];
        byte[] secret = new byte[32];
        for (int i = 0; i < count; i++)
        {
            Span<byte> hash = hashes.AsSpan(32 * i, 32), signature = signatures.AsSpan(64 * i, 64);
            random.NextBytes(hash);
            do random.NextBytes(secret); while (!Secp256k1.IsValidSecretKey(secret));
            Assert.True(Secp256k1Ecdsa.TrySign(secret, hash, signature, out ids[i]));
            switch (i % 7)
            {
                case 1: signature[random.Next(64)] ^= (byte)(1 << random.Next(8)); break; // another key, or none
                case 2: ids[i] ^= 2; break; // R.x ≥ n almost never holds: no key
                case 3: signature.Slice(32).Clear(); break; // s = 0
                case 4: signature.Slice(0, 32).Fill(0xFF); break; // r ≥ n
                case 5: ids[i] = 4 + random.Next(3); break; // out of range
            }
        }
        Secp256k1BatchRecovery.Recover(hashes, signatures, ids, keys, recovered);
        int recoveredCount = 0;
        Span<byte> expected = stackalloc byte[65];
        for (int i = 0; i < count; i++)
        {
            bool single = Secp256k1Ecdsa.TryRecover(hashes.AsSpan(32 * i, 32), signatures.AsSpan(64 * i, 64), ids[i], out Secp256k1PublicKey key);
            Assert.Equal(single, recovered[i]);
            if (!single) continue;
            recoveredCount++;
            key.WriteUncompressed(expected);
            Assert.True(expected.Slice(1).SequenceEqual(keys.AsSpan(64 * i, 64)), $"item {i}");
        }
        Assert.InRange(recoveredCount, count / 4, count - count / 3);
    }

    [Fact]
    public void BatchRecoveryRejectsShortSpansAndAcceptsAnEmptyBatch()
    {
        Secp256k1BatchRecovery.Recover([], [], [], [], []);
        Assert.Throws<ArgumentException>(() => Secp256k1BatchRecovery.Recover(new byte[32], new byte[63], new int[1], new byte[64], new bool[1]));
    }
}
