using System;

namespace XairrosX.Blockchain.Rlp;

/// <summary>Whole-input validation and size arithmetic for RLP.</summary>
public static class Rlp
{
    /// <summary>Deepest list nesting accepted by <see cref="Validate"/>; deeper input is rejected, not recursed.</summary>
    public const int MaxDepth = 256;

    /// <summary>RLP of the empty string (0x80), used e.g. for empty trie roots.</summary>
    public static ReadOnlySpan<byte> EmptyString => [0x80];

    /// <summary>RLP of the empty list (0xc0).</summary>
    public static ReadOnlySpan<byte> EmptyList => [0xC0];

    /// <summary>
    /// Checks that <paramref name="data"/> is exactly one canonical RLP item, recursing into lists.
    /// Throws <see cref="RlpException"/> with the reason otherwise.
    /// </summary>
    public static void Validate(ReadOnlySpan<byte> data)
    {
        RlpReader reader = new(data);
        ValidateItem(ref reader, 0);
        reader.ExpectEnd();
    }

    /// <summary>True if <paramref name="data"/> is exactly one canonical RLP item.</summary>
    public static bool IsValid(ReadOnlySpan<byte> data)
    {
        try
        {
            Validate(data);
            return true;
        }
        catch (RlpException)
        {
            return false;
        }
    }

    private static void ValidateItem(ref RlpReader reader, int depth)
    {
        if (!reader.NextIsList)
        {
            reader.ReadBytes();
            return;
        }
        if (depth >= MaxDepth) throw new RlpException("lists nested too deeply");
        RlpReader inner = reader.ReadList();
        while (inner.HasMore) ValidateItem(ref inner, depth + 1);
    }

    /// <summary>Bytes needed to write <paramref name="value"/> big-endian without leading zeros.</summary>
    public static int ByteLength(ulong value)
    {
        int n = 0;
        while (value != 0)
        {
            n++;
            value >>= 8;
        }
        return n;
    }

    /// <summary>Writes <paramref name="value"/> right-aligned into an 8-byte span; returns the significant byte count.</summary>
    public static int WriteMinimalBigEndian(ulong value, Span<byte> eightBytes)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(eightBytes, value);
        return ByteLength(value);
    }

    /// <summary>Encoded size of a byte string item.</summary>
    public static int LengthOfBytes(ReadOnlySpan<byte> value) =>
        value.Length == 1 && value[0] < 0x80 ? 1 : HeaderLength(value.Length) + value.Length;

    /// <summary>Encoded size of an unsigned integer item.</summary>
    public static int LengthOfUInt64(ulong value) => value < 0x80 && value != 0 ? 1 : 1 + ByteLength(value);

    /// <summary>Encoded size of a list whose elements take <paramref name="payloadLength"/> bytes.</summary>
    public static int LengthOfList(int payloadLength) => HeaderLength(payloadLength) + payloadLength;

    private static int HeaderLength(int payloadLength) =>
        payloadLength < RlpHeader.ShortLimit ? 1 : 1 + ByteLength((ulong)payloadLength);
}
