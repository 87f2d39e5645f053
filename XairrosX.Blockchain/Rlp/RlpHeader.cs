using System;

namespace XairrosX.Blockchain.Rlp;

/// <summary>A decoded RLP prefix: kind of item and where its payload lies in the input.</summary>
public readonly struct RlpHeader
{
    /// <summary>Items whose payload is shorter than this use the one-byte short form.</summary>
    public const int ShortLimit = 56;

    /// <summary>Creates a header value.</summary>
    public RlpHeader(bool isList, int payloadOffset, int payloadLength)
    {
        IsList = isList;
        PayloadOffset = payloadOffset;
        PayloadLength = payloadLength;
    }

    /// <summary>True for a list, false for a byte string.</summary>
    public bool IsList { get; }

    /// <summary>Absolute offset of the first payload byte.</summary>
    public int PayloadOffset { get; }

    /// <summary>Number of payload bytes.</summary>
    public int PayloadLength { get; }

    /// <summary>
    /// Decodes and validates the header of the item at <paramref name="offset"/>.
    /// Rejects, with a reason: truncated input, lengths with leading zeros, long forms used for
    /// short payloads, single bytes below 0x80 wrapped in a string, and payloads past the input.
    /// </summary>
    public static RlpHeader Decode(ReadOnlySpan<byte> data, int offset)
    {
        if ((uint)offset >= (uint)data.Length) throw new RlpException("unexpected end of input");
        byte prefix = data[offset];
        int remaining = data.Length - offset - 1;
        if (prefix < 0x80) return new RlpHeader(false, offset, 1);
        if (prefix <= 0xB7)
        {
            int length = prefix - 0x80;
            if (length > remaining) throw new RlpException("string longer than input");
            if (length == 1 && data[offset + 1] < 0x80) throw new RlpException("single byte below 0x80 must not be string-wrapped");
            return new RlpHeader(false, offset + 1, length);
        }
        if (prefix <= 0xBF) return DecodeLong(data, offset, prefix - 0xB7, false);
        if (prefix <= 0xF7)
        {
            int length = prefix - 0xC0;
            if (length > remaining) throw new RlpException("list longer than input");
            return new RlpHeader(true, offset + 1, length);
        }
        return DecodeLong(data, offset, prefix - 0xF7, true);
    }

    private static RlpHeader DecodeLong(ReadOnlySpan<byte> data, int offset, int lengthOfLength, bool isList)
    {
        int remaining = data.Length - offset - 1;
        if (lengthOfLength > remaining) throw new RlpException("length prefix longer than input");
        if (data[offset + 1] == 0) throw new RlpException("leading zero in length");
        // Inputs are spans, so any length beyond int range cannot fit them anyway.
        if (lengthOfLength > 4) throw new RlpException("length does not fit the input");
        ulong length = 0;
        for (int i = 0; i < lengthOfLength; i++) length = (length << 8) | data[offset + 1 + i];
        if (length < ShortLimit) throw new RlpException("long form used for a short payload");
        if (length > (ulong)(remaining - lengthOfLength)) throw new RlpException(isList ? "list longer than input" : "string longer than input");
        return new RlpHeader(isList, offset + 1 + lengthOfLength, (int)length);
    }
}
