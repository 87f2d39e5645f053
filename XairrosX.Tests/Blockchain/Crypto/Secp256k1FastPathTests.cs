using System;
using System.Globalization;
using System.Numerics;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

/// <summary>
/// Random differential tests of the fast paths against BigInteger: the 52-bit-limb field (long operation chains,
/// so unreduced intermediate forms feed later operations), the variable-time scalar inversion, and the
/// Strauss–GLV multiplication a·G + b·P at edge scalars (0, 1, n-1, the GLV split's boundaries) and where
/// additions meet the point at infinity.
/// </summary>
public class Secp256k1FastPathTests
{
    private static readonly BigInteger P = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", NumberStyles.HexNumber);
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber);
    private static readonly BigInteger Lambda = BigInteger.Parse("05363AD4CC05C30E0A5261C028812645A122E22EA20816678DF02967C1B23BD72", NumberStyles.HexNumber);
    private static readonly BigInteger Two128 = BigInteger.One << 128;
    private static readonly (BigInteger X, BigInteger Y) G = (
        BigInteger.Parse("079BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798", NumberStyles.HexNumber),
        BigInteger.Parse("0483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8", NumberStyles.HexNumber));

    private static BigInteger Mod(BigInteger x, BigInteger m) => ((x % m) + m) % m;

    private static BigInteger Big(in FieldElement f) =>
        new BigInteger(f.L0) + (new BigInteger(f.L1) << 64) + (new BigInteger(f.L2) << 128) + (new BigInteger(f.L3) << 192);

    private static BigInteger Big(in Scalar s) =>
        new BigInteger(s.L0) + (new BigInteger(s.L1) << 64) + (new BigInteger(s.L2) << 128) + (new BigInteger(s.L3) << 192);

    private static ulong Limb(BigInteger x, int i) => (ulong)((x >> (64 * i)) & ulong.MaxValue);

    private static FieldElement Field(BigInteger x) => new(Limb(x, 0), Limb(x, 1), Limb(x, 2), Limb(x, 3));

    private static Scalar ScalarOf(BigInteger x)
    {
        x = Mod(x, N);
        return new Scalar(Limb(x, 0), Limb(x, 1), Limb(x, 2), Limb(x, 3));
    }

    /// <summary>Edge values of the 256-bit input range (any of them may be given to the field's constructor).</summary>
    private static readonly BigInteger[] FieldEdges =
    [
        0, 1, 2, P - 1, P, P + 1, (BigInteger.One << 256) - 1, BigInteger.One << 255, (BigInteger.One << 52) - 1,
        BigInteger.One << 52, (BigInteger.One << 208) - 1, P - (BigInteger.One << 32), 0x1000003D1, 0x1000003D0,
    ];

    private static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        byte[] bytes = new byte[33];
        random.NextBytes(bytes);
        bytes[32] = 0;
        return new BigInteger(bytes) % bound;
    }

    [Fact]
    public void FieldOperationChainsMatchBigInteger()
    {
        var random = new Random(52);
        for (int chain = 0; chain < 300; chain++)
        {
            BigInteger xBig = chain < FieldEdges.Length ? FieldEdges[chain] : RandomBelow(random, BigInteger.One << 256);
            FieldElement x = Field(xBig);
            xBig = Mod(xBig, P);
            for (int step = 0; step < 60; step++)
            {
                BigInteger yBig = random.Next(4) == 0 ? FieldEdges[random.Next(FieldEdges.Length)] : RandomBelow(random, BigInteger.One << 256);
                FieldElement y = Field(yBig);
                yBig = Mod(yBig, P);
                switch (random.Next(8))
                {
                    case 0: x = FieldElement.Multiply(x, y); xBig = xBig * yBig % P; break;
                    case 1: x = FieldElement.Square(x); xBig = xBig * xBig % P; break;
                    case 2: x = FieldElement.Add(x, y); xBig = (xBig + yBig) % P; break;
                    case 3: x = FieldElement.Subtract(x, y); xBig = Mod(xBig - yBig, P); break;
                    case 4: x = FieldElement.Negate(x); xBig = Mod(-xBig, P); break;
                    case 5: x = FieldElement.Double(x); xBig = 2 * xBig % P; break;
                    case 6: x = FieldElement.MultiplySmall(x, 8); xBig = 8 * xBig % P; break;
                    default: x = FieldElement.Multiply(y, x); xBig = xBig * yBig % P; break;
                }
                Assert.Equal(xBig, Big(x));
                Assert.Equal(xBig.IsZero, x.IsZero);
                Assert.Equal(!xBig.IsEven, x.IsOdd);
            }
        }
    }

    [Fact]
    public void FieldZeroHasEveryRepresentationRecognised()
    {
        Assert.True(FieldElement.Prime.IsZero);
        Assert.True(new FieldElement(Limb(P, 0), Limb(P, 1), Limb(P, 2), Limb(P, 3)).IsZero);
        Assert.True(FieldElement.Subtract(FieldElement.One, FieldElement.One).IsZero);
        Assert.True(FieldElement.Add(FieldElement.Prime, FieldElement.Zero).IsZero);
        Assert.False(FieldElement.Add(FieldElement.Prime, FieldElement.One).IsZero);
        Assert.Equal(BigInteger.One, Big(FieldElement.Add(FieldElement.Prime, FieldElement.One)));
        // Values in [p, 2^256) normalize to value - p, and reading them as a key fails.
        Span<byte> bytes = stackalloc byte[32];
        bytes.Fill(0xFF);
        Assert.False(FieldElement.TryRead(bytes, out FieldElement reduced));
        Assert.Equal((BigInteger.One << 256) - 1 - P, Big(reduced));
    }

    [Fact]
    public void VariableTimeScalarInverseMatchesFermat()
    {
        var random = new Random(53);
        BigInteger[] edges = [1, 2, 3, N - 1, N - 2, BigInteger.One << 64, BigInteger.One << 255, N - (BigInteger.One << 64), Two128 - 1, Lambda];
        for (int i = 0; i < 1200; i++)
        {
            BigInteger x = i < edges.Length ? edges[i] : RandomBelow(random, N - 1) + 1;
            Scalar inverse = ScalarInverse.InvertVariableTime(ScalarOf(x));
            Assert.Equal(BigInteger.ModPow(x, N - 2, N), Big(inverse));
            if (i % 50 == 0) Assert.Equal(Big(inverse), Big(Scalar.Invert(ScalarOf(x))));
        }
    }

    /// <summary>Scalars where the GLV split or the wNAF recoding changes shape.</summary>
    private static BigInteger[] EdgeScalars() =>
    [
        0, 1, 2, N - 1, N - 2, Lambda, Lambda + 1, Lambda - 1, N - Lambda, Two128 - 1, Two128, Two128 + 1,
        N - Two128, (N - 1) / 2, (N + 1) / 2, (BigInteger.One << 255) - 1, Mod(Lambda * Two128, N), 2047, 2048, 4095,
    ];

    [Fact]
    public void JointMultiplicationMatchesBigIntegerAtEdgeScalars()
    {
        var random = new Random(54);
        BigInteger[] edges = EdgeScalars();
        for (int i = 0; i < 24; i++)
        {
            BigInteger a = i < edges.Length ? edges[i] : RandomBelow(random, N);
            BigInteger b = edges[random.Next(edges.Length)];
            if (i % 3 == 0) b = RandomBelow(random, N);
            BigInteger c = RandomBelow(random, N - 1) + 1;
            (BigInteger X, BigInteger Y)? publicPoint = ReferenceMultiply(c, G);
            (BigInteger X, BigInteger Y)? aG = ReferenceMultiply(a, G);
            (BigInteger X, BigInteger Y)? expected = ReferenceAdd(aG, ReferenceMultiply(Mod(b * c, N), G));
            JacobianPoint actual = PointMultiplication.MultiplyAndAdd(ScalarOf(a), ScalarOf(b), ToJacobian(publicPoint).ToAffine());
            AssertSame(expected, actual);
            AssertSame(aG, PointMultiplication.MultiplyGenerator(ScalarOf(a)));
            AssertSame(ReferenceMultiply(Mod(a * c, N), G), PointMultiplication.Multiply(ScalarOf(a), ToJacobian(publicPoint).ToAffine()));
        }
    }

    [Fact]
    public void JointMultiplicationReachesAndPassesInfinity()
    {
        var random = new Random(55);
        for (int i = 0; i < 20; i++)
        {
            // a·G + b·(cG) = 0 when a = -b·c: the accumulator ends at infinity.
            BigInteger b = i < 3 ? new BigInteger[] { 1, N - 1, Lambda }[i] : RandomBelow(random, N - 1) + 1;
            BigInteger c = RandomBelow(random, N - 1) + 1;
            AffinePoint publicPoint = ToJacobian(ReferenceMultiply(c, G)).ToAffine();
            Assert.True(PointMultiplication.MultiplyAndAdd(ScalarOf(-b * c), ScalarOf(b), publicPoint).IsInfinity);
            // And a·G + b·P = 2·a·G when b·P = a·G: the additions meet the doubling case.
            JacobianPoint twice = PointMultiplication.MultiplyAndAdd(ScalarOf(b * c), ScalarOf(b), publicPoint);
            AssertSame(ReferenceMultiply(Mod(2 * b * c, N), G), twice);
        }
        AffinePoint g = AffinePoint.Generator;
        JacobianPoint jg = JacobianPoint.FromAffine(g);
        Assert.True(JacobianPoint.AddMixed(jg, g.Negate()).IsInfinity);
        Assert.True(JacobianPoint.Add(jg, jg.Negate()).IsInfinity);
        AssertSame(ReferenceMultiply(2, G), JacobianPoint.AddMixed(jg, g));
        AssertSame(ReferenceMultiply(2, G), JacobianPoint.Add(jg, jg));
        AssertSame(ReferenceMultiply(1, G), JacobianPoint.Add(JacobianPoint.Infinity, jg));
        AssertSame(ReferenceMultiply(1, G), JacobianPoint.AddMixed(JacobianPoint.Infinity, g));
        Assert.True(JacobianPoint.Double(JacobianPoint.Infinity).IsInfinity);
        Assert.True(PointMultiplication.MultiplyAndAdd(Scalar.Zero, Scalar.Zero, g).IsInfinity);
        Assert.True(PointMultiplication.MultiplyGenerator(Scalar.Zero).IsInfinity);
    }

    private static JacobianPoint ToJacobian((BigInteger X, BigInteger Y)? point) =>
        point is { } p ? JacobianPoint.FromAffine(new AffinePoint(Field(p.X), Field(p.Y))) : JacobianPoint.Infinity;

    private static void AssertSame((BigInteger X, BigInteger Y)? expected, in JacobianPoint actual)
    {
        if (expected is not { } e)
        {
            Assert.True(actual.IsInfinity);
            return;
        }
        Assert.False(actual.IsInfinity);
        AffinePoint affine = actual.ToAffine();
        Assert.Equal(e.X, Big(affine.X));
        Assert.Equal(e.Y, Big(affine.Y));
    }

    // A deliberately plain affine reference: double-and-add over BigInteger, infinity as null.

    private static (BigInteger X, BigInteger Y)? ReferenceAdd((BigInteger X, BigInteger Y)? p, (BigInteger X, BigInteger Y)? q)
    {
        if (p is not { } a) return q;
        if (q is not { } b) return p;
        BigInteger slope;
        if (a.X == b.X)
        {
            if (Mod(a.Y + b.Y, P).IsZero) return null;
            slope = Mod(3 * a.X * a.X * Inverse(2 * a.Y), P);
        }
        else
        {
            slope = Mod((b.Y - a.Y) * Inverse(b.X - a.X), P);
        }
        BigInteger x = Mod(slope * slope - a.X - b.X, P);
        return (x, Mod(slope * (a.X - x) - a.Y, P));
    }

    /// <summary>1/x mod p by the extended Euclidean algorithm (much faster than ModPow for BigInteger).</summary>
    private static BigInteger Inverse(BigInteger x)
    {
        BigInteger r0 = P, r1 = Mod(x, P), t0 = 0, t1 = 1;
        while (!r1.IsZero)
        {
            BigInteger q = BigInteger.DivRem(r0, r1, out BigInteger r2);
            (r0, r1) = (r1, r2);
            (t0, t1) = (t1, t0 - q * t1);
        }
        return Mod(t0, P);
    }

    private static (BigInteger X, BigInteger Y)? ReferenceMultiply(BigInteger k, (BigInteger X, BigInteger Y)? point)
    {
        k = Mod(k, N);
        (BigInteger X, BigInteger Y)? result = null;
        for (int bit = (int)k.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = ReferenceAdd(result, result);
            if (!(k >> bit).IsEven) result = ReferenceAdd(result, point);
        }
        return result;
    }
}
