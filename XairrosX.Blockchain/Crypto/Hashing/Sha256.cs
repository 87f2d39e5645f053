using System;
using System.Buffers.Binary;

namespace XairrosX.Blockchain.Crypto;

/// <summary>SHA-256 (FIPS 180-4). Block compression goes through <see cref="Sha256Compression"/>, so a SHA-NI routine plugged there serves every caller.</summary>
public struct Sha256 : IIncrementalHash<Sha256>
{
    private State8x32 _state;
    private Block64 _buffer;
    private ulong _length;
    private int _buffered;
    private bool _ready;

    /// <summary>Creates an empty hasher.</summary>
    public Sha256() => Reset();

    /// <inheritdoc/>
    public static int HashSizeInBytes => 32;

    /// <inheritdoc/>
    public static int BlockSizeInBytes => 64;

    /// <inheritdoc/>
    public static Sha256 Create() => new();

    /// <summary>Hashes <paramref name="data"/> into the first 32 bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        ByteOps.RequireLength(destination, 32, nameof(destination));
        State8x32 state = default;
        Sha256Compression.InitialState.CopyTo(state);
        int whole = data.Length - data.Length % 64;
        Sha256CompressionBlocks.Compress(ref state, data.Slice(0, whole));
        MerkleDamgard.Pad<Sha256CompressionBlocks, State8x32>(ref state, data.Slice(whole), (ulong)data.Length);
        WriteDigest(state, destination);
    }

    /// <summary>Hashes <paramref name="data"/> into a new 32-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        byte[] digest = new byte[32];
        Hash(data, digest);
        return digest;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (!_ready) throw new InvalidOperationException("Use a constructor or Create(); default values are not initialised.");
        _length += (ulong)data.Length;
        MerkleDamgard.Append<Sha256CompressionBlocks, State8x32>(ref _state, _buffer, ref _buffered, data);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Finish(Span<byte> destination)
    {
        if (!_ready) throw new InvalidOperationException("Use a constructor or Create(); default values are not initialised.");
        ByteOps.RequireLength(destination, 32, nameof(destination));
        MerkleDamgard.Pad<Sha256CompressionBlocks, State8x32>(ref _state, ((ReadOnlySpan<byte>)_buffer).Slice(0, _buffered), _length);
        WriteDigest(_state, destination);
        Reset();
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Sha256Compression.InitialState.CopyTo(_state);
        _length = 0;
        _buffered = 0;
        _ready = true;
    }

    /// <summary>SHA-256(SHA-256(data)), Bitcoin's hash for block headers, transactions and Merkle nodes.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public static void HashTwice(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> first = stackalloc byte[32];
        Hash(data, first);
        Hash(first, destination);
    }

    private static void WriteDigest(ReadOnlySpan<uint> state, Span<byte> destination)
    {
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(i * 4), state[i]);
    }
}

/// <summary>Adapts the SHA-256 block function to the shared Merkle-Damgård driver.</summary>
internal struct Sha256CompressionBlocks : IBlockCompressor<State8x32>
{
    public static int BlockSize => 64;

    public static int LengthFieldSize => 8;

    public static bool BigEndianLength => true;

    public static void Compress(ref State8x32 state, ReadOnlySpan<byte> blocks) => Sha256Compression.Compress(state, blocks);
}
