using System.Runtime.Intrinsics.X86;

namespace XairrosX.Plugs.Math;

/// <summary>
/// Error-free transformations (Knuth TwoSum, Dekker/FMA TwoProd) that let the libm carry a value as an
/// unevaluated sum hi + lo of two doubles (~106 bits). The FMA instruction is used only behind
/// <see cref="Fma.IsSupported"/>: System.Math.FusedMultiplyAdd would otherwise call the C library.
/// </summary>
internal static class DoubleDouble
{
    /// <summary>2^27 + 1: Veltkamp's splitter for 53-bit significands.</summary>
    private const double Splitter = 134217729.0;

    /// <summary>a * b + c, fused when the CPU can (one rounding), else two roundings.</summary>
    internal static double MulAdd(double a, double b, double c) =>
        Fma.IsSupported ? System.Math.FusedMultiplyAdd(a, b, c) : a * b + c;

    /// <summary>s + err == a + b exactly, s = fl(a + b). No ordering requirement.</summary>
    internal static double TwoSum(double a, double b, out double err)
    {
        double s = a + b;
        double bv = s - a;
        double av = s - bv;
        err = (a - av) + (b - bv);
        return s;
    }

    /// <summary>s + err == a + b exactly, provided |a| &gt;= |b| (or a == 0).</summary>
    internal static double FastTwoSum(double a, double b, out double err)
    {
        double s = a + b;
        err = b - (s - a);
        return s;
    }

    /// <summary>p + err == a * b exactly (barring overflow/underflow), p = fl(a * b).</summary>
    internal static double TwoProd(double a, double b, out double err)
    {
        double p = a * b;
        if (Fma.IsSupported)
        {
            err = System.Math.FusedMultiplyAdd(a, b, -p);
            return p;
        }
        double ta = Splitter * a;
        double ah = ta - (ta - a);
        double al = a - ah;
        double tb = Splitter * b;
        double bh = tb - (tb - b);
        double bl = b - bh;
        err = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
        return p;
    }

    /// <summary>(aHi + aLo) / (bHi + bLo) as a double-double (relative error ~2^-100).</summary>
    internal static double Divide(double aHi, double aLo, double bHi, double bLo, out double lo)
    {
        double q = aHi / bHi;
        double p = TwoProd(q, bHi, out double pe);
        double rho = ((aHi - p) - pe) + aLo - q * bLo;
        return FastTwoSum(q, rho / bHi, out lo);
    }

    /// <summary>(aHi + aLo) * (bHi + bLo) as a double-double.</summary>
    internal static double Multiply(double aHi, double aLo, double bHi, double bLo, out double lo)
    {
        double p = TwoProd(aHi, bHi, out double pe);
        return FastTwoSum(p, pe + (aHi * bLo + aLo * bHi), out lo);
    }

    /// <summary>(aHi + aLo) + (bHi + bLo) as a double-double.</summary>
    internal static double Add(double aHi, double aLo, double bHi, double bLo, out double lo)
    {
        double s = TwoSum(aHi, bHi, out double se);
        return FastTwoSum(s, se + aLo + bLo, out lo);
    }

    /// <summary>sqrt(aHi + aLo) for aHi &gt; 0 as a double-double (sqrtsd plus one Newton correction).</summary>
    internal static double Sqrt(double aHi, double aLo, out double lo)
    {
        double s = System.Math.Sqrt(aHi);
        double sq = TwoProd(s, s, out double sqe);
        double corr = (((aHi - sq) - sqe) + aLo) / (2.0 * s);
        return FastTwoSum(s, corr, out lo);
    }
}
