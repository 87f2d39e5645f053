using System;
using XairrosX.Plugs.Math;
using Xunit;
using Xunit.Abstractions;
using static XairrosX.Tests.Plugs.Math.UlpMeter;
using static XairrosX.Tests.Plugs.Math.LibmInputs;

namespace XairrosX.Tests.Plugs.Math;

public sealed class LibmPowTests(ITestOutputHelper output)
{
    private const int Count = 100_000;
    private readonly DifferentialHarness harness = new(output);

    [Fact]
    public void Pow_MatchesHostWithinOneUlp() => harness.Check("pow", Libm.Pow, System.Math.Pow, PowInput, Count, 1);

    [Fact]
    public void Pow_SpecialCaseGridMatchesHost()
    {
        // C99 F.9.4.4 lives in the cross product of these values.
        double[] v =
        [
            0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 1.5, -1.5, 1e300, -1e300,
            double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN, 9007199254740993.0, -9007199254740993.0,
            9007199254740992.0, 4503599627370497.0, -4503599627370497.0, 1e20, -1e20, 0.9999999999999999, 1.0000000000000002,
        ];
        foreach (double x in v)
        foreach (double y in v)
        {
            double ours = Libm.Pow(x, y), host = System.Math.Pow(x, y);
            // Special results (NaN, ±0, ±inf, ±1) must match bit for bit; ordinary ones within 1 ulp
            // (pow(DBL_MAX, 0.5) is a near-tie 2^-109 from a rounding midpoint).
            bool special = double.IsNaN(host) || host == 0 || double.IsInfinity(host) || System.Math.Abs(host) == 1;
            bool ok = special
                ? (double.IsNaN(host) ? double.IsNaN(ours) : BitConverter.DoubleToInt64Bits(ours) == BitConverter.DoubleToInt64Bits(host))
                : Distance(ours, host) <= 1;
            Assert.True(ok, $"pow({x:R}, {y:R}) = {ours:R}, host {host:R}");
        }
    }

    [Fact]
    public void Pow_ExactResults()
    {
        for (int k = -1074; k <= 1023; k++) Assert.Equal(System.Math.Pow(2, k), Libm.Pow(2, k));
        double p = 1;
        for (int k = 0; k <= 22; k++, p *= 10) Assert.Equal(p, Libm.Pow(10, k));
        for (int b = 2; b < 200; b++)
        for (int k = 1; k < 8; k++)
        {
            double exact = System.Math.Pow(b, k); // exact below 2^53
            if (exact < 9e15) Assert.Equal(exact, Libm.Pow(b, k));
            if (exact < 9e15) Assert.Equal(k % 2 == 0 ? exact : -exact, Libm.Pow(-b, k));
        }
        Assert.Equal(3.0, Libm.Pow(9, 0.5));
        Assert.Equal(0.5, Libm.Pow(4, -0.5));
    }

    // glibc 2.36's cbrt is itself up to ~3-4 ulp off (e.g. 3 ulp at -1.897607453330266E+235 where ours is
    // correctly rounded by mpmath); the exact-cubing test below is the real accuracy check.
    [Fact]
    public void Cbrt_MatchesHostWithinFourUlp() =>
        harness.Check("cbrt", Libm.Cbrt, System.Math.Cbrt, r => LogUniform(r, -1074, 1023), Count, 4);

    [Fact]
    public void Cbrt_IsFaithfulByExactCubing()
    {
        // Independent of any libm: y is within 1 ulp iff x lies between (y - ulp)^3 and (y + ulp)^3,
        // checked in exact rational arithmetic.
        var rng = new Random(99);
        int correctlyRounded = 0;
        const int samples = 3000;
        for (int i = 0; i < samples; i++)
        {
            double x = LogUniform(rng, -1074, 1023, signed: false);
            double y = Libm.Cbrt(x);
            Assert.True(ExactCube.Between(System.Math.BitDecrement(y), x, System.Math.BitIncrement(y)), $"cbrt({x:R}) = {y:R}");
            if (ExactCube.IsCorrectlyRounded(y, x)) correctlyRounded++;
        }
        output.WriteLine($"cbrt: {correctlyRounded}/{samples} correctly rounded, all within 1 ulp (exact arithmetic)");
        Assert.True(correctlyRounded >= samples * 999 / 1000, $"only {correctlyRounded}/{samples} correctly rounded");
        Assert.Equal(3.0, Libm.Cbrt(27.0));
        Assert.Equal(-4.0, Libm.Cbrt(-64.0));
        Assert.Equal(1e100, Libm.Cbrt(1e300));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(Libm.Cbrt(-0.0)));
        Assert.Equal(double.NegativeInfinity, Libm.Cbrt(double.NegativeInfinity));
        Assert.True(double.IsNaN(Libm.Cbrt(double.NaN)));
    }
}
