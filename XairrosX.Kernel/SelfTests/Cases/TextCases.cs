using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>Strings, formatting and encodings (invariant globalization).</summary>
internal static class TextCases
{
    public static IEnumerable<SelfTestCase> All() =>
    [
        new("text.concat_and_interpolation", t =>
        {
            string name = "XairrosX";
            int version = 1;
            t.Equal("XairrosX v1 on x86_64", $"{name} v{version} on {"x86" + "_64"}", "interpolation");
            t.Equal("abc", string.Concat("a", "b", "c"), "Concat");
            t.Equal("[  42]", $"[{42,4}]", "alignment");
            t.Equal(8, name.Length, "length");
        }),
        new("text.number_formatting", t =>
        {
            t.Equal("-12345", (-12345).ToString(), "int");
            t.Equal("3.142", Math.PI.ToString("F3"), "fixed point");
            t.Equal("0x0000BEEF", $"0x{0xBEEF:X8}", "hex");
            t.Equal("1,234,567", 1234567.ToString("N0"), "group separators");
            t.Equal("1.500E+010", 1.5e10.ToString("E3"), "exponent");
            t.Equal("0.1", 0.1.ToString(), "shortest round-trip double");
            t.Equal("18446744073709551615", ulong.MaxValue.ToString(), "ulong max");
            t.Equal("12.50 %", 0.125.ToString("P2"), "percent (invariant culture)");
        }),
        new("text.parsing", t =>
        {
            t.Equal(-42, int.Parse("-42"), "int.Parse");
            t.Near(2.5e-3, double.Parse("2.5e-3", CultureInfo.InvariantCulture), 1e-18, "double.Parse");
            t.True(!int.TryParse("12x", out _), "TryParse rejects garbage");
            t.Equal(255, Convert.ToInt32("ff", 16), "hex parse");
            t.Throws<FormatException>(() => int.Parse("nope"), "Parse throws FormatException");
        }),
        new("text.stringbuilder", t =>
        {
            var sb = new StringBuilder();
            for (int i = 0; i < 100; i++) sb.Append(i % 10);
            sb.Insert(0, "<").Append('>').Replace("0", "o");
            t.Equal(102, sb.Length, "length");
            t.True(sb.ToString().StartsWith("<o1234"), "content");
            sb.Clear().AppendFormat("{0}-{1:D3}", "id", 7).AppendLine();
            t.Equal("id-007\n", sb.ToString(), "AppendFormat + AppendLine");
        }),
        new("text.string_operations", t =>
        {
            string csv = "alpha,beta,,gamma";
            string[] parts = csv.Split(',', StringSplitOptions.RemoveEmptyEntries);
            t.Equal(3, parts.Length, "Split");
            t.Equal("ALPHA|BETA|GAMMA", string.Join("|", parts).ToUpperInvariant(), "Join + ToUpperInvariant");
            t.Equal("  x ".Trim(), "x", "Trim");
            t.True("Kernel".Equals("KERNEL", StringComparison.OrdinalIgnoreCase), "OrdinalIgnoreCase");
            t.Equal(6, "hello world".IndexOf("world", StringComparison.Ordinal), "IndexOf");
            t.Equal("b-b-b", "a-a-a".Replace('a', 'b'), "Replace");
            t.True(string.CompareOrdinal("abc", "abd") < 0, "CompareOrdinal");
        }),
        new("text.encodings", t =>
        {
            byte[] utf8 = Encoding.UTF8.GetBytes("héllo €");
            t.Equal(10, utf8.Length, "UTF-8 byte count");
            t.Equal("héllo €", Encoding.UTF8.GetString(utf8), "UTF-8 round trip");
            t.Equal("AQID", Convert.ToBase64String([1, 2, 3]), "Base64");
            t.Equal("0A0B", Convert.ToHexString([10, 11]), "hex string");
            t.True(char.IsLetter('é') && char.IsDigit('7') && !char.IsWhiteSpace('x'), "char classes");
            t.Equal(0x1F600, char.ConvertToUtf32("\U0001F600", 0), "surrogate pairs");
        }),
        new("text.guid_and_hashing", t =>
        {
            var g = new Guid("00112233-4455-6677-8899-aabbccddeeff");
            t.Equal("00112233-4455-6677-8899-aabbccddeeff", g.ToString(), "Guid format");
            t.True(Guid.NewGuid() != Guid.NewGuid(), "NewGuid is random");
            string built = new StringBuilder("ker").Append("nel").ToString();
            t.Equal("kernel".GetHashCode(), built.GetHashCode(), "equal strings hash equally");
            t.True("a".GetHashCode() != "b".GetHashCode(), "different strings hash differently");
        }),
    ];
}
