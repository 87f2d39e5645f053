using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Text;
using System.Text.Json;
using XairrosX.Blockchain.Rlp;
using Xunit;

namespace XairrosX.Tests.Blockchain.Rlp;

public class RlpVectorTests
{
    private static JsonDocument Load(params string[] parts) =>
        JsonDocument.Parse(File.ReadAllText(SharedVectors.Path(["ethereum__tests", "RLPTests", .. parts])));

    public static IEnumerable<object[]> ValidNames()
    {
        using JsonDocument doc = Load("rlptest.json");
        foreach (JsonProperty p in doc.RootElement.EnumerateObject()) yield return [p.Name];
    }

    public static IEnumerable<object[]> InvalidNames()
    {
        using JsonDocument doc = Load("invalidRLPTest.json");
        foreach (JsonProperty p in doc.RootElement.EnumerateObject()) yield return [p.Name];
    }

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void EncodesAndDecodesValidVector(string name)
    {
        using JsonDocument doc = Load("rlptest.json");
        JsonElement test = doc.RootElement.GetProperty(name);
        byte[] expected = TestHex.Parse(test.GetProperty("out").GetString()!);
        RlpItem input = ToItem(test.GetProperty("in"));

        Assert.Equal(TestHex.ToHex(expected), TestHex.ToHex(input.Encode()));
        RlpItem decoded = RlpItem.Decode(expected);
        Assert.Equal(TestHex.ToHex(expected), TestHex.ToHex(decoded.Encode()));
        Assert.Equal(input.ToString(), decoded.ToString());
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void RejectsInvalidVector(string name)
    {
        using JsonDocument doc = Load("invalidRLPTest.json");
        byte[] bytes = TestHex.Parse(doc.RootElement.GetProperty(name).GetProperty("out").GetString()!);
        RlpException ex = Assert.Throws<RlpException>(() => RlpItem.Decode(bytes));
        Assert.False(string.IsNullOrEmpty(ex.Reason));
        Assert.False(XairrosX.Blockchain.Rlp.Rlp.IsValid(bytes));
    }

    [Fact]
    public void AcceptsRandomValidExamples()
    {
        using JsonDocument doc = Load("RandomRLPTests", "example.json");
        int count = 0;
        foreach (JsonProperty p in doc.RootElement.EnumerateObject())
        {
            Assert.Equal("VALID", p.Value.GetProperty("in").GetString());
            byte[] bytes = TestHex.Parse(p.Value.GetProperty("out").GetString()!);
            Assert.Equal(TestHex.ToHex(bytes), TestHex.ToHex(RlpItem.Decode(bytes).Encode()));
            count++;
        }
        Assert.True(count > 0);
    }

    private static RlpItem ToItem(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                string s = e.GetString()!;
                if (s.StartsWith('#')) return RlpItem.String(BigEndian(BigInteger.Parse(s.Substring(1))));
                return RlpItem.String(Encoding.Latin1.GetBytes(s));
            case JsonValueKind.Number:
                return RlpItem.String(BigEndian(BigInteger.Parse(e.GetRawText())));
            case JsonValueKind.Array:
                List<RlpItem> items = new();
                foreach (JsonElement child in e.EnumerateArray()) items.Add(ToItem(child));
                return RlpItem.List(items.ToArray());
            default:
                throw new InvalidDataException("unexpected JSON in vector: " + e.ValueKind);
        }
    }

    private static byte[] BigEndian(BigInteger value) =>
        value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
}
