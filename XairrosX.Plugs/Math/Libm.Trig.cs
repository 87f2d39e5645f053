using static XairrosX.Plugs.Math.DoubleDouble;
using static XairrosX.Plugs.Math.Ieee754;

namespace XairrosX.Plugs.Math;

// Exports for C sin, cos, tan: reduce |x| to a quadrant and r (TrigReduction), evaluate the kernels in
// double-double (TrigKernel), fix the sign by quadrant. Odd functions work on |x| and restore the sign,
// which keeps sin(-0) = -0 and tan(-0) = -0.
public static partial class Libm
{
    private const double TwoToMinus27 = 7.450580596923828e-09;

    /// <summary>Sine of <paramref name="x"/> radians (C <c>sin</c>), accurate for every finite double.</summary>
    /// <param name="x">Angle in radians.</param>
    /// <returns>sin x; NaN for infinities and NaN.</returns>
    public static double Sin(double x)
    {
        if (IsNotFinite(x)) return x - x;
        double ax = Abs(x);
        if (ax < TwoToMinus26) return x; // sin x = x (1 - x^2/6): the correction is below half an ulp
        int n = TrigReduction.Reduce(ax, out double rHi, out double rLo);
        double v = (n & 1) == 0 ? TrigKernel.Sin(rHi, rLo, out _) : TrigKernel.Cos(rHi, rLo, out _);
        if ((n & 2) != 0) v = -v;
        return IsNegative(x) ? -v : v;
    }

    /// <summary>Cosine of <paramref name="x"/> radians (C <c>cos</c>), accurate for every finite double.</summary>
    /// <param name="x">Angle in radians.</param>
    /// <returns>cos x; NaN for infinities and NaN.</returns>
    public static double Cos(double x)
    {
        if (IsNotFinite(x)) return x - x;
        double ax = Abs(x);
        if (ax < TwoToMinus27) return 1.0;
        int n = TrigReduction.Reduce(ax, out double rHi, out double rLo);
        double v = (n & 1) == 0 ? TrigKernel.Cos(rHi, rLo, out _) : TrigKernel.Sin(rHi, rLo, out _);
        return ((n + 1) & 2) != 0 ? -v : v;
    }

    /// <summary>Tangent of <paramref name="x"/> radians (C <c>tan</c>), accurate for every finite double.</summary>
    /// <param name="x">Angle in radians.</param>
    /// <returns>tan x; NaN for infinities and NaN.</returns>
    public static double Tan(double x)
    {
        if (IsNotFinite(x)) return x - x;
        double ax = Abs(x);
        if (ax < TwoToMinus27) return x;
        int n = TrigReduction.Reduce(ax, out double rHi, out double rLo);
        double sHi = TrigKernel.Sin(rHi, rLo, out double sLo);
        double cHi = TrigKernel.Cos(rHi, rLo, out double cLo);
        // Odd quadrants: tan(r + pi/2) = -cos r / sin r.
        double v = (n & 1) == 0
            ? Divide(sHi, sLo, cHi, cLo, out _)
            : -Divide(cHi, cLo, sHi, sLo, out _);
        return IsNegative(x) ? -v : v;
    }
}
