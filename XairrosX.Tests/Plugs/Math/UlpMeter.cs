using System;

namespace XairrosX.Tests.Plugs.Math;

/// <summary>Distance in units in the last place and deterministic input generators for the libm tests.</summary>
public static class UlpMeter
{
    /// <summary>Number of representable doubles between a and b (0 if both NaN, long.MaxValue if one is).</summary>
    public static long Distance(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return double.IsNaN(a) && double.IsNaN(b) ? 0 : long.MaxValue;
        long oa = Ordered(BitConverter.DoubleToInt64Bits(a));
        long ob = Ordered(BitConverter.DoubleToInt64Bits(b));
        return System.Math.Abs(oa - ob);
    }

    /// <summary>Same for floats.</summary>
    public static long Distance(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b)) return float.IsNaN(a) && float.IsNaN(b) ? 0 : long.MaxValue;
        long oa = Ordered(BitConverter.SingleToInt32Bits(a));
        long ob = Ordered(BitConverter.SingleToInt32Bits(b));
        return System.Math.Abs(oa - ob);
    }

    private static long Ordered(long bits) => bits >= 0 ? bits : -(bits & long.MaxValue);

    /// <summary>Uniform in [lo, hi).</summary>
    public static double Uniform(Random rng, double lo, double hi) => lo + (hi - lo) * rng.NextDouble();

    /// <summary>Random sign, binary exponent uniform in [minExp, maxExp], random 52-bit fraction.</summary>
    public static double LogUniform(Random rng, int minExp, int maxExp, bool signed = true)
    {
        int e = rng.Next(minExp, maxExp + 1);
        ulong fraction = (ulong)rng.NextInt64() & 0x000F_FFFF_FFFF_FFFF;
        double v;
        if (e < -1022)
        {
            // Subnormal with its leading bit at position e + 1074 of the raw fraction.
            int top = System.Math.Max(e + 1074, 0);
            ulong bits = (1UL << top) | (fraction & ((1UL << top) - 1));
            v = BitConverter.Int64BitsToDouble((long)bits);
        }
        else v = BitConverter.Int64BitsToDouble((long)(((ulong)(e + 1023) << 52) | fraction));
        return signed && rng.Next(2) == 0 ? -v : v;
    }

    /// <summary>Any bit pattern: NaNs, infinities, subnormals and zeros included.</summary>
    public static double AnyBits(Random rng) => BitConverter.Int64BitsToDouble(rng.NextInt64() ^ ((long)rng.Next(2) << 63));

    /// <summary>Any float bit pattern.</summary>
    public static float AnyFloatBits(Random rng) => BitConverter.Int32BitsToSingle(rng.Next() ^ (rng.Next(2) << 31));
}
