using System;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Consensus;

/// <summary>Bitcoin's "nBits" compact encoding of a 256-bit proof-of-work target.</summary>
public static class CompactTarget
{
    /// <summary>Decodes <paramref name="bits"/>; false if negative, zero or overflowing 256 bits.</summary>
    public static bool TryDecode(uint bits, out UInt256 target)
    {
        target = UInt256.Zero;
        int exponent = (int)(bits >> 24);
        uint mantissa = bits & 0x007fffff;
        if ((bits & 0x00800000) != 0 && mantissa != 0) return false;
        if (mantissa == 0) return false;
        Span<byte> be = stackalloc byte[32];
        be.Clear();
        if (exponent <= 3)
        {
            mantissa >>= 8 * (3 - exponent);
            be[29] = (byte)(mantissa >> 16);
            be[30] = (byte)(mantissa >> 8);
            be[31] = (byte)mantissa;
        }
        else
        {
            int lowIndex = 32 - exponent; // index of the mantissa's most significant byte
            for (int i = 0; i < 3; i++)
            {
                byte b = (byte)(mantissa >> (16 - 8 * i));
                int at = lowIndex + i;
                if (at < 0)
                {
                    if (b != 0) return false;
                    continue;
                }
                if (at < 32) be[at] = b;
            }
        }
        target = UInt256.FromBigEndian(be);
        return !target.IsZero;
    }

    /// <summary>Encodes a target, rounding down to 23 bits of mantissa as Core does.</summary>
    public static uint Encode(UInt256 target)
    {
        Span<byte> be = stackalloc byte[32];
        target.WriteBigEndian(be);
        int first = 0;
        while (first < 32 && be[first] == 0) first++;
        int size = 32 - first;
        uint mantissa = 0;
        for (int i = 0; i < 3; i++) mantissa = (mantissa << 8) | (first + i < 32 ? be[first + i] : (byte)0);
        if ((mantissa & 0x00800000) != 0)
        {
            mantissa >>= 8;
            size++;
        }
        return (uint)(size << 24) | mantissa;
    }

    /// <summary>A block hash (internal byte order) read as the little-endian number PoW compares.</summary>
    public static UInt256 HashAsNumber(Hash32 hash)
    {
        Span<byte> b = stackalloc byte[32];
        hash.CopyTo(b);
        b.Reverse();
        return UInt256.FromBigEndian(b);
    }
}
