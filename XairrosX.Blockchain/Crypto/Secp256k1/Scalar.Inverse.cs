using System.Numerics;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Variable-time inversion for public scalars (signature values during verification and recovery).</summary>
internal static class ScalarInverse
{
    private const ulong N0 = 0xBFD25E8CD0364141UL, N1 = 0xBAAEDCE6AF48A03BUL, N2 = 0xFFFFFFFFFFFFFFFEUL, N3 = 0xFFFFFFFFFFFFFFFFUL;

    /// <summary>-1/n mod 2^64: the multiple of n that clears the low bits of a number (as in Montgomery reduction).</summary>
    private static readonly ulong s_minusInverseN0 = MinusInverse(N0);

    private static ulong MinusInverse(ulong odd)
    {
        // Newton's iteration doubles the number of correct low bits: 1 (any odd x is its own inverse mod 2) → 64.
        ulong inverse = odd;
        for (int i = 0; i < 6; i++) inverse *= 2 - odd * inverse;
        return 0 - inverse;
    }

    private struct Limbs
    {
        public ulong L0, L1, L2, L3;

        public Limbs(ulong l0, ulong l1, ulong l2, ulong l3)
        {
            L0 = l0; L1 = l1; L2 = l2; L3 = l3;
        }

        public readonly bool IsOne => L0 == 1 && (L1 | L2 | L3) == 0;
    }

    /// <summary>
    /// 1/a mod n by the binary extended Euclidean algorithm, with every run of trailing zeros removed in one step:
    /// several times faster than Fermat's exponentiation, but its running time depends on a, so it must only see
    /// public values. Returns 0 for 0.
    /// </summary>
    public static Scalar InvertVariableTime(in Scalar a)
    {
        if (a.IsZero) return Scalar.Zero;
        var u = new Limbs(a.L0, a.L1, a.L2, a.L3);
        var v = new Limbs(N0, N1, N2, N3);
        var x1 = new Limbs(1, 0, 0, 0);
        var x2 = new Limbs(0, 0, 0, 0);
        // Invariants: x1·a ≡ u and x2·a ≡ v (mod n); gcd(u, v) = 1 throughout because n is prime, so u = v only at 1.
        while (!u.IsOne && !v.IsOne)
        {
            RemoveTwos(ref u, ref x1);
            RemoveTwos(ref v, ref x2);
            if (GreaterOrEqual(u, v))
            {
                Subtract(ref u, v);
                SubtractModOrder(ref x1, x2);
            }
            else
            {
                Subtract(ref v, u);
                SubtractModOrder(ref x2, x1);
            }
        }
        Limbs result = u.IsOne ? x1 : x2;
        return new Scalar(result.L0, result.L1, result.L2, result.L3);
    }

    /// <summary>Divides the non-zero <paramref name="value"/> by its largest power of two, and its coefficient by the same power mod n.</summary>
    private static void RemoveTwos(ref Limbs value, ref Limbs coefficient)
    {
        while ((value.L0 & 1) == 0)
        {
            int shift = value.L0 == 0 ? 63 : BitOperations.TrailingZeroCount(value.L0);
            value = new Limbs((value.L0 >> shift) | (value.L1 << (64 - shift)), (value.L1 >> shift) | (value.L2 << (64 - shift)),
                (value.L2 >> shift) | (value.L3 << (64 - shift)), value.L3 >> shift);
            DivideByPowerOfTwo(ref coefficient, shift);
        }
    }

    /// <summary>x ← x / 2^shift mod n (1 ≤ shift ≤ 63): add the multiple m·n (m &lt; 2^shift) that clears the low bits, then shift; the result stays below n.</summary>
    private static void DivideByPowerOfTwo(ref Limbs x, int shift)
    {
        ulong m = (x.L0 * s_minusInverseN0) & ((1UL << shift) - 1);
        ulong carry = WideArithmetic.MulAdd(m, N0, x.L0, 0, out ulong s0);
        carry = WideArithmetic.MulAdd(m, N1, x.L1, carry, out ulong s1);
        carry = WideArithmetic.MulAdd(m, N2, x.L2, carry, out ulong s2);
        ulong s4 = WideArithmetic.MulAdd(m, N3, x.L3, carry, out ulong s3);
        x = new Limbs((s0 >> shift) | (s1 << (64 - shift)), (s1 >> shift) | (s2 << (64 - shift)),
            (s2 >> shift) | (s3 << (64 - shift)), (s3 >> shift) | (s4 << (64 - shift)));
    }

    private static bool GreaterOrEqual(in Limbs x, in Limbs y)
    {
        if (x.L3 != y.L3) return x.L3 > y.L3;
        if (x.L2 != y.L2) return x.L2 > y.L2;
        if (x.L1 != y.L1) return x.L1 > y.L1;
        return x.L0 >= y.L0;
    }

    /// <summary>x -= y; returns the borrow.</summary>
    private static ulong Subtract(ref Limbs x, in Limbs y)
    {
        ulong borrow = 0;
        ulong d0 = WideArithmetic.SubBorrow(x.L0, y.L0, ref borrow);
        ulong d1 = WideArithmetic.SubBorrow(x.L1, y.L1, ref borrow);
        ulong d2 = WideArithmetic.SubBorrow(x.L2, y.L2, ref borrow);
        ulong d3 = WideArithmetic.SubBorrow(x.L3, y.L3, ref borrow);
        x = new Limbs(d0, d1, d2, d3);
        return borrow;
    }

    /// <summary>x ← (x - y) mod n for reduced x and y.</summary>
    private static void SubtractModOrder(ref Limbs x, in Limbs y)
    {
        if (Subtract(ref x, y) == 0) return;
        ulong carry = 0;
        ulong s0 = WideArithmetic.AddCarry(x.L0, N0, ref carry);
        ulong s1 = WideArithmetic.AddCarry(x.L1, N1, ref carry);
        ulong s2 = WideArithmetic.AddCarry(x.L2, N2, ref carry);
        ulong s3 = WideArithmetic.AddCarry(x.L3, N3, ref carry);
        x = new Limbs(s0, s1, s2, s3);
    }
}
