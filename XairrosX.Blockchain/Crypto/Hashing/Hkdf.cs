using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>HKDF (RFC 5869) over any <see cref="IIncrementalHash{TSelf}"/>.</summary>
/// <typeparam name="THash">The underlying hash.</typeparam>
public static class Hkdf<THash> where THash : struct, IIncrementalHash<THash>
{
    /// <summary>Extract: PRK = HMAC(salt, ikm); an empty salt means HashLen zero bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="pseudoRandomKey"/> is shorter than the hash size.</exception>
    public static void Extract(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, Span<byte> pseudoRandomKey)
    {
        Span<byte> zeroSalt = stackalloc byte[64];
        zeroSalt.Clear();
        scoped ReadOnlySpan<byte> key = salt.IsEmpty ? zeroSalt.Slice(0, THash.HashSizeInBytes) : salt;
        Hmac<THash>.Compute(key, inputKeyMaterial, pseudoRandomKey);
    }

    /// <summary>Expand: fills <paramref name="output"/> (at most 255 × hash size bytes) from the PRK and context info.</summary>
    /// <exception cref="ArgumentException">The output is longer than 255 blocks.</exception>
    public static void Expand(ReadOnlySpan<byte> pseudoRandomKey, ReadOnlySpan<byte> info, Span<byte> output)
    {
        int size = THash.HashSizeInBytes;
        if (output.Length > 255 * size) throw new ArgumentException("HKDF output is limited to 255 hash lengths.", nameof(output));
        var mac = new Hmac<THash>(pseudoRandomKey);
        Span<byte> block = stackalloc byte[64];
        block = block.Slice(0, size);
        Span<byte> counter = stackalloc byte[1];
        int offset = 0;
        for (int i = 1; offset < output.Length; i++)
        {
            if (i > 1) mac.Append(block);
            mac.Append(info);
            counter[0] = (byte)i;
            mac.Append(counter);
            mac.Finish(block);
            int take = Math.Min(size, output.Length - offset);
            block.Slice(0, take).CopyTo(output.Slice(offset));
            offset += take;
        }
        block.Clear();
    }

    /// <summary>Extract then expand.</summary>
    /// <exception cref="ArgumentException">The output is longer than 255 blocks.</exception>
    public static void DeriveKey(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> output)
    {
        Span<byte> prk = stackalloc byte[64];
        prk = prk.Slice(0, THash.HashSizeInBytes);
        Extract(inputKeyMaterial, salt, prk);
        Expand(prk, info, output);
        prk.Clear();
    }
}
