using static XairrosX.Plugs.Math.DoubleDouble;
using static XairrosX.Plugs.Math.Ieee754;

namespace XairrosX.Plugs.Math;

// Exports for C sinh, cosh, tanh, written with M = expm1|x| as a double-double so no formula ever
// subtracts nearly equal numbers: sinh = (M + M/(1+M))/2, cosh = (E + 1/E)/2 with E = 1 + M,
// tanh = M2/(M2 + 2) with M2 = expm1(2|x|). Past |x| = 22 the e^-|x| terms are below 2^-63.
public static partial class Libm
{
    private const double HyperbolicLarge = 22.0;

    /// <summary>Hyperbolic sine (C <c>sinh</c>).</summary>
    /// <param name="x">Argument.</param>
    /// <returns>sinh x; ±inf beyond ~710.47.</returns>
    public static double Sinh(double x)
    {
        if (IsNotFinite(x)) return x;
        double ax = Abs(x);
        if (ax < TwoToMinus26) return x;
        double v;
        if (ax > HyperbolicLarge) v = HalfExp(ax);
        else
        {
            double m = ExpKernel.Expm1DoubleDouble(ax, out double mLo);
            double e = TwoSum(1.0, m, out double eLo);
            double q = Divide(m, mLo, e, eLo + mLo, out double qLo);
            v = 0.5 * Add(m, mLo, q, qLo, out _);
        }
        return IsNegative(x) ? -v : v;
    }

    /// <summary>Hyperbolic cosine (C <c>cosh</c>).</summary>
    /// <param name="x">Argument.</param>
    /// <returns>cosh x &gt;= 1; +inf beyond ~710.47 and for ±inf.</returns>
    public static double Cosh(double x)
    {
        if (double.IsNaN(x)) return x;
        double ax = Abs(x);
        if (ax < TwoToMinus27) return 1.0;
        if (ax > HyperbolicLarge) return HalfExp(ax);
        double m = ExpKernel.Expm1DoubleDouble(ax, out double mLo);
        double e = TwoSum(1.0, m, out double eLo);
        eLo += mLo;
        double inv = Divide(1.0, 0.0, e, eLo, out double invLo);
        return 0.5 * Add(e, eLo, inv, invLo, out _);
    }

    /// <summary>Hyperbolic tangent (C <c>tanh</c>).</summary>
    /// <param name="x">Argument.</param>
    /// <returns>tanh x in [-1, 1].</returns>
    public static double Tanh(double x)
    {
        if (double.IsNaN(x)) return x;
        double ax = Abs(x);
        if (ax < TwoToMinus27) return x;
        double v;
        if (ax > HyperbolicLarge) v = 1.0;
        else
        {
            double m = ExpKernel.Expm1DoubleDouble(2.0 * ax, out double mLo);
            double d = TwoSum(2.0, m, out double dLo);
            v = Divide(m, mLo, d, dLo + mLo, out _);
        }
        return IsNegative(x) ? -v : v;
    }

    /// <summary>e^ax / 2 = exp(ax - ln2) for ax &gt; 22, finite up to ax ~ 710.47 where e^ax alone overflows.</summary>
    private static double HalfExp(double ax)
    {
        if (double.IsInfinity(ax)) return ax;
        double t = TwoSum(ax, -ExpKernel.Ln2Hi, out double te);
        return ExpKernel.Exp(t, te - ExpKernel.Ln2Lo);
    }
}
