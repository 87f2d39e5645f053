using static XairrosX.Plugs.Math.DoubleDouble;

namespace XairrosX.Plugs.Math;

/// <summary>
/// sin and cos of a reduced argument r = rHi + rLo, |r| &lt;= ~pi/4, as double-doubles (tan divides them).
/// Polynomials are the Taylor series (coefficients ±1/n!, exact math) to r^17 and r^18, truncation
/// below 2^-62. The leading terms r^3/6 and r^2/2 are formed in double-double, so the result carries
/// ~2^-58 relative error before its final rounding.
/// </summary>
internal static class TrigKernel
{
    private const double S3Hi = -1.0 / 6;
    private const double S3Lo = -9.25185853854297e-18; // -1/6 - S3Hi
    private const double S5 = 1.0 / 120;
    private const double S7 = -1.0 / 5040;
    private const double S9 = 1.0 / 362880;
    private const double S11 = -1.0 / 39916800;
    private const double S13 = 1.0 / 6227020800;
    private const double S15 = -1.0 / 1307674368000;
    private const double S17 = 1.0 / 355687428096000;

    private const double C4 = 1.0 / 24;
    private const double C4Lo = 2.3129646346357427e-18; // 1/24 - C4
    private const double C6 = -1.0 / 720;
    private const double C8 = 1.0 / 40320;
    private const double C10 = -1.0 / 3628800;
    private const double C12 = 1.0 / 479001600;
    private const double C14 = -1.0 / 87178291200;
    private const double C16 = 1.0 / 20922789888000;
    private const double C18 = -1.0 / 6402373705728000;

    /// <summary>sin(rHi + rLo) = hi + lo.</summary>
    internal static double Sin(double rHi, double rLo, out double lo)
    {
        double z = TwoProd(rHi, rHi, out double zErr);
        // r^3 = cube + cubeLo, then r^3 * (-1/6) in double-double.
        double cube = TwoProd(rHi, z, out double cubeErr);
        double cubeLo = cubeErr + rHi * zErr;
        double t = TwoProd(cube, S3Hi, out double tErr);
        double tLo = tErr + cube * S3Lo + cubeLo * S3Hi;

        double p = MulAdd(z, S17, S15);
        p = MulAdd(z, p, S13);
        p = MulAdd(z, p, S11);
        p = MulAdd(z, p, S9);
        p = MulAdd(z, p, S7);
        p = MulAdd(z, p, S5);
        double higher = cube * z * p;

        double s = FastTwoSum(rHi, t, out double se);
        // d/dr sin = cos ~ 1 - r^2/2 + r^4/24 carries rLo through.
        double tail = se + tLo + higher + rLo * (1.0 - 0.5 * z + z * z * (1.0 / 24));
        return FastTwoSum(s, tail, out lo);
    }

    /// <summary>cos(rHi + rLo) = hi + lo.</summary>
    internal static double Cos(double rHi, double rLo, out double lo)
    {
        double z = TwoProd(rHi, rHi, out double zErr);
        double half = 0.5 * z;
        double w = FastTwoSum(1.0, -half, out double we);

        double p = MulAdd(z, C18, C16);
        p = MulAdd(z, p, C14);
        p = MulAdd(z, p, C12);
        p = MulAdd(z, p, C10);
        p = MulAdd(z, p, C8);
        p = MulAdd(z, p, C6);

        // r^4/24 reaches 0.016: formed and added in double-double (1/24 split too); the rest is < 4e-4.
        double zz = TwoProd(z, z, out double zzErr);
        double quartic = TwoProd(zz, C4, out double quarticErr);
        double w2 = TwoSum(w, quartic, out double w2e);
        double quarticLo = quarticErr + zz * C4Lo + (zzErr + 2.0 * z * zErr) * C4;
        // d/dr cos = -sin r ~ -r (1 - r^2/6) carries rLo through (rLo can be half an ulp of r).
        double tail = (we + w2e) + quarticLo - 0.5 * zErr - rLo * rHi * (1.0 - z * (1.0 / 6)) + zz * z * p;
        return FastTwoSum(w2, tail, out lo);
    }
}
