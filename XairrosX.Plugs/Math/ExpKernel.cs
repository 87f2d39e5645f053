using static XairrosX.Plugs.Math.DoubleDouble;
using static XairrosX.Plugs.Math.Ieee754;

namespace XairrosX.Plugs.Math;

/// <summary>
/// Two reductions of exp. The fast one (exp, exp2, pow, large sinh/cosh): x = (64k + j) ln2/64 + r with
/// |r| &lt;= ln2/128, exp x = 2^k * 2^(j/64) * exp(r), 2^(j/64) as a double-double from
/// <see cref="LibmTables.Exp2Sixtyfourths"/> and exp(r) by its Taylor series to r^6 (below 2^-64).
/// The table-free one (expm1 and the hyperbolics, which need exp(r) - 1 without the table's offset):
/// x = k ln2 + r, |r| &lt;= ln2/2, Taylor series of expm1 to r^14 with r^2/2 formed exactly.
/// Both keep ~2^-60 relative error before the final rounding; all coefficients are 1/n! (exact math).
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

    private const double InvLn2Times64 = 92.33248261689366;
    /// <summary>ln2/64 rounded to 36 bits: kd * Ln2By64Hi is exact for |kd| &lt; 2^17.</summary>
    private const double Ln2By64Hi = 0.010830424696223417;
    private const double Ln2By64Lo = 2.572804622327669e-14;

    private const double E3 = 1.0 / 6;
    private const double E3Lo = 9.25185853854297e-18; // 1/6 - E3
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

    /// <summary>expm1(rHi + rLo) for |rHi| &lt;= ~0.36 as pHi + pLo (relative error ~2^-62).</summary>
    internal static double Expm1Reduced(double rHi, double rLo, out double pLo)
    {
        double z = TwoProd(rHi, rHi, out double zLo);
        double half = 0.5 * z;
        double s = FastTwoSum(rHi, half, out double se);
        // r^3/6 reaches 0.007: formed in double-double like r^2/2; the rest (< 4e-4) in plain double.
        double cube = TwoProd(z, rHi, out double cubeErr);
        double cubeLo = cubeErr + zLo * rHi;
        double third = TwoProd(cube, E3, out double thirdErr);
        double thirdLo = thirdErr + cube * E3Lo + cubeLo * E3;
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
        double s2 = TwoSum(s, third, out double s2e);
        // d/dr expm1 = exp(r) ~ 1 + r + r^2/2 carries rLo through.
        double tail = cube * rHi * q + (se + s2e + thirdLo + 0.5 * zLo) + rLo * (1.0 + rHi + half);
        return FastTwoSum(s2, tail, out pLo);
    }

    /// <summary>exp(xHi + xLo) for any finite or infinite xHi, one final rounding (subnormals included).</summary>
    internal static double Exp(double xHi, double xLo)
    {
        if (xHi > 710.0) return double.PositiveInfinity;
        if (xHi < -746.0) return 0.0;
        double kd = xHi * InvLn2Times64 + RoundShifter - RoundShifter;
        double t = xHi - kd * Ln2By64Hi; // exact (Sterbenz, and kd * Ln2By64Hi is exact)
        double rHi = TwoSum(t, xLo - kd * Ln2By64Lo, out double rLo);
        return ScaleTable((long)kd, rHi, rLo);
    }

    /// <summary>2^x for |x| &lt; 1100: x = kd/64 + f exactly, exp(f ln2) with f ln2 as a double-double.</summary>
    internal static double Exp2(double x)
    {
        double kd = x * 64.0 + RoundShifter - RoundShifter;
        double f = x - kd * (1.0 / 64);
        double rHi = TwoProd(f, Ln2Hi, out double rLo);
        return ScaleTable((long)kd, rHi, rLo + f * Ln2Lo);
    }

    /// <summary>2^(kd/64) * exp(rHi + rLo) for |rHi| &lt;= ~ln2/128.</summary>
    private static double ScaleTable(long kd, double rHi, double rLo)
    {
        int j = (int)(kd & 63);
        int k = (int)(kd >> 6);
        System.ReadOnlySpan<ulong> table = LibmTables.Exp2Sixtyfourths;
        double tHi = FromBits(table[2 * j]);
        double tLo = FromBits(table[2 * j + 1]);
        // exp(r) - 1 = r + r^2 (1/2 + r/6 + ...); only r itself needs the double-double treatment.
        double q = MulAdd(rHi, 1.0 / 720, 1.0 / 120);
        q = MulAdd(rHi, q, 1.0 / 24);
        q = MulAdd(rHi, q, 1.0 / 6);
        q = MulAdd(rHi, q, 0.5);
        double higher = rLo + rHi * rHi * q;
        double y = FastTwoSum(tHi, tHi * rHi + (tLo + tHi * higher + tLo * rHi), out double yLo);
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
