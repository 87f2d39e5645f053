using System;
using XairrosX.Plugs.Math;
using Xunit;
using static XairrosX.Tests.Plugs.Math.UlpMeter;

namespace XairrosX.Tests.Plugs.Math;

/// <summary>
/// Every unary function over the IEEE edge values, against the host: NaN, signed zeros and infinities
/// must match exactly (sign included); other results within the per-function host tolerance.
/// </summary>
public sealed class LibmSpecialValueTableTests
{
    private static readonly double[] Edges =
    [
        0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, double.Epsilon, -double.Epsilon,
        2.2250738585072014E-308, -2.2250738585072014E-308, 2.225073858507201E-308, double.MaxValue, -double.MaxValue,
        1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 1.0000000000000002, 0.9999999999999999, -0.9999999999999999,
        System.Math.PI, -System.Math.PI, System.Math.PI / 2, -System.Math.PI / 2, 1e-300, -1e-300, 1e300, -1e300,
        709.782712893384, -745.1332191019412, 710.4758600739439, 22.0, -22.0, 1e22, 9007199254740993.0,
    ];

    private static readonly (string Name, Func<double, double> Ours, Func<double, double> Host, long Tolerance)[] Functions =
    [
        ("sin", Libm.Sin, System.Math.Sin, 1), ("cos", Libm.Cos, System.Math.Cos, 1), ("tan", Libm.Tan, System.Math.Tan, 1),
        ("asin", Libm.Asin, System.Math.Asin, 1), ("acos", Libm.Acos, System.Math.Acos, 1), ("atan", Libm.Atan, System.Math.Atan, 1),
        ("exp", Libm.Exp, System.Math.Exp, 1), ("exp2", Libm.Exp2, HostLibm.exp2, 1), ("expm1", Libm.Expm1, HostLibm.expm1, 1),
        ("log", Libm.Log, System.Math.Log, 1), ("log2", Libm.Log2, System.Math.Log2, 1), ("log10", Libm.Log10, System.Math.Log10, 2),
        ("log1p", Libm.Log1p, HostLibm.log1p, 1), ("cbrt", Libm.Cbrt, System.Math.Cbrt, 4),
        ("sinh", Libm.Sinh, System.Math.Sinh, 2), ("cosh", Libm.Cosh, System.Math.Cosh, 2), ("tanh", Libm.Tanh, System.Math.Tanh, 2),
        ("asinh", Libm.Asinh, System.Math.Asinh, 2), ("acosh", Libm.Acosh, System.Math.Acosh, 2), ("atanh", Libm.Atanh, System.Math.Atanh, 2),
        ("floor", Libm.Floor, System.Math.Floor, 0), ("ceil", Libm.Ceil, System.Math.Ceiling, 0),
        ("trunc", Libm.Trunc, HostLibm.trunc, 0), ("round", Libm.Round, HostLibm.round, 0),
    ];

    [Fact]
    public void DoubleFunctions_OnEdgeValues()
    {
        foreach (var (name, ours, host, tolerance) in Functions)
        foreach (double x in Edges)
            AssertAgrees($"{name}({x:R})", ours(x), host(x), tolerance);
    }

    [Fact]
    public void FloatFunctions_OnEdgeValues()
    {
        (string, Func<float, float>, Func<float, float>)[] floats =
        [
            ("sinf", LibmF.Sin, MathF.Sin), ("cosf", LibmF.Cos, MathF.Cos), ("tanf", LibmF.Tan, MathF.Tan),
            ("asinf", LibmF.Asin, MathF.Asin), ("acosf", LibmF.Acos, MathF.Acos), ("atanf", LibmF.Atan, MathF.Atan),
            ("expf", LibmF.Exp, MathF.Exp), ("logf", LibmF.Log, MathF.Log), ("log2f", LibmF.Log2, MathF.Log2),
            ("cbrtf", LibmF.Cbrt, MathF.Cbrt), ("floorf", LibmF.Floor, MathF.Floor), ("ceilf", LibmF.Ceil, MathF.Ceiling),
            ("sinhf", LibmF.Sinh, MathF.Sinh), ("coshf", LibmF.Cosh, MathF.Cosh), ("tanhf", LibmF.Tanh, MathF.Tanh),
        ];
        foreach (var (name, ours, host) in floats)
        foreach (double edge in Edges)
        {
            float x = (float)edge;
            float a = ours(x), b = host(x);
            bool special = float.IsNaN(b) || b == 0 || float.IsInfinity(b);
            bool ok = special
                ? (float.IsNaN(b) ? float.IsNaN(a) : BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b))
                : Distance(a, b) <= 2;
            Assert.True(ok, $"{name}({x:R}) = {a:R}, host {b:R}");
        }
    }

    [Fact]
    public void BinaryFunctions_OnEdgeValues()
    {
        foreach (double x in Edges)
        foreach (double y in Edges)
        {
            AssertAgrees($"atan2({x:R}, {y:R})", Libm.Atan2(x, y), System.Math.Atan2(x, y), 1);
            AssertAgrees($"pow({x:R}, {y:R})", Libm.Pow(x, y), System.Math.Pow(x, y), 1);
            AssertAgrees($"fmod({x:R}, {y:R})", Libm.Fmod(x, y), HostLibm.fmod(x, y), 0);
        }
    }

    private static void AssertAgrees(string what, double ours, double host, long tolerance)
    {
        bool special = double.IsNaN(host) || host == 0 || double.IsInfinity(host);
        bool ok = special
            ? (double.IsNaN(host) ? double.IsNaN(ours) : BitConverter.DoubleToInt64Bits(ours) == BitConverter.DoubleToInt64Bits(host))
            : Distance(ours, host) <= tolerance;
        Assert.True(ok, $"{what} = {ours:R}, host {host:R}");
    }
}
