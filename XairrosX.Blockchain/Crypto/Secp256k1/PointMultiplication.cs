using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Scalar multiplication on secp256k1: a constant-time path for secrets and a fast variable-time path for verification.</summary>
internal static class PointMultiplication
{
    /// <summary>wNAF window for G in verification: 1024 precomputed odd multiples 1G..2047G (and their λ images), built once.</summary>
    private const int GeneratorWindow = 12;

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

    /// <summary>Signed-digit width of the comb for k·G: 43 digits of 6 bits, so 43 additions.</summary>
    private const int CombWindow = 6, CombDigits = 43, CombEntries = 1 << (CombWindow - 1);

    /// <summary>Comb table for k·G: entry 32i + j is (2j + 1)·64^i·G, and one more entry holds 64^43·G.</summary>
    private static readonly AffinePoint[] s_generatorComb = BuildGeneratorComb();

    private static AffinePoint[] BuildGeneratorComb()
    {
        var jacobian = new JacobianPoint[CombDigits * CombEntries + 1];
        JacobianPoint power = JacobianPoint.FromAffine(AffinePoint.Generator);
        for (int i = 0; i < CombDigits; i++)
        {
            FillOddMultiples(power, jacobian.AsSpan(CombEntries * i, CombEntries));
            for (int d = 0; d < CombWindow; d++) power = JacobianPoint.Double(power);
        }
        jacobian[^1] = power;
        var table = new AffinePoint[jacobian.Length];
        JacobianPoint.ToAffineBatch(jacobian, table);
        return table;
    }

    /// <summary>
    /// k·G for a secret k, constant time in k: with k = 64^43 + Σ d_i·64^i (<see cref="ScalarRecoding.RecodeRegularWindow"/>),
    /// k·G = 64^43·G + Σ d_i·(64^i·G), 43 mixed additions of comb entries fetched by full scans and no doublings.
    /// The partial sums cannot meet the next entry (the addition's special cases) except with negligible probability.
    /// </summary>
    public static JacobianPoint MultiplyGenerator(in Scalar k)
    {
        if (k.IsZero) return JacobianPoint.Infinity;
        ulong evenMask = 0 - ((k.L0 & 1) ^ 1);
        Scalar odd = Scalar.Select(evenMask, k, Scalar.Negate(k));
        Span<sbyte> digits = stackalloc sbyte[CombDigits];
        ScalarRecoding.RecodeRegularWindow(odd.L0, odd.L1, odd.L2, odd.L3, CombWindow, digits);
        ReadOnlySpan<AffinePoint> comb = s_generatorComb;
        JacobianPoint accumulator = JacobianPoint.FromAffine(comb[^1]);
        for (int i = 0; i < CombDigits; i++)
            accumulator = JacobianPoint.AddMixed(accumulator, Lookup(comb.Slice(CombEntries * i, CombEntries), digits[i]));
        FieldElement y = FieldElement.Select(evenMask, accumulator.Y, FieldElement.Negate(accumulator.Y));
        return new JacobianPoint(accumulator.X, y, accumulator.Z);
    }

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
    /// k·P with the regular signed-digit recoding of <see cref="ScalarRecoding.RecodeRegular"/>: k is made odd (k or n - k,
    /// result negated to match). No digit is zero, so every step is four doublings and one addition of a table
    /// entry fetched by scanning the whole table.
    /// </summary>
    private static JacobianPoint MultiplyConstantTime(in Scalar k, ReadOnlySpan<AffinePoint> oddMultiples)
    {
        if (k.IsZero) return JacobianPoint.Infinity;
        ulong evenMask = 0 - ((k.L0 & 1) ^ 1);
        Scalar odd = Scalar.Select(evenMask, k, Scalar.Negate(k));
        Span<sbyte> digits = stackalloc sbyte[64];
        ScalarRecoding.RecodeRegular(odd.L0, odd.L1, odd.L2, odd.L3, digits);
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
    /// <remarks>
    /// The entries are scanned as words: an affine point is its ten limbs (x then y) followed by the infinity flag,
    /// and each entry's ten limbs are ANDed with an all-ones or all-zero mask and ORed together, four at a time in
    /// vector registers (Vector256/Vector128 fall back to scalar code where the hardware lacks them).
    /// </remarks>
    private static AffinePoint Lookup(ReadOnlySpan<AffinePoint> oddMultiples, int digit)
    {
        int index = ScalarRecoding.DigitIndex(digit, out ulong negative);
        ReadOnlySpan<ulong> words = MemoryMarshal.Cast<AffinePoint, ulong>(oddMultiples);
        int stride = Unsafe.SizeOf<AffinePoint>() / sizeof(ulong);
        Vector256<ulong> low = Vector256<ulong>.Zero, middle = Vector256<ulong>.Zero;
        Vector128<ulong> high = Vector128<ulong>.Zero;
        for (int j = 0; j < oddMultiples.Length; j++)
        {
            ReadOnlySpan<ulong> entry = words.Slice(j * stride, 10);
            ulong mask = ScalarRecoding.EqualMask(j, index);
            low |= Vector256.Create(entry) & Vector256.Create(mask);
            middle |= Vector256.Create(entry.Slice(4)) & Vector256.Create(mask);
            high |= Vector128.Create(entry.Slice(8)) & Vector128.Create(mask);
        }
        FieldElement x = FieldElement.FromLimbs(low[0], low[1], low[2], low[3], middle[0]);
        FieldElement y = FieldElement.FromLimbs(middle[1], middle[2], middle[3], high[0], high[1]);
        y = FieldElement.Select(negative, y, FieldElement.Negate(y));
        return new AffinePoint(x, y);
    }

    /// <summary>a·G + b·P, variable time (Strauss–Shamir with wNAF and the GLV endomorphism); for public inputs only.</summary>
    /// <remarks>
    /// Each scalar is split as k1 + k2·λ with 128-bit halves, and λ·(x, y) = (β·x, y) costs one field multiplication,
    /// so the four half-length multiplications share 129 doublings instead of 256. The odd multiples of P are built
    /// on an isomorphic curve where they share one Z, which makes them affine there (see
    /// <see cref="JacobianPoint.AddMixedScaled"/>); the accumulator lives on that curve and comes back at the end.
    /// </remarks>
    public static JacobianPoint MultiplyAndAdd(in Scalar a, in Scalar b, in AffinePoint p)
    {
        Scalar.SplitLambda(a, out Scalar a1, out Scalar a2);
        Scalar.SplitLambda(b, out Scalar b1, out Scalar b2);
        bool negateA1 = MakeSmall(ref a1), negateA2 = MakeSmall(ref a2), negateB1 = MakeSmall(ref b1), negateB2 = MakeSmall(ref b2);
        Span<int> nafA1 = stackalloc int[258];
        Span<int> nafA2 = stackalloc int[258];
        Span<int> nafB1 = stackalloc int[258];
        Span<int> nafB2 = stackalloc int[258];
        int length = Math.Max(ScalarRecoding.Compute(a1.L0, a1.L1, a1.L2, a1.L3, GeneratorWindow, nafA1),
            ScalarRecoding.Compute(a2.L0, a2.L1, a2.L2, a2.L3, GeneratorWindow, nafA2));
        Span<AffinePoint> pointTable = stackalloc AffinePoint[1 << (PointWindow - 2)];
        Span<AffinePoint> lambdaTable = stackalloc AffinePoint[1 << (PointWindow - 2)];
        bool withPoint = !p.IsInfinity && !b.IsZero;
        FieldElement scale = FieldElement.One;
        if (withPoint)
        {
            length = Math.Max(length, Math.Max(ScalarRecoding.Compute(b1.L0, b1.L1, b1.L2, b1.L3, PointWindow, nafB1),
                ScalarRecoding.Compute(b2.L0, b2.L1, b2.L2, b2.L3, PointWindow, nafB2)));
            scale = FillOddMultiplesSharedZ(p, pointTable);
            for (int i = 0; i < pointTable.Length; i++)
                lambdaTable[i] = new AffinePoint(FieldElement.Multiply(pointTable[i].X, Beta), pointTable[i].Y);
        }
        AffinePoint[] generatorTable = s_generatorOddMultiples, generatorLambdaTable = s_generatorLambdaOddMultiples;
        JacobianPoint result = JacobianPoint.Infinity;
        for (int i = length - 1; i >= 0; i--)
        {
            result = JacobianPoint.Double(result);
            if (withPoint)
            {
                AddGeneratorDigit(ref result, generatorTable, nafA1[i], negateA1, scale);
                AddGeneratorDigit(ref result, generatorLambdaTable, nafA2[i], negateA2, scale);
                AddDigit(ref result, pointTable, nafB1[i], negateB1);
                AddDigit(ref result, lambdaTable, nafB2[i], negateB2);
            }
            else
            {
                AddDigit(ref result, generatorTable, nafA1[i], negateA1);
                AddDigit(ref result, generatorLambdaTable, nafA2[i], negateA2);
            }
        }
        if (result.IsInfinity || !withPoint) return result;
        return new JacobianPoint(result.X, result.Y, FieldElement.Multiply(result.Z, scale));
    }

    /// <summary>
    /// Fills <paramref name="table"/> with (2i + 1)·P as affine points of the isomorphic curve with the returned scale K
    /// (a point (X : Y : Z) of secp256k1 is (X : Y : Z/K) there). First 2P = (X : Y : C) is made affine by scaling with C,
    /// the multiples follow by mixed additions of it, and then every entry is brought to the last entry's Z using the
    /// Z ratios of those additions, so K = C · Z_last. No inversion.
    /// </summary>
    private static FieldElement FillOddMultiplesSharedZ(in AffinePoint p, Span<AffinePoint> table)
    {
        JacobianPoint twice = JacobianPoint.Double(JacobianPoint.FromAffine(p));
        FieldElement c = twice.Z;
        var twiceScaled = new AffinePoint(twice.X, twice.Y);
        FieldElement c2 = FieldElement.Square(c);
        Span<JacobianPoint> multiples = stackalloc JacobianPoint[table.Length];
        Span<FieldElement> ratios = stackalloc FieldElement[table.Length];
        multiples[0] = new JacobianPoint(FieldElement.Multiply(p.X, c2), FieldElement.Multiply(p.Y, FieldElement.Multiply(c2, c)), FieldElement.One);
        for (int i = 1; i < table.Length; i++)
            multiples[i] = JacobianPoint.AddMixedWithRatio(multiples[i - 1], twiceScaled, out ratios[i]);
        int last = table.Length - 1;
        table[last] = new AffinePoint(multiples[last].X, multiples[last].Y);
        FieldElement s = FieldElement.One;
        for (int i = last - 1; i >= 0; i--)
        {
            s = FieldElement.Multiply(s, ratios[i + 1]);
            FieldElement s2 = FieldElement.Square(s);
            table[i] = new AffinePoint(FieldElement.Multiply(multiples[i].X, s2), FieldElement.Multiply(multiples[i].Y, FieldElement.Multiply(s2, s)));
        }
        return FieldElement.Multiply(c, multiples[last].Z);
    }

    /// <summary>β, the cube root of unity in GF(p) matching λ.</summary>
    private static FieldElement Beta => new(0xC1396C28719501EEUL, 0x9CF0497512F58995UL, 0x6E64479EAC3434E9UL, 0x7AE96A2B657C0710UL);

    private static readonly AffinePoint[] s_generatorLambdaOddMultiples = BuildLambdaTable();

    private static AffinePoint[] BuildLambdaTable()
    {
        var table = new AffinePoint[s_generatorOddMultiples.Length];
        for (int i = 0; i < table.Length; i++)
            table[i] = new AffinePoint(FieldElement.Multiply(s_generatorOddMultiples[i].X, Beta).Normalize(), s_generatorOddMultiples[i].Y);
        return table;
    }

    /// <summary>Replaces a split half by its negation when that is the short one; returns whether it did.</summary>
    private static bool MakeSmall(ref Scalar half)
    {
        if (!half.IsHigh) return false;
        half = Scalar.Negate(half);
        return true;
    }

    private static void AddDigit(ref JacobianPoint result, ReadOnlySpan<AffinePoint> table, int digit, bool negate)
    {
        if (digit == 0) return;
        AffinePoint entry = table[Math.Abs(digit) >> 1];
        result = JacobianPoint.AddMixed(result, (digit < 0) != negate ? entry.Negate() : entry);
    }

    /// <summary>Adds a generator-table digit to an accumulator that lives on the isomorphic curve of scale <paramref name="scale"/>.</summary>
    private static void AddGeneratorDigit(ref JacobianPoint result, ReadOnlySpan<AffinePoint> table, int digit, bool negate, in FieldElement scale)
    {
        if (digit == 0) return;
        AffinePoint entry = table[Math.Abs(digit) >> 1];
        result = JacobianPoint.AddMixedScaled(result, (digit < 0) != negate ? entry.Negate() : entry, scale);
    }
}
