using static XairrosX.Plugs.Math.DoubleDouble;
using static XairrosX.Plugs.Math.Ieee754;

namespace XairrosX.Plugs.Math;

/// <summary>
/// exp(x) = 2^k * (1 + p) with x = k*ln2 + r, |r| &lt;= ln2/2, and p = expm1(r) returned as a
/// double-double. The polynomial is the Taylor series of expm1 (coefficients 1/n!, exact math),
/// carried to r^14 so truncation stays below 2^-60; r^2/2 is formed exactly with TwoProd so the only
/// sizeable rounding left is the final one. Shared by exp, exp2, expm1, pow and the hyperbolics.
/// </summary>
internal static class ExpKernel
{
    internal const double InvLn2 = 1.4426950408889634;
    /// <summary>ln 2 rounded to 42 bits: k * Ln2Hi42 is exact for |k| &lt; 2^11.</summary>
    internal const double Ln2Hi42 = 0.6931471805598903;
    internal const double Ln2Lo42 = 5.497923018708371e-14;
    /// <summary>ln 2 as a full double-double.</summary>
    internal const double Ln2Hi = 0.6931471805599453;
    internal const double Ln2Lo = 2.3190468138462996e-17;

    private const double E3 = 1.0 / 6;
    private const double E4 = 1.0 / 24;
    private const double E5 = 1.0 / 120;
    private const double E6 = 1.0 / 720;
    private const double E7 = 1.0 / 5040;
    private const double E8 = 1.0 / 40320;
    private const double E9 = 1.0 / 362880;
    private const double E10 = 1.0 / 3628800;
    private const double E11 = 1.0 / 39916800;
    private const double E12 = 1.0 / 479001600;
    private const double E13 = 1.0 / 6227020800;
    private const double E14 = 1.0 / 87178291200;

    /// <summary>
    /// Splits xHi + xLo (|xHi| &lt; 1100) into k*ln2 + r and returns k; r is (rHi, rLo) with
    /// |rHi| &lt;= ln2/2 + tiny. The subtraction xHi - k*Ln2Hi42 is exact by Sterbenz's lemma.
    /// </summary>
    internal static int Reduce(double xHi, double xLo, out double rHi, out double rLo)
    {
        double kd = xHi * InvLn2 + RoundShifter - RoundShifter;
        double t = xHi - kd * Ln2Hi42;
        // xLo joins before the split so rLo ends up below ulp(rHi): the kernel treats rLo to first order only.
        rHi = TwoSum(t, xLo - kd * Ln2Lo42, out rLo);
        return (int)kd;
    }

    /// <summary>expm1(rHi + rLo) for |rHi| &lt;= ~0.36 as pHi + pLo (relative error ~2^-60).</summary>
    internal static double Expm1Reduced(double rHi, double rLo, out double pLo)
    {
        double z = TwoProd(rHi, rHi, out double zLo);
        double half = 0.5 * z;
        double s = FastTwoSum(rHi, half, out double se);
        double q = MulAdd(rHi, E14, E13);
        q = MulAdd(rHi, q, E12);
        q = MulAdd(rHi, q, E11);
        q = MulAdd(rHi, q, E10);
        q = MulAdd(rHi, q, E9);
        q = MulAdd(rHi, q, E8);
        q = MulAdd(rHi, q, E7);
        q = MulAdd(rHi, q, E6);
        q = MulAdd(rHi, q, E5);
        q = MulAdd(rHi, q, E4);
        q = MulAdd(rHi, q, E3);
        // d/dr expm1 = exp(r) ~ 1 + r + r^2/2 carries rLo through.
        double tail = z * rHi * q + (se + 0.5 * zLo) + rLo * (1.0 + rHi + half);
        return FastTwoSum(s, tail, out pLo);
    }

    /// <summary>exp(xHi + xLo) for any finite or infinite xHi, one final rounding (or two if subnormal).</summary>
    internal static double Exp(double xHi, double xLo)
    {
        if (xHi > 710.0) return double.PositiveInfinity;
        if (xHi < -746.0) return 0.0;
        int k = Reduce(xHi, xLo, out double rHi, out double rLo);
        return ScaleOnePlus(k, rHi, rLo);
    }

    /// <summary>2^k * exp(r) = 2^k * (1 + expm1(r)); IEEE overflow/underflow come from the scaling.</summary>
    internal static double ScaleOnePlus(int k, double rHi, double rLo)
    {
        double p = Expm1Reduced(rHi, rLo, out double pLo);
        double hi = FastTwoSum(1.0, p, out double e);
        double y = FastTwoSum(hi, e + pLo, out double yLo);
        if (k >= -1021 && k <= 1023) return y * Pow2(k);
        if (k > 0) return ScaleB(y, k);
        return ScaleToSubnormal(y, yLo, k);
    }

    /// <summary>
    /// (y + yLo) * 2^k for a subnormal result, rounded once: scaling y alone rounds to the subnormal
    /// grid, then yLo decides whether that rounding went the wrong way (no double rounding).
    /// </summary>
    private static double ScaleToSubnormal(double y, double yLo, int k)
    {
        double scaled = ScaleB(y, k);
        double residual = (y - ScaleB(scaled, -k)) + yLo; // y - back is exact: back is y rounded coarser
        double halfQuantum = ScaleB(0.5, -1074 - k);      // half a subnormal step, in y's scale
        if (residual > halfQuantum) return FromBits(Bits(scaled) + 1);
        if (residual < -halfQuantum) return FromBits(Bits(scaled) - 1);
        return scaled;
    }

    /// <summary>expm1(x) for 0 &lt;= x &lt;= 45 as a double-double (relative error ~2^-59).</summary>
    internal static double Expm1DoubleDouble(double x, out double lo)
    {
        if (x <= 0.34)
            return Expm1Reduced(x, 0.0, out lo);
        int k = Reduce(x, 0.0, out double rHi, out double rLo);
        double p = Expm1Reduced(rHi, rLo, out double pLo);
        // 2^k (1 + p) - 1: 2^k - 1 is exact up to k = 53; past that the lost 1 is below 2^-53 relative.
        double s = Pow2(k);
        double a = s - 1.0;
        double c = TwoSum(a, s * p, out double ce);
        return FastTwoSum(c, ce + s * pLo, out lo);
    }
}
