using System;
using XairrosX.Plugs.Math;
using Xunit;
using Xunit.Abstractions;
using static XairrosX.Tests.Plugs.Math.UlpMeter;

namespace XairrosX.Tests.Plugs.Math;

/// <summary>Float versions against glibc's *f functions (MathF calls them).</summary>
public sealed class LibmFloatTests(ITestOutputHelper output)
{
    private const int Count = 100_000;
    private readonly DifferentialHarness harness = new(output);

    private static float Mixed(Random rng)
    {
        int s = rng.Next(100);
        if (s < 40) return (float)Uniform(rng, -10, 10);
        if (s < 90) return (float)LogUniform(rng, -149, 127);
        return AnyFloatBits(rng);
    }

    private static float Positive(Random rng) => System.MathF.Abs(Mixed(rng));

    [Fact]
    public void Trig() => Assert.All(new[]
    {
        harness.CheckFloat("sinf", LibmF.Sin, MathF.Sin, Mixed, Count, 1),
        harness.CheckFloat("cosf", LibmF.Cos, MathF.Cos, Mixed, Count, 1),
        harness.CheckFloat("tanf", LibmF.Tan, MathF.Tan, Mixed, Count, 1),
        harness.CheckFloat("asinf", LibmF.Asin, MathF.Asin, r => (float)Uniform(r, -1.1, 1.1), Count, 1),
        harness.CheckFloat("acosf", LibmF.Acos, MathF.Acos, r => (float)Uniform(r, -1.1, 1.1), Count, 1),
        harness.CheckFloat("atanf", LibmF.Atan, MathF.Atan, Mixed, Count, 1),
    }, w => Assert.True(w <= 1));

    [Fact]
    public void ExpLog() => Assert.All(new[]
    {
        harness.CheckFloat("expf", LibmF.Exp, MathF.Exp, r => (float)Uniform(r, -105, 89), Count, 1),
        harness.CheckFloat("exp2f", LibmF.Exp2, HostLibm.exp2f, r => (float)Uniform(r, -151, 129), Count, 1),
        harness.CheckFloat("expm1f", LibmF.Expm1, HostLibm.expm1f, Mixed, Count, 1),
        harness.CheckFloat("logf", LibmF.Log, MathF.Log, Positive, Count, 1),
        harness.CheckFloat("log2f", LibmF.Log2, MathF.Log2, Positive, Count, 1),
        harness.CheckFloat("log10f", LibmF.Log10, MathF.Log10, Positive, Count, 2), // glibc log10f: up to 2 ulp
        harness.CheckFloat("log1pf", LibmF.Log1p, HostLibm.log1pf, Mixed, Count, 1),
        harness.CheckFloat("cbrtf", LibmF.Cbrt, MathF.Cbrt, Mixed, Count, 1),
        harness.CheckFloat("sinhf", LibmF.Sinh, MathF.Sinh, r => (float)Uniform(r, -90, 90), Count, 2),
        harness.CheckFloat("coshf", LibmF.Cosh, MathF.Cosh, r => (float)Uniform(r, -90, 90), Count, 2),
        harness.CheckFloat("tanhf", LibmF.Tanh, MathF.Tanh, Mixed, Count, 2),
        harness.CheckFloat("asinhf", LibmF.Asinh, MathF.Asinh, Mixed, Count, 2),
        harness.CheckFloat("acoshf", LibmF.Acosh, MathF.Acosh, r => 1f + Positive(r), Count, 2),
        harness.CheckFloat("atanhf", LibmF.Atanh, MathF.Atanh, r => (float)Uniform(r, -1, 1), Count, 2),
    }, w => Assert.True(w <= 2));

    [Fact]
    public void Powf()
    {
        var rng = new Random(3);
        long worst = 0;
        for (int i = 0; i < Count; i++)
        {
            float x = rng.Next(4) == 0 ? AnyFloatBits(rng) : (float)Uniform(rng, -20, 20);
            float y = rng.Next(3) == 0 ? rng.Next(-60, 60) : (float)Uniform(rng, -40, 40);
            long d = Distance(LibmF.Pow(x, y), MathF.Pow(x, y));
            Assert.True(d <= 1, $"powf({x:R}, {y:R}) = {LibmF.Pow(x, y):R}, host {MathF.Pow(x, y):R}");
            worst = System.Math.Max(worst, d);
        }
        output.WriteLine($"powf: max {worst} ulp over {Count} inputs");
    }

    [Fact]
    public void RoundingFamilyIsExact()
    {
        var rng = new Random(4);
        for (int i = 0; i < Count; i++)
        {
            float x = Mixed(rng), y = Mixed(rng);
            Assert.Equal(0, Distance(LibmF.Floor(x), MathF.Floor(x)));
            Assert.Equal(0, Distance(LibmF.Ceil(x), MathF.Ceiling(x)));
            Assert.Equal(0, Distance(LibmF.Trunc(x), MathF.Truncate(x)));
            Assert.Equal(0, Distance(LibmF.Round(x), MathF.Round(x, MidpointRounding.AwayFromZero)));
            Assert.Equal(0, Distance(LibmF.Fmod(x, y), (float)HostLibm.fmod(x, y)));
            float frac = LibmF.Modf(x, out float ip);
            double hf = HostLibm.modf(x, out double hip);
            Assert.Equal(BitConverter.SingleToInt32Bits((float)hf), BitConverter.SingleToInt32Bits(frac) | (float.IsNaN(frac) ? 0 : 0));
            Assert.Equal(0, Distance(ip, (float)hip));
        }
        Assert.Equal(BitConverter.SingleToInt32Bits(-0f), BitConverter.SingleToInt32Bits(LibmF.Sin(-0f)));
        Assert.True(float.IsNaN(LibmF.Sin(float.PositiveInfinity)));
        Assert.Equal(float.PositiveInfinity, LibmF.Exp(89f));
        Assert.Equal(float.PositiveInfinity, LibmF.Pow(-0f, -3f) is var p && p < 0 ? -p : float.NaN);
    }
}
