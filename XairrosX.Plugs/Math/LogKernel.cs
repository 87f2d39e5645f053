using static XairrosX.Plugs.Math.DoubleDouble;
using static XairrosX.Plugs.Math.Ieee754;

namespace XairrosX.Plugs.Math;

/// <summary>
/// log(x) as a double-double for finite x &gt; 0. x = 2^k * m with m in [sqrt(2)/2, sqrt(2)], m is
/// rounded to a centre 1 + i/128 whose reciprocal c and -log(c) come from <see cref="LibmTables.Log"/>,
/// and log(m) = -log(c) + log1p(m*c - 1) with |m*c - 1| &lt; 0.0056. The centre i = 0 has c = 1 exactly, so
/// arguments near 1 lose nothing to cancellation. log1p uses its Taylor series (coefficients ±1/n) to
/// r^10; r^2/2 is formed exactly. Absolute error ~2^-75, which pow needs (it multiplies log by y).
/// </summary>
internal static class LogKernel
{
    private const double Sqrt2 = 1.4142135623730951;
    private const double TwoTo54 = 18014398509481984.0;

    /// <summary>log(x) = hi + lo for finite x &gt; 0 (subnormals included).</summary>
    internal static double Log(double x, out double lo)
    {
        int k = 0;
        ulong b = Bits(x);
        if (b < 0x0010_0000_0000_0000)
        {
            b = Bits(x * TwoTo54);
            k = -54;
        }
        k += (int)(b >> 52) - 1023;
        double m = FromBits((b & FractionMask) | OneBits);
        if (m > Sqrt2)
        {
            m *= 0.5;
            k++;
        }
        // (m - 1) * 128 is exact; truncating after +128.5 rounds to the nearest centre.
        int i = (int)((m - 1.0) * 128.0 + 128.5) - 128;
        System.ReadOnlySpan<ulong> table = LibmTables.Log;
        int row = (i - LibmTables.LogIndexMin) * 3;
        double c = FromBits(table[row]);
        double tableHi = FromBits(table[row + 1]);
        double tableLo = FromBits(table[row + 2]);

        // r = m*c - 1 as a double-double: p - 1 is exact (p is within 1% of 1).
        double p = TwoProd(m, c, out double pe);
        double rHi = TwoSum(p - 1.0, pe, out double rLo);

        double l1p = Log1pReduced(rHi, rLo, out double l1pLo);

        double kd = k;
        double s1 = TwoSum(kd * ExpKernel.Ln2Hi42, tableHi, out double e1);
        double s2 = TwoSum(s1, l1p, out double e2);
        double low = e1 + e2 + kd * ExpKernel.Ln2Lo42 + tableLo + l1pLo;
        return FastTwoSum(s2, low, out lo);
    }

    /// <summary>log1p(rHi + rLo) for |rHi| &lt;= 0.006 as a double-double (unnormalised is fine for callers).</summary>
    internal static double Log1pReduced(double rHi, double rLo, out double lo)
    {
        double z = TwoProd(rHi, rHi, out double zLo);
        double a = FastTwoSum(rHi, -0.5 * z, out double ae);
        // 1/3 - r/4 + r^2/5 - ... - r^7/10 in Estrin form: four short chains instead of one of eight.
        double r2 = rHi * rHi;
        double p01 = MulAdd(rHi, -1.0 / 4, 1.0 / 3);
        double p23 = MulAdd(rHi, -1.0 / 6, 1.0 / 5);
        double p45 = MulAdd(rHi, -1.0 / 8, 1.0 / 7);
        double p67 = MulAdd(rHi, -1.0 / 10, 1.0 / 9);
        double q = MulAdd(r2 * r2, MulAdd(r2, p67, p45), MulAdd(r2, p23, p01));
        // d/dr log1p = 1/(1+r) ~ 1 - r carries rLo through.
        lo = ae - 0.5 * zLo + rLo * (1.0 - rHi) + z * rHi * q;
        return a;
    }
}
