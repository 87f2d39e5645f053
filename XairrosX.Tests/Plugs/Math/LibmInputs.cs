using System;
using XairrosX.Plugs.Math;
using static XairrosX.Tests.Plugs.Math.UlpMeter;

namespace XairrosX.Tests.Plugs.Math;

/// <summary>Input distributions shared by the host-differential and the mpmath accuracy tests.</summary>
internal static class LibmInputs
{
    /// <summary>Inputs for exp-like functions.</summary>
    internal static double ExpInput(Random rng)
    {
        int s = rng.Next(100);
        if (s < 40) return Uniform(rng, -10, 10);
        if (s < 70) return Uniform(rng, -746, 710);
        if (s < 80) return Uniform(rng, -745.2, -708); // subnormal results
        if (s < 95) return LogUniform(rng, -60, 0);
        return Uniform(rng, 709, 710);
    }

    /// <summary>Whole positive range: subnormal, near 1 from both sides, huge.</summary>
    internal static double LogInput(Random rng)
    {
        int s = rng.Next(100);
        if (s < 35) return LogUniform(rng, -1022, 1023, signed: false);
        if (s < 55) return Uniform(rng, 0, 10);
        if (s < 70) return 1.0 + LogUniform(rng, -52, -1);
        if (s < 80) return 1.0 - LogUniform(rng, -53, -2, signed: false);
        if (s < 90) return Uniform(rng, 0.5, 2);
        return LogUniform(rng, -1074, -1023, signed: false);
    }

    /// <summary>Inputs for hyperbolic-like functions.</summary>
    internal static double HyperbolicInput(Random rng)
    {
        int s = rng.Next(100);
        if (s < 40) return Uniform(rng, -3, 3);
        if (s < 60) return Uniform(rng, -30, 30);
        if (s < 85) return LogUniform(rng, -40, 2);
        if (s < 95) return Uniform(rng, -711, 711);
        return LogUniform(rng, -1074, 1023);
    }

    /// <summary>Inputs for unit-like functions.</summary>
    internal static double UnitInput(Random rng)
    {
        int s = rng.Next(100);
        if (s < 50) return Uniform(rng, -1, 1);
        if (s < 70) return LogUniform(rng, -60, -1);
        if (s < 85) return (rng.Next(2) == 0 ? 1 : -1) * (1 - LogUniform(rng, -53, -2, signed: false));
        if (s < 95) return (rng.Next(2) == 0 ? 1 : -1) * Uniform(rng, 0.45, 0.55);
        return LogUniform(rng, -1074, -1000);
    }

    /// <summary>Inputs for atan-like functions.</summary>
    internal static double AtanInput(Random rng)
    {
        int s = rng.Next(100);
        if (s < 40) return Uniform(rng, -4, 4);
        if (s < 90) return LogUniform(rng, -70, 70);
        return LogUniform(rng, -1074, 1023);
    }

    /// <summary>Inputs for pow-like functions.</summary>
    internal static (double, double) PowInput(Random rng)
    {
        int s = rng.Next(100);
        if (s < 30) return (Uniform(rng, 0, 10), Uniform(rng, -30, 30));
        if (s < 50)
        {
            // Results spanning the whole range, subnormals included.
            double x = LogUniform(rng, -1074, 1023, signed: false);
            double target = Uniform(rng, -1075, 1024);
            return (x, target / Libm.Log2(x));
        }
        if (s < 65) return (1.0 + LogUniform(rng, -40, -5), LogUniform(rng, 0, 45));
        if (s < 80) return (-Uniform(rng, 0, 100), rng.Next(-200, 200)); // negative bases, integral y
        if (s < 90) return (Uniform(rng, 0, 2), Uniform(rng, -2000, 2000));
        return (LogUniform(rng, -1074, 1023), LogUniform(rng, -1074, 1023));
    }

    /// <summary>Small, medium, Cody–Waite range, Payne–Hanek range up to 1e308, subnormal.</summary>
    internal static double TrigInput(Random rng)
    {
        int s = rng.Next(100);
        if (s < 35) return Uniform(rng, -10, 10);
        if (s < 50) return Uniform(rng, -1e5, 1e5);
        if (s < 65) return LogUniform(rng, -40, 2);
        if (s < 80) return LogUniform(rng, 3, 30);
        if (s < 97) return LogUniform(rng, 30, 1023);
        return LogUniform(rng, -1074, -1000);
    }
}
