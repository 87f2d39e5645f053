using System;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

public class Secp256k1PointTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(255)]
    public void ConstantTimeGeneratorMultiplicationMatchesWnaf(ulong small)
    {
        var k = new Scalar(small, 0, 0, 0);
        AffinePoint expected = PointMultiplication.MultiplyAndAdd(k, Scalar.Zero, AffinePoint.Infinity).ToAffine();
        AffinePoint actual = PointMultiplication.MultiplyGenerator(k).ToAffine();
        Assert.True(FieldElement.Equal(expected.X, actual.X) && FieldElement.Equal(expected.Y, actual.Y));
    }
}
