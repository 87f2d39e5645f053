using static XairrosX.Plugs.Math.DoubleDouble;
using static XairrosX.Plugs.Math.Ieee754;

namespace XairrosX.Plugs.Math;

// Exports for C asinh, acosh, atanh (CoreLib imports them too). Each is a logarithm of a double-double
// argument w that is formed without cancellation, so log(w) = LogKernel(wHi) + wLo/wHi keeps ~2^-70.
public static partial class Libm
{
    private const double TwoTo28 = 268435456.0;

    /// <summary>Inverse hyperbolic sine (C <c>asinh</c>).</summary>
    /// <param name="x">Argument.</param>
    /// <returns>asinh x = log(x + sqrt(x^2 + 1)), odd.</returns>
    public static double Asinh(double x)
    {
        if (IsNotFinite(x)) return x;
        double ax = Abs(x);
        if (ax < TwoToMinus26) return x;
        double v;
        if (ax > TwoTo28) v = LogPlusLn2(ax); // sqrt(x^2 + 1) = x to 2^-57
        else
        {
            double sq = TwoProd(ax, ax, out double sqErr);
            double d = FastTwoSum(sq > 1.0 ? sq : 1.0, sq > 1.0 ? 1.0 : sq, out double dErr);
            double sHi = Sqrt(d, dErr + sqErr, out double sLo);
            double wHi = FastTwoSum(sHi, ax, out double wErr);
            v = LogOfDoubleDouble(wHi, wErr + sLo);
        }
        return IsNegative(x) ? -v : v;
    }

    /// <summary>Inverse hyperbolic cosine (C <c>acosh</c>).</summary>
    /// <param name="x">Argument, at least 1.</param>
    /// <returns>acosh x = log(x + sqrt(x^2 - 1)); NaN below 1.</returns>
    public static double Acosh(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x < 1.0) return double.NaN;
        if (x == 1.0) return 0.0;
        if (x > TwoTo28) return double.IsInfinity(x) ? x : LogPlusLn2(x);
        double sq = TwoProd(x, x, out double sqErr);
        double d = TwoSum(sq, -1.0, out double dErr); // exact for x^2 < 2 (Sterbenz), compensated above
        d = FastTwoSum(d, dErr + sqErr, out double dLo);
        double sHi = Sqrt(d, dLo, out double sLo);
        double wHi = FastTwoSum(x, sHi, out double wErr);
        return LogOfDoubleDouble(wHi, wErr + sLo);
    }

    /// <summary>Inverse hyperbolic tangent (C <c>atanh</c>).</summary>
    /// <param name="x">Argument in [-1, 1].</param>
    /// <returns>atanh x = log((1 + x)/(1 - x))/2; ±inf at ±1, NaN outside.</returns>
    public static double Atanh(double x)
    {
        if (double.IsNaN(x)) return x;
        double ax = Abs(x);
        if (ax > 1.0) return double.NaN;
        if (ax == 1.0) return CopySign(double.PositiveInfinity, x);
        if (ax < TwoToMinus27) return x;
        double num = FastTwoSum(1.0, ax, out double numLo);
        double den = FastTwoSum(1.0, -ax, out double denLo);
        double qHi = Divide(num, numLo, den, denLo, out double qLo);
        double v = 0.5 * LogOfDoubleDouble(qHi, qLo);
        return IsNegative(x) ? -v : v;
    }

    /// <summary>log(hi + lo) for hi &gt; 0, |lo| &lt;= ulp(hi): log(hi) + lo/hi, the next term is below 2^-106.</summary>
    private static double LogOfDoubleDouble(double hi, double lo)
    {
        double lHi = LogKernel.Log(hi, out double lLo);
        return lHi + (lLo + lo / hi);
    }

    /// <summary>log(2x) = log x + ln 2 for large x.</summary>
    private static double LogPlusLn2(double x)
    {
        double lHi = LogKernel.Log(x, out double lLo);
        return Add(lHi, lLo, ExpKernel.Ln2Hi, ExpKernel.Ln2Lo, out _);
    }
}
