using System;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace XairrosX.Tests.Plugs.Math;

/// <summary>
/// Enforces the libm's one invariant: its sources never call System.Math/MathF functions that CoreLib
/// implements by importing the C library — in the kernel those imports ARE this library.
/// </summary>
public sealed class LibmSourceRuleTests
{
    private static readonly Regex Forbidden = new(
        @"\b(Math|MathF)\s*\.\s*(Sin|Cos|Tan|Asin|Acos|Atan|Atan2|SinCos|Exp|Log|Log2|Log10|ILogB|Pow|Floor|Ceiling|Round|Truncate|" +
        @"Cbrt|Sinh|Cosh|Tanh|Asinh|Acosh|Atanh|IEEERemainder|FusedMultiplyAdd|ScaleB)\b|\b(double|float)\s*\.\s*(Sin|Cos|Tan|Exp|Log|Pow|Floor|Ceiling|Round|Truncate|Cbrt)\b",
        RegexOptions.Compiled);

    /// <summary>Math.FusedMultiplyAdd is only an instruction behind Fma.IsSupported; allowed in these files.</summary>
    private static readonly string[] FmaGateFiles = ["DoubleDouble.cs", "Libm.Fma.cs"];

    private static string MathFolder()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "XairrosX.Plugs", "Math");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("XairrosX.Plugs/Math not found above the test binaries");
    }

    [Fact]
    public void LibmSources_CallNoCLibraryBackedMathFunction()
    {
        string[] files = Directory.GetFiles(MathFolder(), "*.cs");
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                string code = StripComment(lines[i]);
                foreach (Match m in Forbidden.Matches(code))
                {
                    bool gatedFma = Array.IndexOf(FmaGateFiles, Path.GetFileName(file)) >= 0 && m.Value.EndsWith("FusedMultiplyAdd", StringComparison.Ordinal);
                    Assert.True(gatedFma, $"{Path.GetFileName(file)}:{i + 1}: forbidden call '{m.Value}'");
                }
            }
        }
    }

    [Theory]
    [InlineData("DoubleDouble.cs")]
    [InlineData("Libm.Fma.cs")]
    public void FmaGateFiles_GuardEveryFusedMultiplyAdd(string file)
    {
        string text = File.ReadAllText(Path.Combine(MathFolder(), file));
        int uses = Regex.Matches(text, @"FusedMultiplyAdd\(").Count;
        int gates = Regex.Matches(text, @"Fma\.IsSupported").Count;
        Assert.True(uses > 0 && gates >= uses, $"{uses} FusedMultiplyAdd calls but {gates} Fma.IsSupported checks");
    }

    [Fact]
    public void Regex_CatchesTheCallsItMustCatch()
    {
        Assert.Matches(Forbidden, "double y = Math.Sin(x);");
        Assert.Matches(Forbidden, "return System.Math.Floor(v);");
        Assert.Matches(Forbidden, "MathF.Pow(a, b)");
        Assert.Matches(Forbidden, "double.Round(x)");
        Assert.DoesNotMatch(Forbidden, "System.Math.Sqrt(x) + Math.Abs(y) + Libm.Sin(z)");
    }

    private static string StripComment(string line)
    {
        int at = line.IndexOf("//", StringComparison.Ordinal);
        return at < 0 ? line : line[..at];
    }
}
