using System;
using XairrosX.Plugs.Math;
using Xunit;
using Xunit.Abstractions;
using static XairrosX.Tests.Plugs.Math.UlpMeter;
using static XairrosX.Tests.Plugs.Math.LibmInputs;

namespace XairrosX.Tests.Plugs.Math;

public sealed class LibmTrigTests(ITestOutputHelper output)
{
    private const int Count = 100_000;
    private readonly DifferentialHarness harness = new(output);

    [Fact]
    public void Sin_MatchesHostWithinOneUlp() => harness.Check("sin", Libm.Sin, System.Math.Sin, TrigInput, Count, 1);

    [Fact]
    public void Cos_MatchesHostWithinOneUlp() => harness.Check("cos", Libm.Cos, System.Math.Cos, TrigInput, Count, 1);

    [Fact]
    public void Tan_MatchesHostWithinOneUlp() => harness.Check("tan", Libm.Tan, System.Math.Tan, TrigInput, Count, 1);

    [Fact]
    public void HugeArguments_MatchKnownValues()
    {
        // sin(1e22) and friends: the classic test of a real Payne–Hanek reduction.
        Assert.Equal(-0.8522008497671888, Libm.Sin(1e22));
        Assert.Equal(System.Math.Sin(1e22), Libm.Sin(1e22));
        Assert.Equal(System.Math.Cos(1e22), Libm.Cos(1e22));
        Assert.Equal(System.Math.Sin(double.MaxValue), Libm.Sin(double.MaxValue));
        Assert.Equal(System.Math.Cos(double.MaxValue), Libm.Cos(double.MaxValue));
        Assert.Equal(System.Math.Tan(double.MaxValue), Libm.Tan(double.MaxValue));
        // The double closest to a multiple of pi/2 below 2^1024 (6381956970095103 * 2^797).
        double nearMultiple = 6381956970095103.0 * System.Math.Pow(2, 797);
        // cos there is -4.68716592425462761...e-19 (mpmath, 1500 bits); glibc 2.36 is ~12 ulp off here.
        Assert.Equal(1.0, Libm.Sin(nearMultiple));
        Assert.Equal(-4.687165924254628E-19, Libm.Cos(nearMultiple));
    }

    [Fact]
    public void PayneHanek_AgreesWithCodyWaiteWhereBothApply()
    {
        var rng = new Random(7);
        for (int i = 0; i < 20_000; i++)
        {
            double x = LogUniform(rng, 0, 27, signed: false);
            int n1 = TrigReduction.CodyWaite(x, out double a, out double al);
            int n2 = TrigReduction.PayneHanek(x, out double b, out double bl);
            Assert.Equal(n1, n2);
            double diff = System.Math.Abs((a - b) + (al - bl));
            Assert.True(diff <= System.Math.Abs(a) * 1e-30 + 1e-300, $"x={x:R}: {a:R}+{al:R} vs {b:R}+{bl:R}");
        }
    }

    [Fact]
    public void SpecialValues()
    {
        foreach (Func<double, double> f in new Func<double, double>[] { Libm.Sin, Libm.Cos, Libm.Tan })
        {
            Assert.True(double.IsNaN(f(double.NaN)));
            Assert.True(double.IsNaN(f(double.PositiveInfinity)));
            Assert.True(double.IsNaN(f(double.NegativeInfinity)));
        }
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(Libm.Sin(-0.0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(Libm.Tan(-0.0)));
        Assert.Equal(1.0, Libm.Cos(-0.0));
        Assert.Equal(double.Epsilon, Libm.Sin(double.Epsilon));
        Assert.Equal(-double.Epsilon, Libm.Tan(-double.Epsilon));
        Assert.Equal(System.Math.Tan(1.5707963267948966), Libm.Tan(1.5707963267948966));
    }
}
