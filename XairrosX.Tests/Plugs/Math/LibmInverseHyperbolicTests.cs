using System;
using XairrosX.Plugs.Math;
using Xunit;
using Xunit.Abstractions;
using static XairrosX.Tests.Plugs.Math.UlpMeter;

namespace XairrosX.Tests.Plugs.Math;

public sealed class LibmInverseHyperbolicTests(ITestOutputHelper output)
{
    private const int Count = 100_000;
    private readonly DifferentialHarness harness = new(output);

    // glibc 2.36 allows 2 ulp for asinh/acosh/atanh; ours is ~0.5, so the distance bound is 2.
    [Fact]
    public void Asinh_MatchesHostWithinTwoUlp() =>
        harness.Check("asinh", Libm.Asinh, System.Math.Asinh, r => r.Next(2) == 0 ? Uniform(r, -5, 5) : LogUniform(r, -1074, 1023), Count, 2);

    [Fact]
    public void Acosh_MatchesHostWithinTwoUlp() =>
        harness.Check("acosh", Libm.Acosh, System.Math.Acosh, r => r.Next(3) switch
        {
            0 => 1.0 + LogUniform(r, -52, 0, signed: false),
            1 => Uniform(r, 0.9, 10),
            _ => LogUniform(r, 0, 1023, signed: false),
        }, Count, 2);

    [Fact]
    public void Atanh_MatchesHostWithinTwoUlp() =>
        harness.Check("atanh", Libm.Atanh, System.Math.Atanh, r => r.Next(3) switch
        {
            0 => Uniform(r, -1, 1),
            1 => LogUniform(r, -1074, -1),
            _ => (r.Next(2) == 0 ? 1 : -1) * (1 - LogUniform(r, -53, -2, signed: false)),
        }, Count, 2);

    [Fact]
    public void SpecialValues()
    {
        Assert.Equal(double.PositiveInfinity, Libm.Asinh(double.PositiveInfinity));
        Assert.Equal(double.NegativeInfinity, Libm.Asinh(double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, Libm.Acosh(double.PositiveInfinity));
        Assert.True(double.IsNaN(Libm.Acosh(0.5)));
        Assert.Equal(0.0, Libm.Acosh(1.0));
        Assert.Equal(double.PositiveInfinity, Libm.Atanh(1.0));
        Assert.Equal(double.NegativeInfinity, Libm.Atanh(-1.0));
        Assert.True(double.IsNaN(Libm.Atanh(1.0000000000000002)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(Libm.Asinh(-0.0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(Libm.Atanh(-0.0)));
        Assert.Equal(710.475860073944, Libm.Asinh(double.MaxValue)); // mpmath
    }
}
