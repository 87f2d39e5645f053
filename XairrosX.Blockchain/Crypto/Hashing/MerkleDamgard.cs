using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace XairrosX.Blockchain.Crypto;

/// <summary>A block function over a chaining state, as SHA-2 and RIPEMD-160 have.</summary>
internal interface IBlockCompressor<TState> where TState : struct
{
    /// <summary>Block length in bytes (64 or 128).</summary>
    static abstract int BlockSize { get; }

    /// <summary>Bytes of the message-length field in the final block (8 or 16).</summary>
    static abstract int LengthFieldSize { get; }

    /// <summary>True when the length field is big-endian (SHA-2), false for little-endian (RIPEMD).</summary>
    static abstract bool BigEndianLength { get; }

    /// <summary>Compresses every whole block of <paramref name="blocks"/>.</summary>
    static abstract void Compress(ref TState state, ReadOnlySpan<byte> blocks);
}

/// <summary>Buffering and length padding shared by the Merkle-Damgård hashes.</summary>
internal static class MerkleDamgard
{
    /// <summary>Feeds <paramref name="data"/>; whole blocks go straight from the input, the tail is buffered.</summary>
    public static void Append<TCompressor, TState>(ref TState state, Span<byte> buffer, ref int buffered, ReadOnlySpan<byte> data)
        where TCompressor : IBlockCompressor<TState>
        where TState : struct
    {
        int blockSize = TCompressor.BlockSize;
        if (buffered > 0)
        {
            int take = Math.Min(blockSize - buffered, data.Length);
            data.Slice(0, take).CopyTo(buffer.Slice(buffered));
            buffered += take;
            data = data.Slice(take);
            if (buffered < blockSize) return;
            TCompressor.Compress(ref state, buffer.Slice(0, blockSize));
            buffered = 0;
        }
        int whole = data.Length - data.Length % blockSize;
        if (whole > 0)
        {
            TCompressor.Compress(ref state, data.Slice(0, whole));
            data = data.Slice(whole);
        }
        data.CopyTo(buffer);
        buffered = data.Length;
    }

    /// <summary>Appends the 0x80 marker, zeros and the bit length, then compresses the last block(s).</summary>
    [SkipLocalsInit]
    public static void Pad<TCompressor, TState>(ref TState state, ReadOnlySpan<byte> tail, UInt128 messageBytes)
        where TCompressor : IBlockCompressor<TState>
        where TState : struct
    {
        int blockSize = TCompressor.BlockSize;
        Span<byte> last = stackalloc byte[256];
        int lengthOffset = tail.Length + 1 + TCompressor.LengthFieldSize <= blockSize ? blockSize : 2 * blockSize;
        last = last.Slice(0, lengthOffset);
        last.Clear();
        tail.CopyTo(last);
        last[tail.Length] = 0x80;
        UInt128 bits = messageBytes << 3;
        Span<byte> lengthField = last.Slice(lengthOffset - TCompressor.LengthFieldSize);
        if (TCompressor.BigEndianLength)
        {
            if (TCompressor.LengthFieldSize == 16) BinaryPrimitives.WriteUInt128BigEndian(lengthField, bits);
            else BinaryPrimitives.WriteUInt64BigEndian(lengthField, (ulong)bits);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(lengthField, (ulong)bits);
        }
        TCompressor.Compress(ref state, last);
    }
}
