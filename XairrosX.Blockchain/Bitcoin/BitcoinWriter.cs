using System;
using System.Buffers.Binary;

namespace XairrosX.Blockchain.Bitcoin;

/// <summary>Growable little-endian writer for Bitcoin's wire format; reusable via <see cref="Reset"/>.</summary>
public sealed class BitcoinWriter
{
    private byte[] _buffer;
    private int _length;

    /// <summary>Creates a writer with an initial capacity.</summary>
    public BitcoinWriter(int capacity = 256) => _buffer = new byte[Math.Max(16, capacity)];

    /// <summary>Bytes written.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>Forgets the content, keeps the buffer.</summary>
    public void Reset() => _length = 0;

    /// <summary>A copy of what was written.</summary>
    public byte[] ToArray() => Written.ToArray();

    /// <summary>Appends raw bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Span<byte> dst = Grow(bytes.Length);
        bytes.CopyTo(dst);
    }

    /// <summary>Appends one byte.</summary>
    public void WriteByte(byte value) => Grow(1)[0] = value;

    /// <summary>Appends a little-endian uint32.</summary>
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Grow(4), value);

    /// <summary>Appends a little-endian int32.</summary>
    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Grow(4), value);

    /// <summary>Appends a little-endian int64.</summary>
    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Grow(8), value);

    /// <summary>Appends a CompactSize.</summary>
    public void WriteCompactSize(ulong value)
    {
        if (value < 0xFD) WriteByte((byte)value);
        else if (value <= 0xFFFF)
        {
            WriteByte(0xFD);
            BinaryPrimitives.WriteUInt16LittleEndian(Grow(2), (ushort)value);
        }
        else if (value <= 0xFFFFFFFF)
        {
            WriteByte(0xFE);
            WriteUInt32((uint)value);
        }
        else
        {
            WriteByte(0xFF);
            BinaryPrimitives.WriteUInt64LittleEndian(Grow(8), value);
        }
    }

    /// <summary>Appends a CompactSize-prefixed byte string.</summary>
    public void WriteVarBytes(ReadOnlySpan<byte> bytes)
    {
        WriteCompactSize((ulong)bytes.Length);
        WriteBytes(bytes);
    }

    private Span<byte> Grow(int n)
    {
        if (_length + n > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + n));
        Span<byte> s = _buffer.AsSpan(_length, n);
        _length += n;
        return s;
    }
}
