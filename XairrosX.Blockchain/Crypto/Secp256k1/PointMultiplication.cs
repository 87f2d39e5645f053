using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Scalar multiplication on secp256k1: a constant-time path for secrets and a fast variable-time path for verification.</summary>
internal static class PointMultiplication
{
    /// <summary>wNAF window for G in verification: 64 precomputed odd multiples 1G..127G.</summary>
    private const int GeneratorWindow = 8;

    /// <summary>wNAF window for other points in verification: odd multiples 1P..15P computed per call.</summary>
    private const int PointWindow = 5;

    private static readonly AffinePoint[] s_generatorOddMultiples = BuildGeneratorTable();

    private static AffinePoint[] BuildGeneratorTable()
    {
        var jacobian = new JacobianPoint[1 << (GeneratorWindow - 2)];
        FillOddMultiples(JacobianPoint.FromAffine(AffinePoint.Generator), jacobian);
        var table = new AffinePoint[jacobian.Length];
        JacobianPoint.ToAffineBatch(jacobian, table);
        return table;
    }

    /// <summary>table[i] = (2i + 1)·P.</summary>
    private static void FillOddMultiples(in JacobianPoint p, Span<JacobianPoint> table)
    {
        JacobianPoint twice = JacobianPoint.Double(p);
        table[0] = p;
        for (int i = 1; i < table.Length; i++) table[i] = JacobianPoint.Add(table[i - 1], twice);
    }

    /// <summary>k·G for a secret k, constant time in k.</summary>
    public static JacobianPoint MultiplyGenerator(in Scalar k) => MultiplyConstantTime(k, s_generatorOddMultiples.AsSpan(0, 8));

    /// <summary>k·P for a secret k and a public point P (ECDH), constant time in k.</summary>
    public static JacobianPoint Multiply(in Scalar k, in AffinePoint p)
    {
        Span<JacobianPoint> jacobian = stackalloc JacobianPoint[8];
        Span<AffinePoint> table = stackalloc AffinePoint[8];
        FillOddMultiples(JacobianPoint.FromAffine(p), jacobian);
        JacobianPoint.ToAffineBatch(jacobian, table);
        return MultiplyConstantTime(k, table);
    }

    /// <summary>
    /// k·P with a regular signed-digit recoding: k is made odd (k or n - k, result negated to match), then
    /// written as 1·16^64 + Σ d_i·16^i with every d_i odd in [-15, 15]. No digit is zero, so every step is
    /// four doublings and one addition of a table entry fetched by scanning the whole table.
    /// </summary>
    private static JacobianPoint MultiplyConstantTime(in Scalar k, ReadOnlySpan<AffinePoint> oddMultiples)
    {
        if (k.IsZero) return JacobianPoint.Infinity;
        ulong evenMask = 0 - ((k.L0 & 1) ^ 1);
        Scalar odd = Scalar.Select(evenMask, k, Scalar.Negate(k));
        Span<sbyte> digits = stackalloc sbyte[64];
        ulong l0 = odd.L0, l1 = odd.L1, l2 = odd.L2, l3 = odd.L3;
        for (int i = 0; i < 64; i++)
        {
            // d = (k mod 32) - 16; k - d = (k with the low 5 bits replaced by 16), a multiple of 16 whose quotient is odd.
            digits[i] = (sbyte)((int)(l0 & 31) - 16);
            l0 = (l0 & ~31UL) | 16;
            l0 = (l0 >> 4) | (l1 << 60);
            l1 = (l1 >> 4) | (l2 << 60);
            l2 = (l2 >> 4) | (l3 << 60);
            l3 >>= 4;
        }
        JacobianPoint accumulator = JacobianPoint.FromAffine(oddMultiples[0]);
        for (int i = 63; i >= 0; i--)
        {
            accumulator = JacobianPoint.Double(accumulator);
            accumulator = JacobianPoint.Double(accumulator);
            accumulator = JacobianPoint.Double(accumulator);
            accumulator = JacobianPoint.Double(accumulator);
            accumulator = JacobianPoint.AddMixed(accumulator, Lookup(oddMultiples, digits[i]));
        }
        FieldElement y = FieldElement.Select(evenMask, accumulator.Y, FieldElement.Negate(accumulator.Y));
        return new JacobianPoint(accumulator.X, y, accumulator.Z);
    }

    /// <summary>|digit|·P with the sign applied, reading every entry so the access pattern does not depend on the digit.</summary>
    private static AffinePoint Lookup(ReadOnlySpan<AffinePoint> oddMultiples, int digit)
    {
        int sign = digit >> 31;
        int index = (((digit ^ sign) - sign) - 1) >> 1;
        FieldElement x = oddMultiples[0].X, y = oddMultiples[0].Y;
        for (int j = 1; j < oddMultiples.Length; j++)
        {
            ulong mask = 0UL - (ulong)(((uint)(j ^ index) - 1) >> 31);
            x = FieldElement.Select(mask, x, oddMultiples[j].X);
            y = FieldElement.Select(mask, y, oddMultiples[j].Y);
        }
        y = FieldElement.Select((ulong)(long)sign, y, FieldElement.Negate(y));
        return new AffinePoint(x, y);
    }

    /// <summary>a·G + b·P, variable time (Strauss–Shamir with wNAF); for public inputs only.</summary>
    public static JacobianPoint MultiplyAndAdd(in Scalar a, in Scalar b, in JacobianPoint p)
    {
        Span<int> nafA = stackalloc int[258];
        Span<int> nafB = stackalloc int[258];
        int lengthA = Wnaf.Compute(a.L0, a.L1, a.L2, a.L3, GeneratorWindow, nafA);
        int lengthB = p.IsInfinity ? 0 : Wnaf.Compute(b.L0, b.L1, b.L2, b.L3, PointWindow, nafB);
        Span<JacobianPoint> pointTable = stackalloc JacobianPoint[1 << (PointWindow - 2)];
        if (lengthB > 0) FillOddMultiples(p, pointTable);
        AffinePoint[] generatorTable = s_generatorOddMultiples;
        JacobianPoint result = JacobianPoint.Infinity;
        for (int i = Math.Max(lengthA, lengthB) - 1; i >= 0; i--)
        {
            result = JacobianPoint.Double(result);
            int digit = nafA[i];
            if (digit > 0) result = JacobianPoint.AddMixed(result, generatorTable[digit >> 1]);
            else if (digit < 0) result = JacobianPoint.AddMixed(result, generatorTable[-digit >> 1].Negate());
            digit = nafB[i];
            if (digit > 0) result = JacobianPoint.Add(result, pointTable[digit >> 1]);
            else if (digit < 0) result = JacobianPoint.Add(result, pointTable[-digit >> 1].Negate());
        }
        return result;
    }
}
