using System;
using XairrosX.Plugs.Math;
using Xunit;
using Xunit.Abstractions;
using static XairrosX.Tests.Plugs.Math.UlpMeter;
using static XairrosX.Tests.Plugs.Math.LibmInputs;

namespace XairrosX.Tests.Plugs.Math;

public sealed class LibmHyperbolicTests(ITestOutputHelper output)
{
    private const int Count = 100_000;
    private readonly DifferentialHarness harness = new(output);

    // glibc 2.36 documents up to 2 ulp for sinh/cosh/tanh; ours is < 0.52 ulp, so 2 ulp of distance.
    [Fact]
    public void Sinh_MatchesHostWithinTwoUlp() => harness.Check("sinh", Libm.Sinh, System.Math.Sinh, HyperbolicInput, Count, 2);

    [Fact]
    public void Cosh_MatchesHostWithinTwoUlp() => harness.Check("cosh", Libm.Cosh, System.Math.Cosh, HyperbolicInput, Count, 2);

    [Fact]
    public void Tanh_MatchesHostWithinTwoUlp() => harness.Check("tanh", Libm.Tanh, System.Math.Tanh, HyperbolicInput, Count, 2);

    [Fact]
    public void SpecialValues()
    {
        Assert.Equal(double.PositiveInfinity, Libm.Sinh(double.PositiveInfinity));
        Assert.Equal(double.NegativeInfinity, Libm.Sinh(double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, Libm.Cosh(double.NegativeInfinity));
        Assert.Equal(1.0, Libm.Tanh(double.PositiveInfinity));
        Assert.Equal(-1.0, Libm.Tanh(double.NegativeInfinity));
        Assert.Equal(1.0, Libm.Cosh(0.0));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(Libm.Sinh(-0.0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(Libm.Tanh(-0.0)));
        Assert.True(double.IsNaN(Libm.Sinh(double.NaN)) && double.IsNaN(Libm.Cosh(double.NaN)) && double.IsNaN(Libm.Tanh(double.NaN)));
        // Finite although e^710.4 overflows; 1.66636428328064958...e308 by mpmath (glibc returns the neighbour).
        Assert.Equal(1.6663642832806496E+308, Libm.Sinh(710.4));
        Assert.Equal(double.PositiveInfinity, Libm.Cosh(710.5));
    }
}
