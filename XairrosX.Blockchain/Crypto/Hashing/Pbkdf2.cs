using System;
using System.Buffers.Binary;

namespace XairrosX.Blockchain.Crypto;

/// <summary>PBKDF2 (RFC 8018) with HMAC of any <see cref="IIncrementalHash{TSelf}"/>; BIP-39 seeds use HMAC-SHA512.</summary>
public static class Pbkdf2
{
    /// <summary>Derives <c>output.Length</c> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> is below 1.</exception>
    public static void DeriveKey<THash>(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int iterations, Span<byte> output)
        where THash : struct, IIncrementalHash<THash>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        int size = THash.HashSizeInBytes;
        var mac = new Hmac<THash>(password);
        Span<byte> u = stackalloc byte[64];
        Span<byte> t = stackalloc byte[64];
        Span<byte> blockIndex = stackalloc byte[4];
        u = u.Slice(0, size);
        t = t.Slice(0, size);
        int offset = 0;
        for (uint block = 1; offset < output.Length; block++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(blockIndex, block);
            mac.Append(salt);
            mac.Append(blockIndex);
            mac.Finish(u);
            u.CopyTo(t);
            for (int i = 1; i < iterations; i++)
            {
                mac.Append(u);
                mac.Finish(u);
                ByteOps.XorInPlace(t, u);
            }
            int take = Math.Min(size, output.Length - offset);
            t.Slice(0, take).CopyTo(output.Slice(offset));
            offset += take;
        }
        u.Clear();
        t.Clear();
    }

    /// <summary>PBKDF2-HMAC-SHA512, the BIP-39 mnemonic-to-seed function (2048 iterations there).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> is below 1.</exception>
    public static void DeriveKeySha512(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int iterations, Span<byte> output) =>
        DeriveKey<Sha512>(password, salt, iterations, output);
}
