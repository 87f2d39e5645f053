using System;
using System.Buffers.Binary;

namespace XairrosX.Blockchain.Crypto;

/// <summary>RIPEMD-160, as used by Bitcoin addresses (HASH160 = RIPEMD-160 of SHA-256).</summary>
public struct Ripemd160 : IIncrementalHash<Ripemd160>
{
    private State5x32 _state;
    private Block64 _buffer;
    private ulong _length;
    private int _buffered;
    private bool _ready;

    /// <summary>Creates an empty hasher.</summary>
    public Ripemd160() => Reset();

    /// <inheritdoc/>
    public static int HashSizeInBytes => 20;

    /// <inheritdoc/>
    public static int BlockSizeInBytes => 64;

    /// <inheritdoc/>
    public static Ripemd160 Create() => new();

    /// <summary>Hashes <paramref name="data"/> into the first 20 bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 20 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        ByteOps.RequireLength(destination, 20, nameof(destination));
        State5x32 state = default;
        Ripemd160Compression.InitialState.CopyTo(state);
        int whole = data.Length - data.Length % 64;
        Ripemd160CompressionBlocks.Compress(ref state, data.Slice(0, whole));
        MerkleDamgard.Pad<Ripemd160CompressionBlocks, State5x32>(ref state, data.Slice(whole), (ulong)data.Length);
        WriteDigest(state, destination);
    }

    /// <summary>Hashes <paramref name="data"/> into a new 20-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        byte[] digest = new byte[20];
        Hash(data, digest);
        return digest;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (!_ready) throw new InvalidOperationException("Use a constructor or Create(); default values are not initialised.");
        _length += (ulong)data.Length;
        MerkleDamgard.Append<Ripemd160CompressionBlocks, State5x32>(ref _state, _buffer, ref _buffered, data);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Finish(Span<byte> destination)
    {
        if (!_ready) throw new InvalidOperationException("Use a constructor or Create(); default values are not initialised.");
        ByteOps.RequireLength(destination, 20, nameof(destination));
        MerkleDamgard.Pad<Ripemd160CompressionBlocks, State5x32>(ref _state, ((ReadOnlySpan<byte>)_buffer).Slice(0, _buffered), _length);
        WriteDigest(_state, destination);
        Reset();
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Ripemd160Compression.InitialState.CopyTo(_state);
        _length = 0;
        _buffered = 0;
        _ready = true;
    }

    private static void WriteDigest(ReadOnlySpan<uint> state, Span<byte> destination)
    {
        for (int i = 0; i < 5; i++) BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(i * 4), state[i]);
    }
}

/// <summary>Adapts the RIPEMD-160 block function to the shared Merkle-Damgård driver.</summary>
internal struct Ripemd160CompressionBlocks : IBlockCompressor<State5x32>
{
    public static int BlockSize => 64;

    public static int LengthFieldSize => 8;

    public static bool BigEndianLength => false;

    public static void Compress(ref State5x32 state, ReadOnlySpan<byte> blocks) => Ripemd160Compression.Compress(state, blocks);
}
