using System;
using System.Buffers.Binary;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// The Merkle-Damgård driver of the two 160-bit hashes, SHA-1 and RIPEMD-160: they share the initial
/// chaining value and the 64-byte block, and differ in the block function and in byte order (SHA-1 is
/// big-endian in its length field and digest, RIPEMD-160 little-endian — taken from the compressor).
/// </summary>
internal struct Digest160<TCompressor> where TCompressor : IBlockCompressor<State5x32>
{
    private State5x32 _state;
    private Block64 _buffer;
    private ulong _length;
    private int _buffered;
    private bool _ready;

    private static ReadOnlySpan<uint> InitialState => [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        ByteOps.RequireLength(destination, 20, nameof(destination));
        State5x32 state = default;
        InitialState.CopyTo(state);
        int whole = data.Length - data.Length % 64;
        TCompressor.Compress(ref state, data.Slice(0, whole));
        MerkleDamgard.Pad<TCompressor, State5x32>(ref state, data.Slice(whole), (ulong)data.Length);
        WriteDigest(state, destination);
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        if (!_ready) throw new InvalidOperationException("Use a constructor or Create(); default values are not initialised.");
        _length += (ulong)data.Length;
        MerkleDamgard.Append<TCompressor, State5x32>(ref _state, _buffer, ref _buffered, data);
    }

    public void Finish(Span<byte> destination)
    {
        if (!_ready) throw new InvalidOperationException("Use a constructor or Create(); default values are not initialised.");
        ByteOps.RequireLength(destination, 20, nameof(destination));
        MerkleDamgard.Pad<TCompressor, State5x32>(ref _state, ((ReadOnlySpan<byte>)_buffer).Slice(0, _buffered), _length);
        WriteDigest(_state, destination);
        Reset();
    }

    public void Reset()
    {
        InitialState.CopyTo(_state);
        _length = 0;
        _buffered = 0;
        _ready = true;
    }

    private static void WriteDigest(ReadOnlySpan<uint> state, Span<byte> destination)
    {
        for (int i = 0; i < 5; i++)
        {
            if (TCompressor.BigEndianLength) BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(i * 4), state[i]);
            else BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(i * 4), state[i]);
        }
    }
}
