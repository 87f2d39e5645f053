using System;
using XairrosX.Plugs.Math;
using Xunit;
using static XairrosX.Tests.Plugs.Math.UlpMeter;

namespace XairrosX.Tests.Plugs.Math;

/// <summary>The software fma (used when the CPU lacks FMA) against the host's VFMADD instruction.</summary>
public sealed class LibmFmaTests
{
    private static (double, double, double) Operands(Random rng)
    {
        int s = rng.Next(100);
        if (s < 25) return (Uniform(rng, -4, 4), Uniform(rng, -4, 4), Uniform(rng, -16, 16));
        if (s < 45)
        {
            // Heavy cancellation: c close to -a*b.
            double a = LogUniform(rng, -60, 60), b = LogUniform(rng, -60, 60);
            return (a, b, -(a * b) * (1 + LogUniform(rng, -60, -1)));
        }
        if (s < 65) return (LogUniform(rng, -600, -400), LogUniform(rng, -700, -500), LogUniform(rng, -1074, -1000)); // subnormal results
        if (s < 80) return (LogUniform(rng, 400, 600), LogUniform(rng, 400, 600), LogUniform(rng, 900, 1023)); // overflow edge
        if (s < 95) return (LogUniform(rng, -1074, 1023), LogUniform(rng, -1074, 1023), LogUniform(rng, -1074, 1023));
        return (AnyBits(rng), AnyBits(rng), AnyBits(rng));
    }

    [Fact]
    public void SoftwareFma_MatchesTheInstructionBitForBit()
    {
        // The reference is the host instruction; a run with DOTNET_EnableFMA=0 (to exercise the libm's
        // non-FMA paths) has no reference, and Math.FusedMultiplyAdd would then call glibc's fma instead.
        if (!System.Runtime.Intrinsics.X86.Fma.IsSupported) return;
        var rng = new Random(21);
        for (int i = 0; i < 200_000; i++)
        {
            (double a, double b, double c) = Operands(rng);
            double expected = System.Math.FusedMultiplyAdd(a, b, c);
            double actual = Libm.SoftwareFma(a, b, c);
            Assert.True(double.IsNaN(expected) ? double.IsNaN(actual) : BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
                $"fma({a:R}, {b:R}, {c:R}) = {actual:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void SoftwareFma_SignedZerosAndSpecials()
    {
        double[] v = [0.0, -0.0, 1.0, -1.0, double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue,
                      double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e-200, -1e-200, 3.0];
        foreach (double a in v)
        foreach (double b in v)
        foreach (double c in v)
        {
            double expected = System.Math.FusedMultiplyAdd(a, b, c), actual = Libm.SoftwareFma(a, b, c);
            Assert.True(double.IsNaN(expected) ? double.IsNaN(actual) : BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
                $"fma({a:R}, {b:R}, {c:R}) = {actual:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void FloatFma_MatchesTheInstructionBitForBit()
    {
        var rng = new Random(22);
        for (int i = 0; i < 200_000; i++)
        {
            float a = rng.Next(4) == 0 ? AnyFloatBits(rng) : (float)LogUniform(rng, -80, 60);
            float b = rng.Next(4) == 0 ? AnyFloatBits(rng) : (float)LogUniform(rng, -80, 60);
            float c = rng.Next(3) == 0 ? -(a * b) * (1 + (float)LogUniform(rng, -30, -1)) : (float)LogUniform(rng, -149, 127);
            float expected = MathF.FusedMultiplyAdd(a, b, c), actual = LibmF.Fma(a, b, c);
            Assert.True(float.IsNaN(expected) ? float.IsNaN(actual) : BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual),
                $"fmaf({a:R}, {b:R}, {c:R}) = {actual:R}, expected {expected:R}");
        }
    }
}
