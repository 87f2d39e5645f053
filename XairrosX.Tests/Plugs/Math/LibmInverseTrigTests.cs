using System;
using XairrosX.Plugs.Math;
using Xunit;
using Xunit.Abstractions;
using static XairrosX.Tests.Plugs.Math.UlpMeter;
using static XairrosX.Tests.Plugs.Math.LibmInputs;

namespace XairrosX.Tests.Plugs.Math;

public sealed class LibmInverseTrigTests(ITestOutputHelper output)
{
    private const int Count = 100_000;
    private readonly DifferentialHarness harness = new(output);

    [Fact]
    public void Atan_MatchesHostWithinOneUlp() => harness.Check("atan", Libm.Atan, System.Math.Atan, AtanInput, Count, 1);

    [Fact]
    public void Asin_MatchesHostWithinOneUlp() => harness.Check("asin", Libm.Asin, System.Math.Asin, UnitInput, Count, 1);

    [Fact]
    public void Acos_MatchesHostWithinOneUlp() => harness.Check("acos", Libm.Acos, System.Math.Acos, UnitInput, Count, 1);

    [Fact]
    public void Atan2_MatchesHostWithinOneUlp() =>
        harness.Check("atan2", Libm.Atan2, System.Math.Atan2, rng =>
        {
            int s = rng.Next(100);
            if (s < 50) return (Uniform(rng, -10, 10), Uniform(rng, -10, 10));
            if (s < 80) return (LogUniform(rng, -80, 80), LogUniform(rng, -80, 80));
            return (LogUniform(rng, -1074, 1023), LogUniform(rng, -1074, 1023));
        }, Count, 1);

    [Fact]
    public void Atan2_SpecialCaseGridMatchesHostBitForBit()
    {
        double[] v = [0.0, -0.0, 1.0, -1.0, 1e-300, -1e-300, double.Epsilon, -double.Epsilon, 1e300, -1e300,
                      double.MaxValue, -double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN];
        foreach (double y in v)
        foreach (double x in v)
        {
            double ours = Libm.Atan2(y, x), host = System.Math.Atan2(y, x);
            Assert.True(double.IsNaN(host) ? double.IsNaN(ours) : BitConverter.DoubleToInt64Bits(ours) == BitConverter.DoubleToInt64Bits(host),
                $"atan2({y:R}, {x:R}) = {ours:R}, host {host:R}");
        }
    }

    [Fact]
    public void SpecialValues()
    {
        Assert.True(double.IsNaN(Libm.Asin(1.0000000000000002)));
        Assert.True(double.IsNaN(Libm.Acos(-1.0000000000000002)));
        Assert.True(double.IsNaN(Libm.Asin(double.PositiveInfinity)));
        Assert.True(double.IsNaN(Libm.Atan(double.NaN)));
        Assert.Equal(System.Math.PI / 2, Libm.Asin(1.0));
        Assert.Equal(-System.Math.PI / 2, Libm.Asin(-1.0));
        Assert.Equal(System.Math.PI, Libm.Acos(-1.0));
        Assert.Equal(0.0, Libm.Acos(1.0));
        Assert.Equal(System.Math.PI / 2, Libm.Atan(double.PositiveInfinity));
        Assert.Equal(-System.Math.PI / 2, Libm.Atan(double.NegativeInfinity));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(Libm.Atan(-0.0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(Libm.Asin(-0.0)));
        Assert.Equal(System.Math.PI / 4, Libm.Atan(1.0));
    }
}
