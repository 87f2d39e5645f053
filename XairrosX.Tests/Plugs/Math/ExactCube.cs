using System;
using System.Numerics;

namespace XairrosX.Tests.Plugs.Math;

/// <summary>Exact comparisons of cubes of doubles with a double (BigInteger scaled to a common exponent).</summary>
internal static class ExactCube
{
    /// <summary>lo^3 &lt; x &lt; hi^3 exactly, for positive finite lo, x, hi.</summary>
    public static bool Between(double lo, double x, double hi) => Compare(lo, x) < 0 && Compare(hi, x) > 0;

    /// <summary>True when y is cbrt(x) correctly rounded: x lies strictly between the cubes of y's rounding midpoints.</summary>
    public static bool IsCorrectlyRounded(double y, double x)
    {
        (BigInteger my, int ey) = Decompose(y);
        // Midpoints in units of 2^(ey-2); below a power of two the lower neighbour is twice as close.
        BigInteger lower = my == (BigInteger.One << 52) ? 4 * my - 1 : 4 * my - 2;
        BigInteger upper = 4 * my + 2;
        return Compare(lower, ey - 2, x) < 0 && Compare(upper, ey - 2, x) > 0;
    }

    /// <summary>Sign of y^3 - x.</summary>
    private static int Compare(double y, double x)
    {
        (BigInteger my, int ey) = Decompose(y);
        return Compare(my, ey, x);
    }

    /// <summary>Sign of (my * 2^ey)^3 - x.</summary>
    private static int Compare(BigInteger my, int ey, double x)
    {
        (BigInteger mx, int ex) = Decompose(x);
        BigInteger cube = my * my * my;
        int e3 = 3 * ey;
        int common = System.Math.Min(e3, ex);
        return (cube << (e3 - common)).CompareTo(mx << (ex - common));
    }

    private static (BigInteger Mantissa, int Exponent) Decompose(double v)
    {
        long bits = BitConverter.DoubleToInt64Bits(v);
        int e = (int)((bits >> 52) & 0x7FF);
        long m = bits & 0xF_FFFF_FFFF_FFFF;
        return e == 0 ? (m, -1074) : (m | (1L << 52), e - 1075);
    }
}
