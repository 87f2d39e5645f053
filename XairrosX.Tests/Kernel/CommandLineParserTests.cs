using System.Collections.Generic;
using XairrosX.Kernel.Shell;
using Xunit;

namespace XairrosX.Tests.Kernel;

public class CommandLineParserTests
{
    [Theory]
    [InlineData("echo a b", new[] { "echo", "a", "b" })]
    [InlineData("  echo   spaced\tout  ", new[] { "echo", "spaced", "out" })]
    [InlineData("echo 'single quoted  text'", new[] { "echo", "single quoted  text" })]
    [InlineData("echo \"double \\\"quoted\\\"\" x", new[] { "echo", "double \"quoted\"", "x" })]
    [InlineData("echo a\\ b", new[] { "echo", "a b" })]
    [InlineData("echo ''", new[] { "echo", "" })]
    [InlineData("", new string[0])]
    public void SplitsWords(string line, string[] expected)
    {
        Assert.True(CommandLineParser.TrySplit(line, out List<string> words, out string error), error);
        Assert.Equal(expected, words);
    }

    [Theory]
    [InlineData("echo 'open", "unterminated single quote")]
    [InlineData("echo \"open", "unterminated double quote")]
    [InlineData("echo trailing\\", "backslash at end of line")]
    public void RejectsMalformedLines(string line, string expected)
    {
        Assert.False(CommandLineParser.TrySplit(line, out _, out string error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void RejectsOverlongLines()
    {
        Assert.False(CommandLineParser.TrySplit(new string('x', CommandLineParser.MaxLineLength + 1), out _, out string error));
        Assert.StartsWith("line too long", error);
        Assert.True(CommandLineParser.TrySplit(new string('x', CommandLineParser.MaxLineLength), out _, out _));
    }

    [Fact]
    public void RandomLinesNeverThrow()
    {
        var rng = new System.Random(99);
        const string alphabet = "ab '\"\\\t$|;é\u0001";
        for (int i = 0; i < 20000; i++)
        {
            var chars = new char[rng.Next(0, 40)];
            for (int k = 0; k < chars.Length; k++) chars[k] = alphabet[rng.Next(alphabet.Length)];
            bool ok = CommandLineParser.TrySplit(new string(chars), out List<string> words, out string error);
            Assert.True(ok ? error == null && words != null : !string.IsNullOrEmpty(error));
        }
    }
}
