namespace XairrosX.Blockchain.Crypto;

/// <summary>Fixed addition chains for inversion and square roots in GF(p).</summary>
internal static class FieldPowers
{
    /// <summary>a^(2^223 - 1) and the shorter runs of ones both chains reuse.</summary>
    private static FieldElement Ones223(in FieldElement a, out FieldElement x2, out FieldElement x22)
    {
        x2 = FieldElement.Multiply(FieldElement.Square(a), a);
        FieldElement x3 = FieldElement.Multiply(FieldElement.Square(x2), a);
        FieldElement x6 = FieldElement.Multiply(FieldElement.SquareTimes(x3, 3), x3);
        FieldElement x9 = FieldElement.Multiply(FieldElement.SquareTimes(x6, 3), x3);
        FieldElement x11 = FieldElement.Multiply(FieldElement.SquareTimes(x9, 2), x2);
        x22 = FieldElement.Multiply(FieldElement.SquareTimes(x11, 11), x11);
        FieldElement x44 = FieldElement.Multiply(FieldElement.SquareTimes(x22, 22), x22);
        FieldElement x88 = FieldElement.Multiply(FieldElement.SquareTimes(x44, 44), x44);
        FieldElement x176 = FieldElement.Multiply(FieldElement.SquareTimes(x88, 88), x88);
        FieldElement x220 = FieldElement.Multiply(FieldElement.SquareTimes(x176, 44), x44);
        return FieldElement.Multiply(FieldElement.SquareTimes(x220, 3), x3);
    }

    /// <summary>a^(p-2) = 1/a (0 for 0). p - 2 in binary: 223 ones, 0, 22 ones, 0000101101.</summary>
    public static FieldElement Invert(in FieldElement a)
    {
        FieldElement t = Ones223(a, out FieldElement x2, out FieldElement x22);
        t = FieldElement.Multiply(FieldElement.SquareTimes(t, 23), x22);
        t = FieldElement.Multiply(FieldElement.SquareTimes(t, 5), a);
        t = FieldElement.Multiply(FieldElement.SquareTimes(t, 3), x2);
        return FieldElement.Multiply(FieldElement.SquareTimes(t, 2), a);
    }

    /// <summary>
    /// a^((p+1)/4), a square root when one exists (p ≡ 3 mod 4); returns false when a is not a square.
    /// (p+1)/4 in binary: 223 ones, 0, 22 ones, 00001100.
    /// </summary>
    public static bool TrySqrt(in FieldElement a, out FieldElement root)
    {
        FieldElement t = Ones223(a, out FieldElement x2, out FieldElement x22);
        t = FieldElement.Multiply(FieldElement.SquareTimes(t, 23), x22);
        t = FieldElement.Multiply(FieldElement.SquareTimes(t, 6), x2);
        root = FieldElement.SquareTimes(t, 2);
        return FieldElement.Equal(FieldElement.Square(root), a);
    }
}
