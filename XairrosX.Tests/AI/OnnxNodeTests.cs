using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using XairrosX.AI.Onnx;
using Xunit;

namespace XairrosX.Tests.AI;

/// <summary>
/// Every ONNX backend node test in the shared vectors. Directories listed in <see cref="Unsupported"/>
/// use element types the engine does not implement; they are not skipped silently: a separate theory
/// asserts that the engine rejects each with <see cref="OnnxNotSupportedException"/>.
/// </summary>
public class OnnxNodeTests
{
    /// <summary>Node tests the engine deliberately rejects, with the reason.</summary>
    public static readonly Dictionary<string, string> Unsupported = new()
    {
        ["test_dequantizelinear_e4m3fn"] = "FLOAT8E4M3FN input",
        ["test_dequantizelinear_e4m3fn_float16"] = "FLOAT8E4M3FN input, FLOAT16 scale",
        ["test_dequantizelinear_e4m3fn_zero_point"] = "FLOAT8E4M3FN input",
        ["test_dequantizelinear_e5m2"] = "FLOAT8E5M2 input",
        ["test_dequantizelinear_float4e2m1"] = "FLOAT4E2M1 input",
        ["test_dequantizelinear_int2"] = "INT2 input",
        ["test_dequantizelinear_int4"] = "INT4 input",
        ["test_dequantizelinear_uint2"] = "UINT2 input",
        ["test_dequantizelinear_uint4"] = "UINT4 input",
        ["test_quantizelinear_e4m3fn"] = "FLOAT8E4M3FN output",
        ["test_quantizelinear_e5m2"] = "FLOAT8E5M2 output",
        ["test_quantizelinear_float4e2m1"] = "FLOAT4E2M1 output",
        ["test_quantizelinear_int2"] = "INT2 output",
        ["test_quantizelinear_int4"] = "INT4 output",
        ["test_quantizelinear_uint2"] = "UINT2 output",
        ["test_quantizelinear_uint4"] = "UINT4 output",
        ["test_qlinearmatmul_2D_int8_float16"] = "FLOAT16 scales",
        ["test_qlinearmatmul_2D_uint8_float16"] = "FLOAT16 scales",
        ["test_qlinearmatmul_3D_int8_float16"] = "FLOAT16 scales",
        ["test_qlinearmatmul_3D_uint8_float16"] = "FLOAT16 scales",
    };

    private static IEnumerable<string> AllDirectories() =>
        Directory.GetDirectories(OnnxTestData.NodeTestRoot).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal)!;

    public static IEnumerable<object[]> SupportedCases() => AllDirectories().Where(d => !Unsupported.ContainsKey(d)).Select(d => new object[] { d });

    public static IEnumerable<object[]> UnsupportedCases() => Unsupported.Select(kv => new object[] { kv.Key, kv.Value });

    [Theory]
    [MemberData(nameof(SupportedCases))]
    public void NodeTestMatchesReference(string test)
        => OnnxTestData.RunDirectory(Path.Combine(OnnxTestData.NodeTestRoot, test), rtol: 1e-3, atol: 1e-7);

    [Theory]
    [MemberData(nameof(UnsupportedCases))]
    public void UnsupportedNodeTestIsRejectedClearly(string test, string reason)
    {
        var e = Assert.ThrowsAny<OnnxNotSupportedException>(() => OnnxTestData.RunDirectory(Path.Combine(OnnxTestData.NodeTestRoot, test), 1e-3, 1e-7));
        Assert.False(string.IsNullOrWhiteSpace(e.Message), reason);
    }

    [Fact]
    public void EveryUnsupportedEntryExistsAndCoverageIsHigh()
    {
        var all = AllDirectories().ToHashSet();
        foreach (string name in Unsupported.Keys) Assert.Contains(name, all);
        Assert.True(all.Count >= 170, $"only {all.Count} node tests found");
        Assert.True(Unsupported.Count * 5 < all.Count, "too many node tests are unsupported");
    }
}
