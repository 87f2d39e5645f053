using System;

namespace XairrosX.Blockchain.Bitcoin.Scripting;

/// <summary>
/// Script numbers: little-endian sign-magnitude, at most 4 bytes as operands (5 for lock times);
/// results may be larger. Decoding failures are signalled by <see cref="ScriptNumException"/>,
/// which the interpreter turns into UNKNOWN_ERROR like Core does.
/// </summary>
public static class ScriptNum
{
    /// <summary>Decodes <paramref name="data"/>; enforces minimal encoding if asked.</summary>
    public static long Decode(ReadOnlySpan<byte> data, bool requireMinimal, int maxSize = 4)
    {
        if (data.Length > maxSize) throw new ScriptNumException("script number overflow");
        if (requireMinimal && data.Length > 0 && (data[^1] & 0x7f) == 0 && (data.Length <= 1 || (data[^2] & 0x80) == 0))
            throw new ScriptNumException("non-minimally encoded script number");
        if (data.IsEmpty) return 0;
        long result = 0;
        for (int i = 0; i < data.Length; i++) result |= (long)data[i] << (8 * i);
        if ((data[^1] & 0x80) != 0) return -(result & ~(0x80L << (8 * (data.Length - 1))));
        return result;
    }

    /// <summary>Minimal encoding of <paramref name="value"/>.</summary>
    public static byte[] Encode(long value)
    {
        if (value == 0) return [];
        bool negative = value < 0;
        ulong abs = negative ? (ulong)(-value) : (ulong)value;
        Span<byte> tmp = stackalloc byte[9];
        int n = 0;
        while (abs != 0)
        {
            tmp[n++] = (byte)abs;
            abs >>= 8;
        }
        if ((tmp[n - 1] & 0x80) != 0) tmp[n++] = (byte)(negative ? 0x80 : 0);
        else if (negative) tmp[n - 1] |= 0x80;
        return tmp.Slice(0, n).ToArray();
    }

    /// <summary>Script truthiness: any non-zero byte, except negative zero.</summary>
    public static bool CastToBool(ReadOnlySpan<byte> data)
    {
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] == 0) continue;
            return !(i == data.Length - 1 && data[i] == 0x80);
        }
        return false;
    }
}

/// <summary>An operand is not a valid script number.</summary>
public sealed class ScriptNumException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScriptNumException(string message) : base(message)
    {
    }
}
