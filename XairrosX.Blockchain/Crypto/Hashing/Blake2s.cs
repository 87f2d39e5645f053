using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>BLAKE2s (RFC 7693): keyed or unkeyed, any digest length from 1 to 32 bytes.</summary>
public struct Blake2s : IIncrementalHash<Blake2s>
{
    /// <summary>Largest digest and key length in bytes.</summary>
    public const int MaxOutputLength = 32;

    private Blake2Core<Blake2sVariant, State8x32> _core;

    /// <summary>An unkeyed hasher with the full 32-byte digest.</summary>
    public Blake2s() : this(32, default)
    {
    }

    /// <summary>Creates a hasher.</summary>
    /// <param name="outputLength">Digest length, 1 to 32 bytes (it is part of the parameter block, so shorter digests are not prefixes).</param>
    /// <param name="key">MAC key, 0 to 32 bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException">A length is out of range.</exception>
    public Blake2s(int outputLength, ReadOnlySpan<byte> key) => _core = new Blake2Core<Blake2sVariant, State8x32>(outputLength, key);

    /// <summary>Digest length in bytes of the parameterless form.</summary>
    public static int HashSizeInBytes => 32;

    /// <inheritdoc/>
    public static int BlockSizeInBytes => 64;

    /// <inheritdoc/>
    public static Blake2s Create() => new();

    /// <summary>Digest length this instance produces.</summary>
    public readonly int OutputLength => _core.OutputLength;

    /// <summary>Hashes <paramref name="data"/>; the digest length is <c>destination.Length</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The destination or key length is out of range.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination, ReadOnlySpan<byte> key = default)
    {
        var core = new Blake2Core<Blake2sVariant, State8x32>(destination.Length, key);
        core.Append(data);
        core.Finish(destination);
    }

    /// <summary>Hashes <paramref name="data"/> into a new array of <paramref name="outputLength"/> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The output or key length is out of range.</exception>
    public static byte[] Hash(ReadOnlySpan<byte> data, int outputLength = 32, ReadOnlySpan<byte> key = default)
    {
        if (outputLength < 1 || outputLength > 32) throw new ArgumentOutOfRangeException(nameof(outputLength));
        byte[] digest = new byte[outputLength];
        Hash(data, digest, key);
        return digest;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Append(ReadOnlySpan<byte> data) => _core.Append(data);

    /// <summary>Writes the <see cref="OutputLength"/>-byte digest and resets the instance (keeping key and length).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="OutputLength"/>.</exception>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Finish(Span<byte> destination) => _core.Finish(destination);

    /// <inheritdoc/>
    public void Reset() => _core.Reset();
}
