using System;
using System.Buffers.Binary;

namespace XairrosX.Blockchain.Crypto;

/// <summary>SHA-512 (FIPS 180-4).</summary>
public struct Sha512 : IIncrementalHash<Sha512>
{
    private State8x64 _state;
    private Block128 _buffer;
    private UInt128 _length;
    private int _buffered;
    private bool _ready;

    /// <summary>Creates an empty hasher.</summary>
    public Sha512() => Reset();

    /// <inheritdoc/>
    public static int HashSizeInBytes => 64;

    /// <inheritdoc/>
    public static int BlockSizeInBytes => 128;

    /// <inheritdoc/>
    public static Sha512 Create() => new();

    /// <summary>Hashes <paramref name="data"/> into the first 64 bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 64 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        ByteOps.RequireLength(destination, 64, nameof(destination));
        State8x64 state = default;
        Sha512Compression.InitialState.CopyTo(state);
        int whole = data.Length - data.Length % 128;
        Sha512CompressionBlocks.Compress(ref state, data.Slice(0, whole));
        MerkleDamgard.Pad<Sha512CompressionBlocks, State8x64>(ref state, data.Slice(whole), (UInt128)data.Length);
        WriteDigest(state, destination);
    }

    /// <summary>Hashes <paramref name="data"/> into a new 64-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        byte[] digest = new byte[64];
        Hash(data, digest);
        return digest;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (!_ready) throw new InvalidOperationException("Use a constructor or Create(); default values are not initialised.");
        _length += (UInt128)data.Length;
        MerkleDamgard.Append<Sha512CompressionBlocks, State8x64>(ref _state, _buffer, ref _buffered, data);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Finish(Span<byte> destination)
    {
        if (!_ready) throw new InvalidOperationException("Use a constructor or Create(); default values are not initialised.");
        ByteOps.RequireLength(destination, 64, nameof(destination));
        MerkleDamgard.Pad<Sha512CompressionBlocks, State8x64>(ref _state, ((ReadOnlySpan<byte>)_buffer).Slice(0, _buffered), _length);
        WriteDigest(_state, destination);
        Reset();
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Sha512Compression.InitialState.CopyTo(_state);
        _length = 0;
        _buffered = 0;
        _ready = true;
    }

    private static void WriteDigest(ReadOnlySpan<ulong> state, Span<byte> destination)
    {
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(i * 8), state[i]);
    }
}

/// <summary>Adapts the SHA-512 block function to the shared Merkle-Damgård driver.</summary>
internal struct Sha512CompressionBlocks : IBlockCompressor<State8x64>
{
    public static int BlockSize => 128;

    public static int LengthFieldSize => 16;

    public static bool BigEndianLength => true;

    public static void Compress(ref State8x64 state, ReadOnlySpan<byte> blocks) => Sha512Compression.Compress(state, blocks);
}
