using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static XairrosX.Plugs.Math.Ieee754;

namespace XairrosX.Plugs.Math;

// Exports for C floor, ceil, trunc, round, modf, fmod. All results are exact; SSE4.1 ROUNDSD is used
// when present and the bit-mask fallback gives identical results (signed zeros and NaN included).
public static partial class Libm
{
    /// <summary>Largest integer not greater than <paramref name="x"/> (C <c>floor</c>).</summary>
    /// <param name="x">Any double; NaN, infinities and signed zeros are returned unchanged.</param>
    /// <returns>The rounded value.</returns>
    public static double Floor(double x)
    {
        if (Sse41.IsSupported) return Sse41.RoundToNegativeInfinityScalar(Vector128.CreateScalarUnsafe(x)).ToScalar();
        return FloorFallback(x);
    }

    /// <summary>Smallest integer not less than <paramref name="x"/> (C <c>ceil</c>); ceil(-0.5) is -0.</summary>
    /// <param name="x">Any double.</param>
    /// <returns>The rounded value.</returns>
    public static double Ceil(double x)
    {
        if (Sse41.IsSupported) return Sse41.RoundToPositiveInfinityScalar(Vector128.CreateScalarUnsafe(x)).ToScalar();
        return CeilFallback(x);
    }

    /// <summary>Rounds toward zero (C <c>trunc</c>).</summary>
    /// <param name="x">Any double.</param>
    /// <returns>The integer part of <paramref name="x"/>, keeping its sign.</returns>
    public static double Trunc(double x)
    {
        if (Sse41.IsSupported) return Sse41.RoundToZeroScalar(Vector128.CreateScalarUnsafe(x)).ToScalar();
        return TruncFallback(x);
    }

    /// <summary>Rounds to nearest, halfway cases away from zero (C <c>round</c>, not banker's rounding).</summary>
    /// <param name="x">Any double.</param>
    /// <returns>The rounded value; round(-0.4) is -0.</returns>
    public static double Round(double x)
    {
        double t = Trunc(x);
        // x - t is exact: both share x's exponent range and t only drops fraction bits.
        if (Abs(x - t) >= 0.5) t += CopySign(1.0, x);
        return t;
    }

    /// <summary>Splits <paramref name="x"/> into integer and fractional parts (C <c>modf</c>).</summary>
    /// <param name="x">Any double.</param>
    /// <param name="intPart">Receives trunc(x) (x itself for infinities and NaN).</param>
    /// <returns>x - trunc(x) with the sign of x; ±0 for infinities, NaN for NaN.</returns>
    public static double Modf(double x, out double intPart)
    {
        if (double.IsNaN(x))
        {
            intPart = x;
            return x;
        }
        intPart = Trunc(x);
        if (double.IsInfinity(x)) return CopySign(0.0, x);
        return CopySign(x - intPart, x);
    }

    /// <summary>Floating remainder x - n*y with n = trunc(x/y), computed exactly (C <c>fmod</c>).</summary>
    /// <param name="x">Dividend.</param>
    /// <param name="y">Divisor.</param>
    /// <returns>The exact remainder with the sign of x; NaN when y is 0, x is infinite or either is NaN.</returns>
    public static double Fmod(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y) || double.IsInfinity(x) || y == 0.0) return (x * y) / (x * y);
        ulong bx = Bits(x) & ~SignMask, by = Bits(y) & ~SignMask;
        if (bx < by || bx == 0) return x; // |x| < |y| (also covers y = inf) or x = ±0
        if (bx == by) return CopySign(0.0, x);

        // x = mx * 2^qx, y = my * 2^qy with integer significands (subnormals keep their raw fraction).
        int ex = (int)(bx >> 52), ey = (int)(by >> 52);
        ulong mx = ex == 0 ? bx : (bx & FractionMask) | (1UL << 52);
        ulong my = ey == 0 ? by : (by & FractionMask) | (1UL << 52);
        int qx = ex == 0 ? -1074 : ex - 1075;
        int qy = ey == 0 ? -1074 : ey - 1075;

        // Long division one 11-bit digit at a time: r < my < 2^53, so r << 11 fits in 64 bits.
        ulong r = mx % my;
        for (int d = qx - qy; d > 0;)
        {
            int step = d < 11 ? d : 11;
            r = (r << step) % my;
            d -= step;
        }
        // r * 2^qy is a multiple of y's quantum, hence representable: (double)r and the scaling are exact.
        return CopySign(ScaleB((long)r, qy), x); // via long: signed conversion, r < 2^53
    }

    /// <summary>floor without SSE4.1.</summary>
    internal static double FloorFallback(double x)
    {
        double t = TruncFallback(x);
        return x < 0 && t != x ? t - 1.0 : t;
    }

    /// <summary>ceil without SSE4.1 (ceil(-0.5) = -0 because trunc keeps the sign).</summary>
    internal static double CeilFallback(double x)
    {
        double t = TruncFallback(x);
        return x > 0 && t != x ? t + 1.0 : t;
    }

    /// <summary>trunc without SSE4.1: clear the fraction bits below the binary point.</summary>
    internal static double TruncFallback(double x)
    {
        ulong b = Bits(x);
        int e = (int)((b >> 52) & 0x7FF) - 1023;
        if (e >= 52) return x; // already integral, or infinite, or NaN
        if (e < 0) return FromBits(b & SignMask);
        return FromBits(b & ~(FractionMask >> e));
    }
}
