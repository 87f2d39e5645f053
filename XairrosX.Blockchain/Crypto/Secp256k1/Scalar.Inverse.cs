using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Variable-time inversion for public scalars (signature values during verification and recovery).</summary>
internal static class ScalarInverse
{
    private static ReadOnlySpan<ulong> Order => [0xBFD25E8CD0364141UL, 0xBAAEDCE6AF48A03BUL, 0xFFFFFFFFFFFFFFFEUL, 0xFFFFFFFFFFFFFFFFUL];

    /// <summary>
    /// 1/a mod n by the binary extended Euclidean algorithm: several times faster than Fermat's 316 multiplications,
    /// but its running time depends on a, so it must only see public values. Returns 0 for 0.
    /// </summary>
    public static Scalar InvertVariableTime(in Scalar a)
    {
        if (a.IsZero) return Scalar.Zero;
        Span<ulong> u = [a.L0, a.L1, a.L2, a.L3];
        Span<ulong> v = stackalloc ulong[4];
        Order.CopyTo(v);
        Span<ulong> x1 = [1, 0, 0, 0];
        Span<ulong> x2 = [0, 0, 0, 0];
        // Invariants: x1·a ≡ u and x2·a ≡ v (mod n); gcd(u, v) = 1 throughout because n is prime.
        while (!IsOne(u) && !IsOne(v))
        {
            while ((u[0] & 1) == 0)
            {
                ShiftRight(u, 0);
                Halve(x1);
            }
            while ((v[0] & 1) == 0)
            {
                ShiftRight(v, 0);
                Halve(x2);
            }
            if (Compare(u, v) >= 0)
            {
                Subtract(u, v);
                SubtractModOrder(x1, x2);
            }
            else
            {
                Subtract(v, u);
                SubtractModOrder(x2, x1);
            }
        }
        Span<ulong> result = IsOne(u) ? x1 : x2;
        return new Scalar(result[0], result[1], result[2], result[3]);
    }

    private static bool IsOne(ReadOnlySpan<ulong> x) => x[0] == 1 && (x[1] | x[2] | x[3]) == 0;

    private static int Compare(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> y)
    {
        for (int i = 3; i >= 0; i--)
        {
            if (x[i] != y[i]) return x[i] > y[i] ? 1 : -1;
        }
        return 0;
    }

    /// <summary>x -= y; returns the borrow.</summary>
    private static ulong Subtract(Span<ulong> x, ReadOnlySpan<ulong> y)
    {
        ulong borrow = 0;
        for (int i = 0; i < 4; i++) x[i] = WideArithmetic.SubBorrow(x[i], y[i], ref borrow);
        return borrow;
    }

    /// <summary>Shifts right by one, bringing <paramref name="topBit"/> in at bit 255.</summary>
    private static void ShiftRight(Span<ulong> x, ulong topBit)
    {
        x[0] = (x[0] >> 1) | (x[1] << 63);
        x[1] = (x[1] >> 1) | (x[2] << 63);
        x[2] = (x[2] >> 1) | (x[3] << 63);
        x[3] = (x[3] >> 1) | (topBit << 63);
    }

    /// <summary>x ← x/2 mod n: add n first when x is odd (the 257th bit of the sum comes back in by the shift).</summary>
    private static void Halve(Span<ulong> x)
    {
        ulong carry = 0;
        if ((x[0] & 1) != 0)
        {
            ReadOnlySpan<ulong> n = Order;
            for (int i = 0; i < 4; i++) x[i] = WideArithmetic.AddCarry(x[i], n[i], ref carry);
        }
        ShiftRight(x, carry);
    }

    /// <summary>x ← (x - y) mod n for reduced x and y.</summary>
    private static void SubtractModOrder(Span<ulong> x, ReadOnlySpan<ulong> y)
    {
        if (Subtract(x, y) == 0) return;
        ulong carry = 0;
        ReadOnlySpan<ulong> n = Order;
        for (int i = 0; i < 4; i++) x[i] = WideArithmetic.AddCarry(x[i], n[i], ref carry);
    }
}
