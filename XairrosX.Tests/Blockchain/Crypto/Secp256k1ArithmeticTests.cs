using System;
using System.Numerics;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

public class Secp256k1ArithmeticTests
{
    private static readonly BigInteger P = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    private static BigInteger ToBig(ulong l0, ulong l1, ulong l2, ulong l3) =>
        new BigInteger(l0) + (new BigInteger(l1) << 64) + (new BigInteger(l2) << 128) + (new BigInteger(l3) << 192);

    private static BigInteger Big(FieldElement f) => ToBig(f.L0, f.L1, f.L2, f.L3);

    private static BigInteger Big(Scalar s) => ToBig(s.L0, s.L1, s.L2, s.L3);

    /// <summary>Random limbs biased towards the extremes, where carries and weak reduction go wrong.</summary>
    private static ulong Limb(Random random) => random.Next(4) switch
    {
        0 => ulong.MaxValue - (ulong)random.Next(3),
        1 => (ulong)random.Next(3),
        _ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40),
    };

    private static FieldElement RandomField(Random random) => new(Limb(random), Limb(random), Limb(random), Limb(random));

    [Fact]
    public void FieldArithmeticMatchesBigInteger()
    {
        var random = new Random(31);
        for (int i = 0; i < 3000; i++)
        {
            FieldElement a = RandomField(random), b = RandomField(random);
            BigInteger x = Big(a), y = Big(b);
            Assert.Equal((x * y) % P, Big(FieldElement.Multiply(a, b).Normalize()));
            Assert.Equal((x + y) % P, Big(FieldElement.Add(a, b).Normalize()));
            Assert.Equal(((x - y) % P + P) % P, Big(FieldElement.Subtract(a, b).Normalize()));
            Assert.Equal((x * 8) % P, Big(FieldElement.MultiplySmall(a, 8).Normalize()));
            Assert.True(Big(FieldElement.Multiply(a, b)) < BigInteger.One << 256);
            if (i % 10 == 0 && x % P != 0)
            {
                Assert.Equal(BigInteger.ModPow(x, P - 2, P), Big(FieldPowers.Invert(a).Normalize()));
                bool isSquare = BigInteger.ModPow(x, (P - 1) / 2, P) == 1;
                Assert.Equal(isSquare, FieldPowers.TrySqrt(a, out FieldElement root));
                if (isSquare) Assert.Equal(x % P, (Big(root) * Big(root)) % P);
            }
        }
    }

    [Fact]
    public void ScalarArithmeticMatchesBigInteger()
    {
        var random = new Random(32);
        Span<byte> bytes = stackalloc byte[32];
        for (int i = 0; i < 3000; i++)
        {
            random.NextBytes(bytes);
            if (i % 7 == 0) bytes.Slice(0, 16).Fill(0xFF);
            Scalar a = Scalar.Read(bytes, out bool overflowA);
            BigInteger rawA = new(bytes, isUnsigned: true, isBigEndian: true);
            Assert.Equal(rawA >= N, overflowA);
            Assert.Equal(rawA % N, Big(a));
            random.NextBytes(bytes);
            Scalar b = Scalar.Read(bytes, out _);
            BigInteger x = Big(a), y = Big(b);
            Assert.Equal((x * y) % N, Big(Scalar.Multiply(a, b)));
            Assert.Equal((x + y) % N, Big(Scalar.Add(a, b)));
            Assert.Equal((N - x) % N, Big(Scalar.Negate(a)));
            Assert.Equal(x > N / 2, a.IsHigh);
            if (i % 20 == 0 && !a.IsZero) Assert.Equal(BigInteger.ModPow(x, N - 2, N), Big(Scalar.Invert(a)));
            if (!a.IsZero) Assert.Equal(BigInteger.ModPow(x, N - 2, N), Big(ScalarInverse.InvertVariableTime(a)));
        }
        Scalar nMinusOne = Scalar.Negate(Scalar.One);
        Assert.Equal(BigInteger.One, Big(Scalar.Multiply(nMinusOne, nMinusOne)));
        Assert.Equal(N - 1, Big(ScalarInverse.InvertVariableTime(nMinusOne)));
        Assert.Equal(BigInteger.One, Big(ScalarInverse.InvertVariableTime(Scalar.One)));
        Assert.True(ScalarInverse.InvertVariableTime(Scalar.Zero).IsZero);
    }
}
