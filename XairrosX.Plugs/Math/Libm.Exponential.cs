using static XairrosX.Plugs.Math.DoubleDouble;
using static XairrosX.Plugs.Math.Ieee754;

namespace XairrosX.Plugs.Math;

// Exports for C exp, exp2, expm1, log, log2, log10, log1p. Each rides on ExpKernel or LogKernel,
// which keep ~2^-60 relative accuracy, so the result is off only by its final rounding (< 0.52 ulp).
public static partial class Libm
{
    private const double TwoToMinus54 = 5.551115123125783e-17;
    private const double TwoToMinus26 = 1.4901161193847656e-08;
    private const double InvLn2Lo = 2.0355273740931033e-17;
    private const double InvLn10Hi = 0.4342944819032518;
    private const double InvLn10Lo = 1.098319650216765e-17;

    /// <summary>e raised to <paramref name="x"/> (C <c>exp</c>).</summary>
    /// <param name="x">Exponent; NaN propagates, -inf gives +0, +inf gives +inf.</param>
    /// <returns>e^x, overflowing to +inf above ~709.78 and underflowing through subnormals to 0.</returns>
    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return x;
        if (Abs(x) < TwoToMinus54) return 1.0 + x;
        return ExpKernel.Exp(x, 0.0);
    }

    /// <summary>2 raised to <paramref name="x"/> (C <c>exp2</c>); exact for integral x in range.</summary>
    /// <param name="x">Exponent.</param>
    /// <returns>2^x.</returns>
    public static double Exp2(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x >= 1024.0) return double.PositiveInfinity;
        if (x < -1080.0) return 0.0;
        return ExpKernel.Exp2(x);
    }

    /// <summary>e^x - 1 without cancellation near 0 (C <c>expm1</c>).</summary>
    /// <param name="x">Exponent.</param>
    /// <returns>e^x - 1; -1 for very negative x, +inf on overflow.</returns>
    public static double Expm1(double x)
    {
        if (double.IsNaN(x)) return x;
        double ax = Abs(x);
        if (ax < TwoToMinus54) return x;
        if (x > 40.0) return ExpKernel.Exp(x, 0.0);
        if (x < -40.0) return -1.0;
        if (ax <= 0.34) return ExpKernel.Expm1Reduced(x, 0.0, out _);
        int k = ExpKernel.Reduce(x, 0.0, out double rHi, out double rLo);
        double p = ExpKernel.Expm1Reduced(rHi, rLo, out double pLo);
        // 2^k (1 + p) - 1 with 2^k - 1 as a double-double (2^k in [2^-58, 2^58]).
        double s = Pow2(k);
        double a = TwoSum(s, -1.0, out double ae);
        double c = TwoSum(a, s * p, out double ce);
        return c + (ce + ae + s * pLo);
    }

    /// <summary>Natural logarithm (C <c>log</c>).</summary>
    /// <param name="x">Argument.</param>
    /// <returns>ln x; -inf for ±0, NaN for x &lt; 0, +inf for +inf.</returns>
    public static double Log(double x)
    {
        if (!IsPositiveFiniteNonZero(x)) return LogSpecial(x);
        return LogKernel.Log(x, out _);
    }

    /// <summary>Base-2 logarithm (C <c>log2</c>); exact for powers of two.</summary>
    /// <param name="x">Argument.</param>
    /// <returns>log2 x with the same special cases as <see cref="Log"/>.</returns>
    public static double Log2(double x)
    {
        if (!IsPositiveFiniteNonZero(x)) return LogSpecial(x);
        double hi = LogKernel.Log(x, out double lo);
        return Multiply(hi, lo, ExpKernel.InvLn2, InvLn2Lo, out _);
    }

    /// <summary>Base-10 logarithm (C <c>log10</c>).</summary>
    /// <param name="x">Argument.</param>
    /// <returns>log10 x with the same special cases as <see cref="Log"/>.</returns>
    public static double Log10(double x)
    {
        if (!IsPositiveFiniteNonZero(x)) return LogSpecial(x);
        double hi = LogKernel.Log(x, out double lo);
        return Multiply(hi, lo, InvLn10Hi, InvLn10Lo, out _);
    }

    /// <summary>ln(1 + x) without cancellation near 0 (C <c>log1p</c>).</summary>
    /// <param name="x">Argument.</param>
    /// <returns>log1p x; -inf at -1, NaN below -1.</returns>
    public static double Log1p(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x <= -1.0) return x == -1.0 ? double.NegativeInfinity : double.NaN;
        if (double.IsPositiveInfinity(x)) return x;
        if (Abs(x) < TwoToMinus26)
        {
            if (Abs(x) < TwoToMinus54) return x;
            return x + x * x * MulAdd(x, 1.0 / 3, -0.5);
        }
        // 1 + x = u + e exactly; log(u + e) = log(u) + e/u with the next term below 2^-106.
        double u = TwoSum(1.0, x, out double e);
        double hi = LogKernel.Log(u, out double lo);
        return hi + (lo + e / u);
    }

    private static bool IsPositiveFiniteNonZero(double x) => Bits(x) - 1 < 0x7FEF_FFFF_FFFF_FFFFUL;

    private static double LogSpecial(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x == 0.0) return double.NegativeInfinity;
        if (x < 0.0) return double.NaN;
        return x; // +inf
    }
}
