using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Tensor = XairrosX.AI.Tensors.Tensor;
using Xunit;
using OurSession = XairrosX.AI.Runtime.InferenceSession;
using OrtSession = Microsoft.ML.OnnxRuntime.InferenceSession;

namespace XairrosX.Tests.AI;

/// <summary>
/// Random-weight models written by the library's own ONNX writer, run by this engine and by ONNX
/// Runtime (reference only) on random inputs; outputs must agree within 1e-4 relative.
/// </summary>
public class OrtDifferentialTests
{
    internal static float[] RandomData(Random rng, int n, float scale = 1f)
    {
        var a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float)((rng.NextDouble() * 2 - 1) * scale);
        return a;
    }

    internal static float[] RunOrt(byte[] model, string inputName, float[] data, int[] shape)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL, IntraOpNumThreads = 1 };
        using var ort = new OrtSession(model, options);
        var input = NamedOnnxValue.CreateFromTensor(inputName, new DenseTensor<float>(data, shape));
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = ort.Run([input]);
        return results.First().AsTensor<float>().ToArray();
    }

    internal static float[] RunOurs(byte[] model, float[] data, int[] shape)
    {
        using var session = OurSession.Load(model);
        using Tensor input = Tensor.FromSpan<float>(data, shape);
        return session.Run([input])[0].Span<float>().ToArray();
    }

    private static void AssertAgree(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        float scale = expected.Max(MathF.Abs);
        for (int i = 0; i < expected.Length; i++)
        {
            // 1e-4 relative to the element, with a floor of 1e-4 of the output's magnitude for values near zero.
            double tol = 1e-4 * Math.Max(Math.Abs(expected[i]), 1e-2 * scale) + 1e-7;
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol, $"{what}: [{i}] ours {actual[i]} ORT {expected[i]}");
        }
    }

    private static void Compare(byte[] model, int[] shape, int seed, string what, float inputScale = 1f)
    {
        var rng = new Random(seed);
        for (int trial = 0; trial < 3; trial++)
        {
            float[] data = RandomData(rng, shape.Aggregate(1, (a, b) => a * b), inputScale);
            AssertAgree(RunOrt(model, "x", data, shape), RunOurs(model, data, shape), $"{what} trial {trial}");
        }
    }

    internal static byte[] Mlp(int seed, int batch = 4)
    {
        var b = new ModelBuilder(17, seed);
        string x = b.Input("x", batch, 64);
        string h = b.Node("Gemm", [x, b.Weight(0.2f, 96, 64), b.Weight(0.1f, 96)], ("transB", 1));
        h = b.Node("Relu", [h]);
        h = b.Node("MatMul", [h, b.Weight(0.2f, 96, 48)]);
        h = b.Node("Add", [h, b.Weight(0.1f, 48)]);
        h = b.Node("Tanh", [h]);
        h = b.Node("Gemm", [h, b.Weight(0.3f, 48, 10), b.Weight(0.1f, 1, 10)], ("alpha", 0.9f), ("beta", 0.5f));
        h = b.Node("Softmax", [h], ("axis", -1));
        b.Output(h);
        return b.Build();
    }

    internal static byte[] Cnn(int seed)
    {
        var b = new ModelBuilder(17, seed);
        string x = b.Input("x", 2, 3, 16, 16);
        string h = b.Node("Conv", [x, b.Weight(0.3f, 8, 3, 3, 3), b.Weight(0.1f, 8)], ("pads", new[] { 1, 1, 1, 1 }));
        h = b.Node("Relu", [h]);
        h = b.Node("MaxPool", [h], ("kernel_shape", new[] { 2, 2 }), ("strides", new[] { 2, 2 }));
        h = b.Node("Conv", [h, b.Weight(0.3f, 16, 4, 3, 3)], ("group", 2), ("strides", new[] { 2, 2 }), ("auto_pad", "SAME_UPPER"));
        h = b.Node("BatchNormalization", [h, b.Weight(1f, 16), b.Weight(0.2f, 16), b.Weight(0.2f, 16), b.Constant(Enumerable.Repeat(1.5f, 16).ToArray(), 16)]);
        h = b.Node("Sigmoid", [h]);
        h = b.Node("AveragePool", [h], ("kernel_shape", new[] { 2, 2 }), ("pads", new[] { 1, 1, 0, 0 }), ("count_include_pad", 1));
        h = b.Node("Flatten", [h]);
        h = b.Node("Gemm", [h, b.Weight(0.2f, 256, 12)]);
        h = b.Node("LayerNormalization", [h, b.Weight(1f, 12), b.Weight(0.1f, 12)]);
        h = b.Node("Gelu", [h]);
        b.Output(h);
        return b.Build();
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void MlpAgreesWithOnnxRuntime(int seed) => Compare(Mlp(seed), [4, 64], seed, "MLP");

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void CnnAgreesWithOnnxRuntime(int seed)
    {
        // Gelu entered the default domain in opset 20.
        byte[] model = Cnn(seed);
        var parsed = XairrosX.AI.Onnx.OnnxParser.ParseModel(model);
        parsed.OpsetImports.Clear();
        parsed.OpsetImports.Add(new XairrosX.AI.Onnx.OnnxOpsetImport("", 20));
        Compare(XairrosX.AI.Onnx.OnnxWriter.Serialize(parsed), [2, 3, 16, 16], seed, "CNN");
    }

    public static IEnumerable<object[]> SingleOpCases()
    {
        yield return ["conv dilated", 0];
        yield return ["conv same_lower strided", 1];
        yield return ["conv depthwise", 2];
        yield return ["maxpool ceil dilated", 3];
        yield return ["avgpool ceil exclude pad", 4];
        yield return ["softmax opset 11 flattens", 5];
        yield return ["matmul batch broadcast", 6];
        yield return ["transpose concat", 7];
    }

    [Theory]
    [MemberData(nameof(SingleOpCases))]
    public void SingleOperatorAgreesWithOnnxRuntime(string name, int which)
    {
        int opset = which == 5 ? 11 : 19;
        var b = new ModelBuilder(opset, 100 + which);
        int[] shape = [2, 4, 11, 9];
        string x = b.Input("x", 2, 4, 11, 9);
        string y = which switch
        {
            0 => b.Node("Conv", [x, b.Weight(0.5f, 5, 4, 3, 2)], ("dilations", new[] { 2, 3 }), ("pads", new[] { 2, 1, 0, 3 })),
            1 => b.Node("Conv", [x, b.Weight(0.5f, 6, 4, 4, 3), b.Weight(1f, 6)], ("strides", new[] { 3, 2 }), ("auto_pad", "SAME_LOWER")),
            2 => b.Node("Conv", [x, b.Weight(0.5f, 4, 1, 3, 3)], ("group", 4), ("pads", new[] { 1, 1, 1, 1 })),
            3 => b.Node("MaxPool", [x], ("kernel_shape", new[] { 3, 2 }), ("strides", new[] { 2, 2 }), ("dilations", new[] { 2, 1 }), ("ceil_mode", 1)),
            4 => b.Node("AveragePool", [x], ("kernel_shape", new[] { 3, 3 }), ("strides", new[] { 2, 2 }), ("pads", new[] { 1, 1, 1, 1 }), ("ceil_mode", 1)),
            5 => b.Node("Softmax", [x], ("axis", 2)),
            6 => b.Node("MatMul", [x, b.Weight(0.5f, 4, 9, 7)]),
            _ => b.Node("Concat", [b.Node("Transpose", [x], ("perm", new[] { 0, 1, 3, 2 })), b.Weight(1f, 2, 4, 9, 3)], ("axis", 3)),
        };
        b.Output(y);
        Compare(b.Build(), shape, 200 + which, name, inputScale: 2f);
    }
}
