using System;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

public class HexCodecTests
{
    [Theory]
    [InlineData("", new byte[0])]
    [InlineData("00ff", new byte[] { 0x00, 0xFF })]
    [InlineData("ABcd09", new byte[] { 0xAB, 0xCD, 0x09 })]
    public void ParsesStrictHex(string text, byte[] expected)
    {
        Assert.True(HexCodec.TryParse(text, out byte[]? bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0g")]
    [InlineData("0x00")]
    [InlineData(" 00")]
    [InlineData("00 ")]
    [InlineData("é0")]
    public void RejectsMalformedHex(string text)
    {
        Assert.False(HexCodec.TryParse(text, out byte[]? bytes));
        Assert.Null(bytes);
        Assert.Throws<FormatException>(() => HexCodec.Parse(text));
    }

    [Fact]
    public void RejectsShortDestinations()
    {
        Assert.False(HexCodec.TryParse("0011", new byte[1], out int written));
        Assert.Equal(0, written);
        Assert.False(HexCodec.TryFormat(new byte[2], new char[3], out _));
    }

    [Fact]
    public void RoundTripsRandomBytesAndAgreesWithBcl()
    {
        var random = new Random(7);
        for (int i = 0; i < 1000; i++)
        {
            byte[] data = KeccakTests.RandomBytes(random, random.Next(0, 64));
            string hex = HexCodec.ToHex(data);
            Assert.Equal(Convert.ToHexStringLower(data), hex);
            Assert.Equal(data, HexCodec.Parse(hex.ToUpperInvariant()));
        }
    }

    [Fact]
    public void RandomTextNeverThrowsFromTryParse()
    {
        var random = new Random(8);
        const string alphabet = "0123456789abcdefABCDEFgxG -\0";
        for (int i = 0; i < 2000; i++)
        {
            char[] text = new char[random.Next(0, 12)];
            for (int j = 0; j < text.Length; j++) text[j] = alphabet[random.Next(alphabet.Length)];
            bool expectedValid = text.Length % 2 == 0 && Array.TrueForAll(text, Uri.IsHexDigit);
            Assert.Equal(expectedValid, HexCodec.TryParse(text, out byte[]? _));
        }
    }
}
