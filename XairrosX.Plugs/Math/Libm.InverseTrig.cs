using static XairrosX.Plugs.Math.DoubleDouble;
using static XairrosX.Plugs.Math.Ieee754;

namespace XairrosX.Plugs.Math;

// Exports for C atan, atan2, asin, acos. All go through AtanKernel with an argument formed as an
// exact-enough double-double: asin x = atan(x / sqrt(1 - x^2)) with 1 - x^2 from TwoProd (no loss
// near |x| = 1), acos uses the complementary ratio where pi/2 - asin would cancel.
public static partial class Libm
{
    private const double TwoTo60 = 1152921504606846976.0;
    private const double ThreePiOver4 = 2.356194490192345;

    /// <summary>Arc tangent (C <c>atan</c>).</summary>
    /// <param name="x">Tangent value.</param>
    /// <returns>atan x in [-pi/2, pi/2]; ±pi/2 for ±inf.</returns>
    public static double Atan(double x)
    {
        if (double.IsNaN(x)) return x;
        double ax = Abs(x);
        if (ax < TwoToMinus27) return x;
        double v = ax > TwoTo60 ? AtanKernel.PiOver2Hi : AtanKernel.Atan(ax, 0.0, out _);
        return IsNegative(x) ? -v : v;
    }

    /// <summary>Angle of the point (x, y) (C <c>atan2</c>), with C99's signed-zero and infinity cases.</summary>
    /// <param name="y">Ordinate.</param>
    /// <param name="x">Abscissa.</param>
    /// <returns>The angle in [-pi, pi], carrying the sign of <paramref name="y"/>.</returns>
    public static double Atan2(double y, double x)
    {
        if (double.IsNaN(x) || double.IsNaN(y)) return x + y;
        double v = Atan2Magnitude(Abs(y), x);
        return IsNegative(y) ? -v : v;
    }

    /// <summary>Arc sine (C <c>asin</c>).</summary>
    /// <param name="x">Sine value.</param>
    /// <returns>asin x in [-pi/2, pi/2]; NaN outside [-1, 1].</returns>
    public static double Asin(double x)
    {
        if (double.IsNaN(x)) return x;
        double ax = Abs(x);
        if (ax > 1.0) return double.NaN;
        if (ax < TwoToMinus26) return x;
        double v;
        if (ax == 1.0) v = AtanKernel.PiOver2Hi;
        else
        {
            double sHi = SqrtOneMinusSquare(ax, out double sLo);
            double uHi = Divide(ax, 0.0, sHi, sLo, out double uLo);
            v = AtanKernel.Atan(uHi, uLo, out _);
        }
        return IsNegative(x) ? -v : v;
    }

    /// <summary>Arc cosine (C <c>acos</c>).</summary>
    /// <param name="x">Cosine value.</param>
    /// <returns>acos x in [0, pi]; NaN outside [-1, 1].</returns>
    public static double Acos(double x)
    {
        if (double.IsNaN(x)) return x;
        double ax = Abs(x);
        if (ax > 1.0) return double.NaN;
        if (x == 1.0) return 0.0;
        if (x == -1.0) return AtanKernel.PiHi;
        if (ax < TwoToMinus54) return AtanKernel.PiOver2Hi + (AtanKernel.PiOver2Lo - x); // pi/2 - x
        double sHi = SqrtOneMinusSquare(ax, out double sLo);
        double aHi, aLo;
        if (ax <= 0.5)
        {
            // acos x = pi/2 - atan(x / s): the result stays in [pi/3, 2pi/3], no cancellation.
            double uHi = Divide(ax, 0.0, sHi, sLo, out double uLo);
            aHi = AtanKernel.Atan(uHi, uLo, out aLo);
            if (!IsNegative(x))
            {
                aHi = -aHi;
                aLo = -aLo;
            }
            return Add(AtanKernel.PiOver2Hi, AtanKernel.PiOver2Lo, aHi, aLo, out _);
        }
        double wHi = Divide(sHi, sLo, ax, 0.0, out double wLo);
        aHi = AtanKernel.Atan(wHi, wLo, out aLo);
        if (!IsNegative(x)) return aHi;
        return Add(AtanKernel.PiHi, AtanKernel.PiLo, -aHi, -aLo, out _);
    }

    /// <summary>atan2(ay, x) for ay = |y| (or +0/-0 handled by sign), x any non-NaN.</summary>
    private static double Atan2Magnitude(double ay, double x)
    {
        bool left = IsNegative(x);
        double ax = Abs(x);
        if (ay == 0.0) return left ? AtanKernel.PiHi : 0.0;
        if (double.IsInfinity(ay))
        {
            if (!double.IsInfinity(ax)) return AtanKernel.PiOver2Hi;
            return left ? ThreePiOver4 : AtanKernel.PiOver2Hi / 2;
        }
        if (double.IsInfinity(ax)) return left ? AtanKernel.PiHi : 0.0;
        if (ax == 0.0) return AtanKernel.PiOver2Hi;

        int gap = Ilogb(ay) - Ilogb(ax);
        if (gap > 61) return AtanKernel.PiOver2Hi;
        if (gap < -61) return left ? AtanKernel.PiHi : ay / ax; // atan q = q below 2^-60

        // Bring ax to [1, 2): exact, and ay stays normal because the ratio is at least 2^-62.
        int shift = -Ilogb(ax);
        ay = ScaleB(ay, shift);
        ax = ScaleB(ax, shift);
        double qHi = Divide(ay, 0.0, ax, 0.0, out double qLo);
        double aHi = AtanKernel.Atan(qHi, qLo, out double aLo);
        if (!left) return aHi;
        return Add(AtanKernel.PiHi, AtanKernel.PiLo, -aHi, -aLo, out _);
    }

    /// <summary>sqrt(1 - x^2) for 0 &lt;= x &lt; 1 as a double-double; 1 - x^2 is formed exactly.</summary>
    private static double SqrtOneMinusSquare(double x, out double lo)
    {
        double p = TwoProd(x, x, out double pe);
        double d = TwoSum(1.0, -p, out double de);
        double dHi = FastTwoSum(d, de - pe, out double dLo);
        return Sqrt(dHi, dLo, out lo);
    }
}
