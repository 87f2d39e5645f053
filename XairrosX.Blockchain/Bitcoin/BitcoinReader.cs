using System;
using System.Buffers.Binary;

namespace XairrosX.Blockchain.Bitcoin;

/// <summary>Reader for Bitcoin's little-endian wire format with canonical CompactSize checks.</summary>
public ref struct BitcoinReader
{
    /// <summary>Largest CompactSize value Bitcoin Core accepts (MAX_SIZE).</summary>
    public const ulong MaxSize = 0x02000000;

    private readonly ReadOnlySpan<byte> _data;
    private int _pos;

    /// <summary>Reads from <paramref name="data"/>.</summary>
    public BitcoinReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _pos = 0;
    }

    /// <summary>Offset of the next unread byte.</summary>
    public readonly int Position => _pos;

    /// <summary>Bytes left.</summary>
    public readonly int Remaining => _data.Length - _pos;

    /// <summary>Reads <paramref name="count"/> raw bytes.</summary>
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > Remaining) throw new BitcoinFormatException("unexpected end of data");
        ReadOnlySpan<byte> r = _data.Slice(_pos, count);
        _pos += count;
        return r;
    }

    /// <summary>Reads one byte.</summary>
    public byte ReadByte() => ReadBytes(1)[0];

    /// <summary>Reads a little-endian uint32.</summary>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));

    /// <summary>Reads a little-endian int32.</summary>
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));

    /// <summary>Reads a little-endian int64.</summary>
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8));

    /// <summary>Reads a canonical CompactSize no larger than <see cref="MaxSize"/>.</summary>
    public int ReadCompactSize()
    {
        byte first = ReadByte();
        ulong value;
        if (first < 0xFD) value = first;
        else if (first == 0xFD)
        {
            value = BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2));
            if (value < 0xFD) throw new BitcoinFormatException("non-canonical compact size");
        }
        else if (first == 0xFE)
        {
            value = BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));
            if (value < 0x10000) throw new BitcoinFormatException("non-canonical compact size");
        }
        else
        {
            value = BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));
            if (value < 0x100000000) throw new BitcoinFormatException("non-canonical compact size");
        }
        if (value > MaxSize) throw new BitcoinFormatException("compact size too large");
        return (int)value;
    }

    /// <summary>Reads a CompactSize-prefixed byte string.</summary>
    public byte[] ReadVarBytes() => ReadBytes(ReadCompactSize()).ToArray();
}
