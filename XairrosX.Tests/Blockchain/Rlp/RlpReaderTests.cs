using System;
using XairrosX.Blockchain.Rlp;
using Xunit;

namespace XairrosX.Tests.Blockchain.Rlp;

public class RlpReaderTests
{
    [Fact]
    public void ReadsStructuredValues()
    {
        RlpWriter w = new();
        int mark = w.StartList();
        w.WriteUInt64(0);
        w.WriteUInt64(127);
        w.WriteUInt64(0x1234_5678_9ABC);
        w.WriteBytes(new byte[100]);
        w.EndList(mark);

        RlpReader r = new(w.Written);
        RlpReader list = r.ReadList();
        r.ExpectEnd();
        Assert.Equal(4, list.CountRemaining());
        Assert.Equal(0UL, list.ReadUInt64());
        Assert.Equal(127UL, list.ReadUInt64());
        Assert.Equal(0x1234_5678_9ABCUL, list.ReadUInt64());
        Assert.Equal(100, list.ReadBytes(100).Length);
        Assert.False(list.HasMore);
    }

    [Theory]
    [InlineData("00", "leading zero in integer")]
    [InlineData("820001", "leading zero in integer")]
    [InlineData("89010000000000000000", "integer longer than 8 bytes")]
    [InlineData("c0", "expected a string, found a list")]
    public void RejectsNonCanonicalIntegers(string hex, string reason)
    {
        byte[] bytes = TestHex.Parse(hex);
        RlpException ex = Assert.Throws<RlpException>(() => new RlpReader(bytes).ReadUInt64());
        Assert.Equal(reason, ex.Reason);
    }

    [Theory]
    [InlineData("", "unexpected end of input")]
    [InlineData("8180", "trailing bytes after item")]
    [InlineData("8100", "single byte below 0x80 must not be string-wrapped")]
    [InlineData("b80100", "long form used for a short payload")]
    [InlineData("c3c1", "list longer than input")]
    public void WholeInputValidationGivesReason(string hex, string reason)
    {
        byte[] bytes = TestHex.Parse(hex);
        if (hex == "8180") bytes = [0x81, 0x80, 0x00];
        RlpException ex = Assert.Throws<RlpException>(() => XairrosX.Blockchain.Rlp.Rlp.Validate(bytes));
        Assert.Equal(reason, ex.Reason);
    }

    [Fact]
    public void RejectsExcessiveNesting()
    {
        RlpItem item = RlpItem.List();
        for (int i = 0; i < XairrosX.Blockchain.Rlp.Rlp.MaxDepth + 5; i++) item = RlpItem.List(item);
        Assert.Equal("lists nested too deeply", Assert.Throws<RlpException>(() => RlpItem.Decode(item.Encode())).Reason);
    }

    [Fact]
    public void LengthHelpersMatchWriter()
    {
        Random rng = new(7);
        RlpWriter w = new();
        for (int i = 0; i < 500; i++)
        {
            byte[] v = new byte[rng.Next(0, 300)];
            rng.NextBytes(v);
            if (v.Length > 0 && rng.Next(3) == 0) v[0] = (byte)rng.Next(0, 0x80);
            w.Reset();
            w.WriteBytes(v);
            Assert.Equal(w.Length, XairrosX.Blockchain.Rlp.Rlp.LengthOfBytes(v));
            ulong n = (ulong)rng.NextInt64() >> rng.Next(0, 64);
            w.Reset();
            w.WriteUInt64(n);
            Assert.Equal(w.Length, XairrosX.Blockchain.Rlp.Rlp.LengthOfUInt64(n));
            Assert.Equal(n, new RlpReader(w.Written).ReadUInt64());
        }
    }
}
