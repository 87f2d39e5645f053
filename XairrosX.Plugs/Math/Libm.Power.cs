using static XairrosX.Plugs.Math.DoubleDouble;
using static XairrosX.Plugs.Math.Ieee754;

namespace XairrosX.Plugs.Math;

// Exports for C pow and cbrt. pow = exp(y * log|x|) with log|x| as a double-double (~2^-75 absolute),
// so y*log|x| keeps ~2^-62 absolute accuracy up to the overflow threshold and the result is off only
// by its final rounding. The C99 special cases (F.9.4.4) are resolved before any arithmetic.
public static partial class Libm
{
    private const double TwoTo64 = 18446744073709551616.0;

    /// <summary><paramref name="x"/> raised to <paramref name="y"/> (C <c>pow</c>, all C99 special cases).</summary>
    /// <param name="x">Base.</param>
    /// <param name="y">Exponent.</param>
    /// <returns>x^y; NaN for a negative finite base with a non-integral exponent.</returns>
    public static double Pow(double x, double y)
    {
        if (y == 0.0 || x == 1.0) return 1.0;
        if (double.IsNaN(x) || double.IsNaN(y)) return x + y;

        double ax = Abs(x);
        bool negate = false;
        if (IsNegative(x))
        {
            int parity = IntegerParity(y);
            if (parity < 0 && !double.IsInfinity(x) && x != 0.0 && !double.IsInfinity(y)) return double.NaN;
            negate = parity == 1;
        }

        if (double.IsInfinity(y))
        {
            if (ax == 1.0) return 1.0;
            return (ax > 1.0) == (y > 0.0) ? double.PositiveInfinity : 0.0;
        }
        if (ax == 0.0 || double.IsInfinity(ax))
        {
            // 0^y and inf^y: the magnitude is 0 or inf, the sign comes from odd integral y.
            bool huge = (ax == 0.0) == (y < 0.0);
            double magnitude = huge ? double.PositiveInfinity : 0.0;
            return negate ? -magnitude : magnitude;
        }

        double result;
        if (ax == 1.0) result = 1.0; // x = -1 with integral y
        else if (Abs(y) >= TwoTo64)
        {
            // |log x| >= 2^-53 for x != 1, so |y log x| >= 2^11: certain overflow or underflow.
            result = (ax > 1.0) == (y > 0.0) ? double.PositiveInfinity : 0.0;
        }
        else
        {
            double logHi = LogKernel.Log(ax, out double logLo);
            double zHi = TwoProd(y, logHi, out double zErr);
            double zLo = zErr + y * logLo;
            result = ExpKernel.Exp(zHi, zLo);
        }
        return negate ? -result : result;
    }

    /// <summary>Cube root (C <c>cbrt</c>), defined for negative arguments too.</summary>
    /// <param name="x">Argument.</param>
    /// <returns>The real cube root; ±0, ±inf and NaN are returned unchanged.</returns>
    public static double Cbrt(double x)
    {
        if (x == 0.0 || IsNotFinite(x)) return x;
        ulong b = Bits(x) & ~SignMask;
        int bias = 0;
        if (b < 0x0010_0000_0000_0000)
        {
            b = Bits(FromBits(b) * 18014398509481984.0); // 2^54, cube root 2^18
            bias = -18;
        }
        // |x| = v * 2^(3q) with v in [1, 8).
        int e = (int)(b >> 52) - 1023;
        int q = e >= 0 ? e / 3 : -((2 - e) / 3);
        int rem = e - 3 * q;
        double v = FromBits((b & FractionMask) | ((ulong)(1023 + rem) << 52));

        // Linear guess on the bit pattern (dividing the exponent by 3), then two Halley steps
        // (cubic convergence: 5% -> 1e-4 -> 1e-12).
        double y = FromBits((Bits(v) - OneBits) / 3 + OneBits);
        for (int i = 0; i < 2; i++)
        {
            double y3 = y * y * y;
            y *= (y3 + 2.0 * v) / (2.0 * y3 + v);
        }
        // Final Newton step with y^3 - v evaluated exactly enough in double-double.
        double sq = TwoProd(y, y, out double sqErr);
        double cube = TwoProd(sq, y, out double cubeErr);
        double residual = (cube - v) + (cubeErr + sqErr * y);
        y -= residual / (3.0 * sq);
        return CopySign(y * Pow2(q + bias), x);
    }

    /// <summary>1 for odd integers, 0 for even integers (and all |y| &gt;= 2^53), -1 for non-integers.</summary>
    private static int IntegerParity(double y)
    {
        if (double.IsInfinity(y)) return 0;
        if (Trunc(y) != y) return -1;
        if (Abs(y) >= 9007199254740992.0) return 0;
        return (int)((long)y & 1);
    }
}
