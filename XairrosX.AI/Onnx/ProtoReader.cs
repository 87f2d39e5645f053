using System.Buffers.Binary;

namespace XairrosX.AI.Onnx;

/// <summary>Protobuf wire types (the low three bits of a field key).</summary>
public enum WireType
{
    /// <summary>Base-128 varint.</summary>
    Varint = 0,
    /// <summary>Little-endian 8 bytes.</summary>
    Fixed64 = 1,
    /// <summary>Varint length, then that many bytes.</summary>
    LengthDelimited = 2,
    /// <summary>Deprecated group start (rejected).</summary>
    StartGroup = 3,
    /// <summary>Deprecated group end (rejected).</summary>
    EndGroup = 4,
    /// <summary>Little-endian 4 bytes.</summary>
    Fixed32 = 5,
}

/// <summary>
/// Forward-only reader of the protobuf wire format over a span. Every read is bounds-checked and
/// reports problems as <see cref="OnnxFormatException"/> with the byte offset, so corrupt input can
/// never surface as an index or overflow error.
/// </summary>
public ref struct ProtoReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _baseOffset;
    private int _position;

    /// <summary>Reads <paramref name="data"/>; <paramref name="baseOffset"/> is only used in error messages.</summary>
    public ProtoReader(ReadOnlySpan<byte> data, int baseOffset = 0)
    {
        _data = data;
        _baseOffset = baseOffset;
        _position = 0;
    }

    /// <summary>True while unread bytes remain.</summary>
    public readonly bool HasMore => _position < _data.Length;

    /// <summary>Absolute offset of the next byte (for messages).</summary>
    public readonly int Offset => _baseOffset + _position;

    /// <summary>Reads the next field key.</summary>
    public bool TryReadKey(out int field, out WireType wireType)
    {
        field = 0;
        wireType = WireType.Varint;
        if (!HasMore) return false;
        ulong key = ReadVarint();
        field = (int)(key >> 3);
        wireType = (WireType)(key & 7);
        if (field <= 0 || key >> 3 > int.MaxValue) throw Error($"invalid field number {key >> 3}");
        if (wireType is WireType.StartGroup or WireType.EndGroup || (int)wireType > 5)
            throw Error($"unsupported wire type {(int)wireType} for field {field}");
        return true;
    }

    /// <summary>Reads a base-128 varint (at most 10 bytes).</summary>
    public ulong ReadVarint()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            if (_position >= _data.Length) throw Error("truncated varint");
            byte b = _data[_position++];
            if (shift == 63 && b > 1) throw Error("varint overflows 64 bits");
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
        throw Error("varint longer than 10 bytes");
    }

    /// <summary>Reads a varint as a signed 64-bit value (two's complement, not zigzag).</summary>
    public long ReadInt64() => (long)ReadVarint();

    /// <summary>Reads a varint that must fit a non-negative int (lengths, enums, counts).</summary>
    public int ReadInt32Checked(string what)
    {
        long v = ReadInt64();
        if (v < int.MinValue || v > int.MaxValue) throw Error($"{what} {v} does not fit 32 bits");
        return (int)v;
    }

    /// <summary>Reads 4 little-endian bytes.</summary>
    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, "fixed32"));

    /// <summary>Reads 8 little-endian bytes.</summary>
    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, "fixed64"));

    /// <summary>Reads a float (fixed32).</summary>
    public float ReadFloat() => BitConverter.Int32BitsToSingle((int)ReadFixed32());

    /// <summary>Reads a length-delimited payload and returns it without copying.</summary>
    public ReadOnlySpan<byte> ReadBytes(out int payloadOffset)
    {
        ulong length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
            throw Error($"length {length} runs past the end of the message ({_data.Length - _position} bytes left)");
        payloadOffset = Offset;
        return Take((int)length, "bytes");
    }

    /// <summary>Reads a length-delimited payload.</summary>
    public ReadOnlySpan<byte> ReadBytes() => ReadBytes(out _);

    /// <summary>Reads a UTF-8 string.</summary>
    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBytes());

    /// <summary>Skips a field of the given wire type.</summary>
    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint: ReadVarint(); break;
            case WireType.Fixed64: Take(8, "fixed64"); break;
            case WireType.Fixed32: Take(4, "fixed32"); break;
            case WireType.LengthDelimited: ReadBytes(); break;
            default: throw Error($"cannot skip wire type {(int)wireType}");
        }
    }

    /// <summary>An exception pointing at the current offset.</summary>
    public readonly OnnxFormatException Error(string reason) => new($"protobuf: {reason} at byte {Offset}");

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (count > _data.Length - _position) throw Error($"truncated {what}");
        ReadOnlySpan<byte> s = _data.Slice(_position, count);
        _position += count;
        return s;
    }
}
