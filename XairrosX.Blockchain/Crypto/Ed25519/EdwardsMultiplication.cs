using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Scalar multiplication on edwards25519: constant time for secrets, wNAF for verification.</summary>
internal static class EdwardsMultiplication
{
    private const int Window = 5;

    /// <summary>B, 3B, …, 15B.</summary>
    private static readonly EdwardsPoint[] s_baseOddMultiples = BuildOddMultiples(EdwardsPoint.Base);

    private static EdwardsPoint[] BuildOddMultiples(in EdwardsPoint p)
    {
        var table = new EdwardsPoint[1 << (Window - 2)];
        FillOddMultiples(p, table);
        return table;
    }

    private static void FillOddMultiples(in EdwardsPoint p, Span<EdwardsPoint> table)
    {
        EdwardsPoint twice = EdwardsPoint.Double(p);
        table[0] = p;
        for (int i = 1; i < table.Length; i++) table[i] = EdwardsPoint.Add(table[i - 1], twice);
    }

    /// <summary>Comb table for k·B: entry 8i + j is (2j + 1)·16^i·B, and one more entry holds 16^64·B.</summary>
    private static readonly EdwardsPoint[] s_baseComb = BuildBaseComb();

    private static EdwardsPoint[] BuildBaseComb()
    {
        var table = new EdwardsPoint[64 * 8 + 1];
        EdwardsPoint power = EdwardsPoint.Base;
        for (int i = 0; i < 64; i++)
        {
            FillOddMultiples(power, table.AsSpan(8 * i, 8));
            for (int d = 0; d < 4; d++) power = EdwardsPoint.Double(power);
        }
        table[^1] = power;
        return table;
    }

    /// <summary>
    /// k·B for a secret k &lt; L, constant time: <see cref="ScalarRecoding.RecodeRegular"/> of k or L - k (whichever is odd)
    /// gives k = 16^64 + Σ d_i·16^i, so k·B is 64 additions of comb entries, each fetched by scanning its row.
    /// The addition law is complete, so there are no exceptional cases to branch on.
    /// </summary>
    public static EdwardsPoint MultiplyBase(ReadOnlySpan<ulong> k)
    {
        ulong evenMask = 0 - ((k[0] & 1) ^ 1);
        Span<ulong> negated = stackalloc ulong[4];
        Ed25519Scalar.Negate(k, negated);
        Span<sbyte> digits = stackalloc sbyte[64];
        ScalarRecoding.RecodeRegular((k[0] & ~evenMask) | (negated[0] & evenMask), (k[1] & ~evenMask) | (negated[1] & evenMask),
            (k[2] & ~evenMask) | (negated[2] & evenMask), (k[3] & ~evenMask) | (negated[3] & evenMask), digits);
        ReadOnlySpan<EdwardsPoint> comb = s_baseComb;
        EdwardsPoint accumulator = comb[^1];
        for (int i = 0; i < 64; i++) accumulator = EdwardsPoint.Add(accumulator, Lookup(comb.Slice(8 * i, 8), digits[i]));
        return new EdwardsPoint(Field25519.Select(evenMask, accumulator.X, Field25519.Negate(accumulator.X)), accumulator.Y, accumulator.Z,
            Field25519.Select(evenMask, accumulator.T, Field25519.Negate(accumulator.T)));
    }

    private static EdwardsPoint Lookup(ReadOnlySpan<EdwardsPoint> table, int digit)
    {
        int index = ScalarRecoding.DigitIndex(digit, out ulong negative);
        EdwardsPoint p = table[0];
        Field25519 x = p.X, y = p.Y, z = p.Z, t = p.T;
        for (int j = 1; j < table.Length; j++)
        {
            ulong mask = ScalarRecoding.EqualMask(j, index);
            x = Field25519.Select(mask, x, table[j].X);
            y = Field25519.Select(mask, y, table[j].Y);
            z = Field25519.Select(mask, z, table[j].Z);
            t = Field25519.Select(mask, t, table[j].T);
        }
        return new EdwardsPoint(Field25519.Select(negative, x, Field25519.Negate(x)), y, z, Field25519.Select(negative, t, Field25519.Negate(t)));
    }

    /// <summary>a·B + b·P in variable time (public inputs only).</summary>
    public static EdwardsPoint MultiplyAndAdd(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, in EdwardsPoint p)
    {
        Span<int> nafA = stackalloc int[258];
        Span<int> nafB = stackalloc int[258];
        int lengthA = ScalarRecoding.Compute(a[0], a[1], a[2], a[3], Window, nafA);
        int lengthB = ScalarRecoding.Compute(b[0], b[1], b[2], b[3], Window, nafB);
        Span<EdwardsPoint> pointTable = stackalloc EdwardsPoint[1 << (Window - 2)];
        FillOddMultiples(p, pointTable);
        EdwardsPoint[] baseTable = s_baseOddMultiples;
        EdwardsPoint result = EdwardsPoint.Identity;
        for (int i = Math.Max(lengthA, lengthB) - 1; i >= 0; i--)
        {
            result = EdwardsPoint.Double(result);
            int digit = nafA[i];
            if (digit > 0) result = EdwardsPoint.Add(result, baseTable[digit >> 1]);
            else if (digit < 0) result = EdwardsPoint.Add(result, baseTable[-digit >> 1].Negate());
            digit = nafB[i];
            if (digit > 0) result = EdwardsPoint.Add(result, pointTable[digit >> 1]);
            else if (digit < 0) result = EdwardsPoint.Add(result, pointTable[-digit >> 1].Negate());
        }
        return result;
    }
}
