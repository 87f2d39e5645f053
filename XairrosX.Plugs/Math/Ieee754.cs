using System;

namespace XairrosX.Plugs.Math;

/// <summary>
/// Bit-level access to IEEE 754 binary64 values. Everything here is integer work or a multiplication
/// by an exact power of two, so none of it can reach the C library the kernel does not have.
/// </summary>
internal static class Ieee754
{
    internal const ulong SignMask = 0x8000_0000_0000_0000;
    internal const ulong ExponentMask = 0x7FF0_0000_0000_0000;
    internal const ulong FractionMask = 0x000F_FFFF_FFFF_FFFF;
    internal const ulong OneBits = 0x3FF0_0000_0000_0000;

    /// <summary>1.5 * 2^52: adding and subtracting it rounds |v| &lt; 2^51 to the nearest integer.</summary>
    internal const double RoundShifter = 6755399441055744.0;

    internal static ulong Bits(double x) => (ulong)BitConverter.DoubleToInt64Bits(x);

    internal static double FromBits(ulong bits) => BitConverter.Int64BitsToDouble((long)bits);

    internal static double Abs(double x) => FromBits(Bits(x) & ~SignMask);

    internal static double CopySign(double magnitude, double sign) =>
        FromBits((Bits(magnitude) & ~SignMask) | (Bits(sign) & SignMask));

    internal static bool IsNegative(double x) => (long)Bits(x) < 0;

    /// <summary>True for NaN and both infinities.</summary>
    internal static bool IsNotFinite(double x) => (Bits(x) & ExponentMask) == ExponentMask;

    /// <summary>2^k for -1022 &lt;= k &lt;= 1023, built from bits (exact).</summary>
    internal static double Pow2(int k) => FromBits((ulong)(k + 1023) << 52);

    /// <summary>
    /// x * 2^k with a single rounding at the end (only when the result is subnormal or overflows):
    /// intermediate factors keep the partial product normal, the same argument C's scalbn relies on.
    /// </summary>
    internal static double ScaleB(double x, int k)
    {
        if (k > 1023)
        {
            x *= Pow2(1023);
            k -= 1023;
            if (k > 1023)
            {
                x *= Pow2(1023);
                k -= 1023;
                if (k > 1023) k = 1023;
            }
        }
        else if (k < -1022)
        {
            // 2^-969 = 2^-1022 * 2^53: stays clear of the subnormal range so only the last step rounds.
            x *= Pow2(-969);
            k += 969;
            if (k < -1022)
            {
                x *= Pow2(-969);
                k += 969;
                if (k < -1022) k = -1022;
            }
        }
        return x * Pow2(k);
    }

    /// <summary>Unbiased binary exponent of a finite non-zero x (subnormals included): floor(log2|x|).</summary>
    internal static int Ilogb(double x)
    {
        ulong b = Bits(x) & ~SignMask;
        int e = (int)(b >> 52);
        if (e != 0) return e - 1023;
        return -1011 - System.Numerics.BitOperations.LeadingZeroCount(b);
    }
}
