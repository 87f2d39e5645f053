using static XairrosX.Plugs.Math.DoubleDouble;
using static XairrosX.Plugs.Math.Ieee754;

namespace XairrosX.Plugs.Math;

/// <summary>
/// atan of a double-double u &gt;= 0 as a double-double. u &gt; 1 uses atan u = pi/2 - atan(1/u); then
/// u is rounded to c = j/64 and atan u = atan c + atan((u - c)/(1 + u c)) with atan c from
/// <see cref="LibmTables.Atan"/> and |t| &lt;= 1/128, where the Taylor series (coefficients ±1/(2n+1))
/// to t^11 is below 2^-80. Asin, acos and atan2 feed it exact double-double quotients.
/// </summary>
internal static class AtanKernel
{
    internal const double PiOver2Hi = 1.5707963267948966;
    internal const double PiOver2Lo = 6.123233995736766e-17;
    internal const double PiHi = 3.141592653589793;
    internal const double PiLo = 1.2246467991473532e-16;

    /// <summary>atan(uHi + uLo) = hi + lo for finite uHi &gt;= 0.</summary>
    internal static double Atan(double uHi, double uLo, out double lo)
    {
        bool invert = uHi > 1.0;
        if (invert)
        {
            double v = 1.0 / uHi;
            double p = TwoProd(v, uHi, out double pe);
            double vLo = (((1.0 - p) - pe) - v * uLo) / uHi;
            uHi = v;
            uLo = vLo;
        }

        int j = (int)(uHi * 64.0 + 0.5);
        double tHi = uHi, tLo = uLo;
        if (j != 0)
        {
            double c = j * (1.0 / 64);
            // u - c is exact (Sterbenz); 1 + u*c is formed as a double-double.
            double q = TwoProd(uHi, c, out double qe);
            double d = FastTwoSum(1.0, q, out double de);
            tHi = Divide(uHi - c, uLo, d, de + qe + uLo * c, out tLo);
        }
        double t2 = tHi * tHi;
        double poly = MulAdd(t2, -1.0 / 11, 1.0 / 9);
        poly = MulAdd(t2, poly, -1.0 / 7);
        poly = MulAdd(t2, poly, 1.0 / 5);
        poly = MulAdd(t2, poly, -1.0 / 3);
        double series = tHi * t2 * poly;

        System.ReadOnlySpan<ulong> table = LibmTables.Atan;
        double aHi = FromBits(table[2 * j]);
        double aLo = FromBits(table[2 * j + 1]);
        double s = TwoSum(aHi, tHi, out double se);
        double hi = FastTwoSum(s, se + aLo + tLo + series, out lo);
        if (!invert) return hi;
        double r = FastTwoSum(PiOver2Hi, -hi, out double re);
        return FastTwoSum(r, re + PiOver2Lo - lo, out lo);
    }
}
