using System;
using static XairrosX.Plugs.Math.DoubleDouble;
using static XairrosX.Plugs.Math.Ieee754;

namespace XairrosX.Plugs.Math;

/// <summary>
/// Argument reduction for sin/cos/tan: finite x &gt;= 0 becomes n*(pi/2) + r with |r| &lt;= ~pi/4, r as a
/// double-double. Below 2^28 Cody–Waite with pi/2 split into three doubles (n*p1 and n*p2 via exact
/// TwoProd); above, Payne–Hanek: only the 192 bits of 2/pi that matter for this exponent are multiplied
/// by the 53-bit significand in integer arithmetic, which keeps ~120 correct bits of the fraction even
/// for 1e308 (the closest double to a multiple of pi/2 is ~2^-61 away, so nothing is lost).
/// </summary>
internal static class TrigReduction
{
    internal const double PiOver4 = 0.7853981633974483;
    private const double TwoOverPi = 0.6366197723675814;
    private const double PiOver2Part1 = 1.5707963267948966;
    private const double PiOver2Part2 = 6.123233995736766e-17;
    private const double PiOver2Part3 = -1.4973849048591698e-33;
    private const double CodyWaiteLimit = 268435456.0; // 2^28

    /// <summary>Returns n mod 4 and r = x - n*pi/2 = rHi + rLo for finite x &gt;= 0.</summary>
    internal static int Reduce(double x, out double rHi, out double rLo)
    {
        if (x <= PiOver4)
        {
            rHi = x;
            rLo = 0.0;
            return 0;
        }
        return x < CodyWaiteLimit ? CodyWaite(x, out rHi, out rLo) : PayneHanek(x, out rHi, out rLo);
    }

    internal static int CodyWaite(double x, out double rHi, out double rLo)
    {
        double n = x * TwoOverPi + RoundShifter - RoundShifter;
        double p1 = TwoProd(n, PiOver2Part1, out double p1Err);
        double t = x - p1; // exact: p1 is within a factor 2 of x for n >= 1
        double p2 = TwoProd(n, PiOver2Part2, out double p2Err);
        double s = TwoSum(t, -p1Err, out double e1);
        s = TwoSum(s, -p2, out double e2);
        double lo = e1 + e2 - p2Err - n * PiOver2Part3;
        rHi = TwoSum(s, lo, out rLo);
        return (int)((long)n & 3);
    }

    internal static int PayneHanek(double x, out double rHi, out double rLo)
    {
        // x = m * 2^e with an integer m < 2^53. Bits of 2/pi at positions i <= e - 2 (weight 2^-i)
        // make m * 2^e * 2^-i a multiple of 4, i.e. whole turns: start the window at i0 = e - 1.
        ulong b = Bits(x);
        ulong m = (b & FractionMask) | (1UL << 52);
        int e = (int)(b >> 52) - 1075;
        int i0 = e - 1;
        ulong w0 = TwoOverPiBits(i0), w1 = TwoOverPiBits(i0 + 64), w2 = TwoOverPiBits(i0 + 128);

        // P = m * (w0:w1:w2), 256-bit; x*2/pi mod 4 = P * 2^-190.
        ulong l0 = m * w0;
        ulong h1 = System.Math.BigMul(m, w1, out ulong l1);
        ulong h2 = System.Math.BigMul(m, w2, out ulong l2);
        ulong p1 = h2 + l1;
        ulong c1 = p1 < h2 ? 1UL : 0UL;
        // Carries out of this word and all of h0 weigh 2^192 * 2^-190 = 4 quadrants: whole turns, dropped.
        ulong p2 = h1 + l0 + c1;
        int quadrant = (int)(p2 >> 62);
        UInt128 fraction = new UInt128((p2 << 2) | (p1 >> 62), (p1 << 2) | (l2 >> 62));

        double sign = 1.0;
        if ((fraction >> 127) != UInt128.Zero)
        {
            // Fraction >= 1/2: round n up and take the negative remainder.
            quadrant++;
            fraction = UInt128.Zero - fraction;
            sign = -1.0;
        }
        if (fraction == UInt128.Zero)
        {
            rHi = rLo = 0.0;
            return quadrant & 3;
        }
        int lz = (int)UInt128.LeadingZeroCount(fraction);
        fraction <<= lz;
        double fHi = (long)(ulong)(fraction >> 75) * Pow2(-53 - lz); // 53-bit integers convert exactly via long
        double fLo = (long)((ulong)(fraction >> 22) & ((1UL << 53) - 1)) * Pow2(-106 - lz);
        // r = f * pi/2 (f in quadrants).
        double r = TwoProd(fHi, PiOver2Part1, out double rErr);
        double low = rErr + (fHi * PiOver2Part2 + fLo * PiOver2Part1);
        rHi = sign * FastTwoSum(r, low, out rLo);
        rLo *= sign;
        return quadrant & 3;
    }

    /// <summary>64 bits of 2/pi starting at fraction bit <paramref name="start"/> (bit 1 = 2^-1), zeros before.</summary>
    private static ulong TwoOverPiBits(int start)
    {
        ReadOnlySpan<ulong> words = LibmTables.TwoOverPi;
        int zeroBits = 1 - start; // positions <= 0 are the (zero) integer part
        if (zeroBits >= 64) return 0;
        if (zeroBits > 0) return words[0] >> zeroBits;
        int bit = start - 1;
        int word = bit >> 6, shift = bit & 63;
        ulong value = words[word] << shift;
        if (shift != 0) value |= words[word + 1] >> (64 - shift);
        return value;
    }
}
