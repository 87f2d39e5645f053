using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// A deterministic random bit generator over ChaCha20 with fast key erasure: every request runs ChaCha20
/// under the current key, takes the first 32 bytes of keystream as the next key and hands out the rest, so a
/// later compromise of the state reveals nothing already produced. Entropy comes from the caller (the kernel feeds
/// RDRAND/RDSEED); <see cref="Reseed"/> mixes more in through SHA-256. Not thread-safe: one instance per consumer or a lock.
/// </summary>
public sealed class ChaCha20Drbg
{
    /// <summary>Minimum entropy input, in bytes, for construction and reseeding.</summary>
    public const int MinimumSeedSize = 32;

    private readonly byte[] _key = new byte[ChaCha20.KeySize];
    private ulong _requestsSinceReseed;

    /// <summary>Seeds the generator.</summary>
    /// <param name="seed">At least 32 bytes of full-entropy input.</param>
    /// <param name="personalization">Optional context string mixed into the key (e.g. a device identity).</param>
    /// <exception cref="ArgumentException">The seed is shorter than <see cref="MinimumSeedSize"/>.</exception>
    public ChaCha20Drbg(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> personalization = default)
    {
        if (seed.Length < MinimumSeedSize) throw new ArgumentException($"Seed needs at least {MinimumSeedSize} bytes.", nameof(seed));
        Mix(seed, personalization);
    }

    /// <summary>Requests served since construction or the last <see cref="Reseed"/> (the caller's reseed policy reads this).</summary>
    public ulong RequestsSinceReseed => _requestsSinceReseed;

    /// <summary>Mixes fresh entropy into the key: key ← SHA-256(domain ‖ key ‖ entropy).</summary>
    /// <exception cref="ArgumentException">The entropy is shorter than <see cref="MinimumSeedSize"/>.</exception>
    public void Reseed(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length < MinimumSeedSize) throw new ArgumentException($"Reseed needs at least {MinimumSeedSize} bytes.", nameof(entropy));
        Mix(entropy, default);
        _requestsSinceReseed = 0;
    }

    /// <summary>Fills <paramref name="output"/> with pseudorandom bytes and erases the key that produced them.</summary>
    /// <remarks>A span holds under 2^31 bytes, far inside the 2^32 blocks one key may produce.</remarks>
    public void Fill(Span<byte> output)
    {
        Span<uint> state = stackalloc uint[16];
        Span<byte> block = stackalloc byte[64];
        ReadOnlySpan<byte> nonce = stackalloc byte[ChaCha20.NonceSize];
        ChaCha20.Initialize(_key, nonce, 0, state);
        ChaCha20.Block(state, block);
        state[12]++;
        block.Slice(0, 32).CopyTo(_key);
        int fromFirst = Math.Min(32, output.Length);
        block.Slice(32, fromFirst).CopyTo(output);
        for (int offset = fromFirst; offset < output.Length; offset += 64)
        {
            ChaCha20.Block(state, block);
            state[12]++;
            block.Slice(0, Math.Min(64, output.Length - offset)).CopyTo(output.Slice(offset));
        }
        block.Clear();
        state.Clear();
        _requestsSinceReseed++;
    }

    /// <summary>A uniformly distributed 64-bit value.</summary>
    public ulong NextUInt64()
    {
        Span<byte> bytes = stackalloc byte[8];
        Fill(bytes);
        return BitConverter.ToUInt64(bytes);
    }

    private void Mix(ReadOnlySpan<byte> entropy, ReadOnlySpan<byte> personalization)
    {
        var hash = new Sha256();
        hash.Append("XairrosX ChaCha20Drbg v1"u8);
        hash.Append(_key);
        hash.Append(entropy);
        hash.Append(personalization);
        hash.Finish(_key);
    }
}
