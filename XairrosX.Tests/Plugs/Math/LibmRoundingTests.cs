using System;
using XairrosX.Plugs.Math;
using Xunit;
using Xunit.Abstractions;
using static XairrosX.Tests.Plugs.Math.UlpMeter;

namespace XairrosX.Tests.Plugs.Math;

public sealed class LibmRoundingTests(ITestOutputHelper output)
{
    private const int Count = 100_000;
    private readonly DifferentialHarness harness = new(output);

    private static double RoundingInput(Random rng)
    {
        int s = rng.Next(100);
        if (s < 30) return Uniform(rng, -10, 10);
        if (s < 45) return rng.Next(-100, 100) + 0.5 * rng.Next(-1, 2); // integers and exact halves
        if (s < 80) return LogUniform(rng, -1074, 60);
        return AnyBits(rng);
    }

    [Fact]
    public void Floor_IsExact() => harness.Check("floor", Libm.Floor, System.Math.Floor, RoundingInput, Count, 0);

    [Fact]
    public void Ceil_IsExact() => harness.Check("ceil", Libm.Ceil, System.Math.Ceiling, RoundingInput, Count, 0);

    [Fact]
    public void Trunc_IsExact() => harness.Check("trunc", Libm.Trunc, HostLibm.trunc, RoundingInput, Count, 0);

    [Fact]
    public void Round_IsExactHalfAwayFromZero() => harness.Check("round", Libm.Round, HostLibm.round, RoundingInput, Count, 0);

    [Fact]
    public void Modf_IsExact()
    {
        var rng = new Random(5);
        for (int i = 0; i < Count; i++)
        {
            double x = RoundingInput(rng);
            double f = Libm.Modf(x, out double ip);
            double hf = HostLibm.modf(x, out double hip);
            Assert.True(SameBits(f, hf) && SameBits(ip, hip), $"modf({x:R}) = ({f:R}, {ip:R}), host ({hf:R}, {hip:R})");
        }
    }

    [Fact]
    public void Fmod_IsExact() =>
        harness.Check("fmod", Libm.Fmod, HostLibm.fmod, rng =>
        {
            int s = rng.Next(100);
            if (s < 30) return (Uniform(rng, -100, 100), Uniform(rng, -10, 10));
            if (s < 80) return (LogUniform(rng, -1074, 1023), LogUniform(rng, -1074, 1023));
            return (AnyBits(rng), AnyBits(rng));
        }, Count, 0);

    [Fact]
    public void BitFallbacksMatchTheSse41Path()
    {
        // The kernel may run without SSE4.1; the fallback must agree bit for bit (signs of zero included).
        var rng = new Random(11);
        for (int i = 0; i < Count; i++)
        {
            double x = RoundingInput(rng);
            Assert.True(SameBits(System.Math.Floor(x), Libm.FloorFallback(x)), $"floor {x:R}");
            Assert.True(SameBits(System.Math.Ceiling(x), Libm.CeilFallback(x)), $"ceil {x:R}");
            Assert.True(SameBits(System.Math.Truncate(x), Libm.TruncFallback(x)), $"trunc {x:R}");
        }
    }

    [Fact]
    public void SignedZeroAndSpecialCases()
    {
        Assert.True(SameBits(-0.0, Libm.Ceil(-0.5)));
        Assert.True(SameBits(-1.0, Libm.Floor(-0.5)));
        Assert.True(SameBits(-0.0, Libm.Round(-0.49999999999999994)));
        Assert.Equal(1.0, Libm.Round(0.5));
        Assert.Equal(-3.0, Libm.Round(-2.5));
        Assert.Equal(0.0, Libm.Round(0.49999999999999994));
        Assert.Equal(4503599627370497.0, Libm.Round(4503599627370497.0));
        Assert.True(SameBits(-0.0, Libm.Modf(-3.0, out double ip)) && ip == -3.0);
        Assert.True(SameBits(0.0, Libm.Modf(double.PositiveInfinity, out ip)) && double.IsPositiveInfinity(ip));
        Assert.True(double.IsNaN(Libm.Fmod(1.0, 0.0)));
        Assert.True(double.IsNaN(Libm.Fmod(double.PositiveInfinity, 1.0)));
        Assert.Equal(5.0, Libm.Fmod(5.0, double.PositiveInfinity));
        Assert.True(SameBits(-0.0, Libm.Fmod(-4.0, 2.0)));
        Assert.True(SameBits(HostLibm.fmod(double.MaxValue, 3 * double.Epsilon), Libm.Fmod(double.MaxValue, 3 * double.Epsilon)));
    }

    private static bool SameBits(double a, double b) =>
        double.IsNaN(a) ? double.IsNaN(b) : BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
}
