using System;

namespace XairrosX.Blockchain.Rlp;

/// <summary>
/// Forward-only, allocation-free reader of RLP items over a span. Every header is checked for
/// canonical form as it is read: a value is accepted only if it is the one encoding a writer
/// would produce, so that hashes of re-encoded data always equal hashes of what was received.
/// </summary>
public ref struct RlpReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>Reads items from <paramref name="data"/>, starting at its first byte.</summary>
    public RlpReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Offset of the next unread byte.</summary>
    public readonly int Position => _position;

    /// <summary>True while unread bytes remain (inside a list reader: more list elements).</summary>
    public readonly bool HasMore => _position < _data.Length;

    /// <summary>True if the next item is a list (throws at end of input).</summary>
    public readonly bool NextIsList
    {
        get
        {
            if (_position >= _data.Length) throw new RlpException("unexpected end of input");
            return _data[_position] >= 0xC0;
        }
    }

    /// <summary>Reads a byte-string item and returns its payload.</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        RlpHeader h = RlpHeader.Decode(_data, _position);
        if (h.IsList) throw new RlpException("expected a string, found a list");
        _position = h.PayloadOffset + h.PayloadLength;
        return _data.Slice(h.PayloadOffset, h.PayloadLength);
    }

    /// <summary>Reads a byte string that must be exactly <paramref name="length"/> bytes long.</summary>
    public ReadOnlySpan<byte> ReadBytes(int length)
    {
        ReadOnlySpan<byte> bytes = ReadBytes();
        if (bytes.Length != length) throw new RlpException($"expected {length} bytes, found {bytes.Length}");
        return bytes;
    }

    /// <summary>Reads a list item and returns a reader over its elements.</summary>
    public RlpReader ReadList()
    {
        RlpHeader h = RlpHeader.Decode(_data, _position);
        if (!h.IsList) throw new RlpException("expected a list, found a string");
        _position = h.PayloadOffset + h.PayloadLength;
        return new RlpReader(_data.Slice(h.PayloadOffset, h.PayloadLength));
    }

    /// <summary>Returns the complete encoding (header and payload) of the next item and skips it.</summary>
    public ReadOnlySpan<byte> ReadEncodedItem()
    {
        int start = _position;
        RlpHeader h = RlpHeader.Decode(_data, _position);
        _position = h.PayloadOffset + h.PayloadLength;
        return _data.Slice(start, _position - start);
    }

    /// <summary>Skips the next item without looking inside it.</summary>
    public void SkipItem() => ReadEncodedItem();

    /// <summary>
    /// Reads an unsigned big-endian integer of at most <paramref name="maxBytes"/> bytes.
    /// Canonical integers have no leading zero byte; zero is the empty string.
    /// </summary>
    public ReadOnlySpan<byte> ReadIntegerBytes(int maxBytes)
    {
        ReadOnlySpan<byte> bytes = ReadBytes();
        if (bytes.Length > maxBytes) throw new RlpException($"integer longer than {maxBytes} bytes");
        if (bytes.Length > 0 && bytes[0] == 0) throw new RlpException("leading zero in integer");
        return bytes;
    }

    /// <summary>Reads a canonical unsigned integer that fits 64 bits.</summary>
    public ulong ReadUInt64()
    {
        ReadOnlySpan<byte> bytes = ReadIntegerBytes(8);
        ulong value = 0;
        foreach (byte b in bytes) value = (value << 8) | b;
        return value;
    }

    /// <summary>Reads a canonical unsigned integer that fits 32 bits.</summary>
    public uint ReadUInt32()
    {
        ulong value = ReadUInt64();
        if (value > uint.MaxValue) throw new RlpException("integer does not fit 32 bits");
        return (uint)value;
    }

    /// <summary>Throws unless every byte of this reader has been consumed.</summary>
    public readonly void ExpectEnd()
    {
        if (_position != _data.Length) throw new RlpException("trailing bytes after item");
    }

    /// <summary>Counts the items remaining in this reader (headers are validated, payloads are not entered).</summary>
    public readonly int CountRemaining()
    {
        int count = 0;
        int pos = _position;
        while (pos < _data.Length)
        {
            RlpHeader h = RlpHeader.Decode(_data, pos);
            pos = h.PayloadOffset + h.PayloadLength;
            count++;
        }
        return count;
    }
}
