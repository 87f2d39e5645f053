using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>RIPEMD-160, as used by Bitcoin addresses (HASH160 = RIPEMD-160 of SHA-256).</summary>
public struct Ripemd160 : IIncrementalHash<Ripemd160>
{
    private Digest160<Ripemd160CompressionBlocks> _core;

    /// <summary>Creates an empty hasher.</summary>
    public Ripemd160() => _core.Reset();

    /// <inheritdoc/>
    public static int HashSizeInBytes => 20;

    /// <inheritdoc/>
    public static int BlockSizeInBytes => 64;

    /// <inheritdoc/>
    public static Ripemd160 Create() => new();

    /// <summary>Hashes <paramref name="data"/> into the first 20 bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 20 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination) => Digest160<Ripemd160CompressionBlocks>.Hash(data, destination);

    /// <summary>Hashes <paramref name="data"/> into a new 20-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        byte[] digest = new byte[20];
        Hash(data, digest);
        return digest;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Append(ReadOnlySpan<byte> data) => _core.Append(data);

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Finish(Span<byte> destination) => _core.Finish(destination);

    /// <inheritdoc/>
    public void Reset() => _core.Reset();
}

/// <summary>Adapts the RIPEMD-160 block function to the shared Merkle-Damgård driver.</summary>
internal struct Ripemd160CompressionBlocks : IBlockCompressor<State5x32>
{
    public static int BlockSize => 64;

    public static int LengthFieldSize => 8;

    public static bool BigEndianLength => false;

    public static void Compress(ref State5x32 state, ReadOnlySpan<byte> blocks) => Ripemd160Compression.Compress(state, blocks);
}
