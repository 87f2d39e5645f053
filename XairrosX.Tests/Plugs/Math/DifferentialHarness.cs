using System;
using Xunit;
using Xunit.Abstractions;

namespace XairrosX.Tests.Plugs.Math;

/// <summary>Runs ours against the host libm (glibc via System.Math) and asserts the worst ulp distance.</summary>
public sealed class DifferentialHarness(ITestOutputHelper output)
{
    /// <summary>Worst distance of a unary function over the inputs; asserts it is at most maxUlp.</summary>
    public long Check(string name, Func<double, double> ours, Func<double, double> reference,
        Func<Random, double> input, int count, long maxUlp, int seed = 12345) =>
        Check(name, (x, _) => ours(x), (x, _) => reference(x), r => (input(r), 0.0), count, maxUlp, seed);

    /// <summary>Binary version (unary functions pass y = 0, which the report then shows).</summary>
    public long Check(string name, Func<double, double, double> ours, Func<double, double, double> reference,
        Func<Random, (double, double)> input, int count, long maxUlp, int seed = 12345)
    {
        var rng = new Random(seed);
        long worst = 0;
        double wx = 0, wy = 0, wa = 0, wb = 0;
        for (int i = 0; i < count; i++)
        {
            (double x, double y) = input(rng);
            double a = ours(x, y), b = reference(x, y);
            long d = UlpMeter.Distance(a, b);
            if (d > worst)
            {
                worst = d;
                (wx, wy, wa, wb) = (x, y, a, b);
            }
        }
        output.WriteLine($"{name}: max {worst} ulp over {count} inputs" +
                         (worst > 0 ? $" (worst x={wx:R}, y={wy:R}: ours {wa:R}, host {wb:R})" : ""));
        Assert.True(worst <= maxUlp, $"{name}: {worst} ulp at ({wx:R}, {wy:R}): ours {wa:R}, host {wb:R}");
        return worst;
    }

    /// <summary>Float version (float functions against MathF, i.e. glibc's *f functions).</summary>
    public long CheckFloat(string name, Func<float, float> ours, Func<float, float> reference,
        Func<Random, float> input, int count, long maxUlp, int seed = 12345)
    {
        var rng = new Random(seed);
        long worst = 0;
        float wx = 0, wa = 0, wb = 0;
        for (int i = 0; i < count; i++)
        {
            float x = input(rng);
            float a = ours(x), b = reference(x);
            long d = UlpMeter.Distance(a, b);
            if (d > worst) (worst, wx, wa, wb) = (d, x, a, b);
        }
        output.WriteLine($"{name}: max {worst} ulp over {count} inputs" +
                         (worst > 0 ? $" (worst x={wx:R}: ours {wa:R}, host {wb:R})" : ""));
        Assert.True(worst <= maxUlp, $"{name}: {worst} ulp at x={wx:R}: ours {wa:R}, host {wb:R}");
        return worst;
    }
}
