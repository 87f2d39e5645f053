using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NamedOnnxValue = Microsoft.ML.OnnxRuntime.NamedOnnxValue;
using Microsoft.ML.OnnxRuntime.Tensors;
using XairrosX.AI.Onnx;
using XairrosX.AI.Quantization;
using XairrosX.AI.Runtime;
using Xunit;
using Xunit.Abstractions;
using Tensor = XairrosX.AI.Tensors.Tensor;

namespace XairrosX.Tests.AI;

public class QuantizationTests(ITestOutputHelper output)
{
    private static List<IReadOnlyList<Tensor>> MnistInputs()
    {
        var list = new List<IReadOnlyList<Tensor>>();
        for (int set = 0; set < 3; set++)
            list.Add([OnnxTestData.LoadTensor(Path.Combine(MnistTests.MnistDir, $"test_data_set_{set}", "input_0.pb"))]);
        return list;
    }

    /// <summary>Calibration set: the three digits shifted by up to two pixels (never the evaluation images alone).</summary>
    private static List<IReadOnlyList<Tensor>> Calibration(List<IReadOnlyList<Tensor>> images)
    {
        var list = new List<IReadOnlyList<Tensor>>();
        foreach (IReadOnlyList<Tensor> image in images)
        {
            float[] src = image[0].Span<float>().ToArray();
            for (int dy = -2; dy <= 2; dy += 2)
                for (int dx = -2; dx <= 2; dx += 2)
                {
                    var shifted = new float[784];
                    for (int y = 0; y < 28; y++)
                        for (int x = 0; x < 28; x++)
                        {
                            int sy = y - dy, sx = x - dx;
                            if ((uint)sy < 28 && (uint)sx < 28) shifted[y * 28 + x] = src[sy * 28 + sx];
                        }
                    list.Add([Tensor.FromSpan<float>(shifted, [1, 1, 28, 28])]);
                }
        }
        return list;
    }

    [Fact]
    public void QuantizedMnistStaysCloseToFp32()
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(MnistTests.MnistDir, "model.onnx"));
        OnnxModel model = OnnxParser.ParseModel(bytes);
        List<IReadOnlyList<Tensor>> images = MnistInputs();
        OnnxModel quantized = PostTrainingQuantizer.Quantize(model, Calibration(images));
        Assert.Contains(quantized.Graph.Nodes, n => n.OpType == "QLinearMatMul");
        Assert.Equal(2, quantized.Graph.Nodes.Count(n => n.OpType == "Conv"));
        Assert.Contains(quantized.Graph.Initializers, t => t.DataType == XairrosX.AI.Tensors.TensorDataType.Int8);

        byte[] quantizedBytes = OnnxWriter.Serialize(quantized);
        using var fp32 = new InferenceSession(model);
        using var q = InferenceSession.Load(quantizedBytes);
        QuantizationReport report = QuantizationReport.Compare(fp32, q, images);
        output.WriteLine("MNIST int8 vs fp32: " + report);
        Assert.Equal(1.0, report.ArgmaxAgreement);
        Assert.True(report.MaxRelativeToRange < 0.05, report.ToString());
        Assert.True(report.MaxAbsoluteError > 0, "quantization must actually change the arithmetic");
        Assert.True(quantizedBytes.Length < bytes.Length / 2, $"quantized model {quantizedBytes.Length} bytes vs {bytes.Length}");

        // ONNX Runtime runs the same quantized file and agrees with this engine to within one output quantization step.
        using var ort = new Microsoft.ML.OnnxRuntime.InferenceSession(quantizedBytes);
        foreach (IReadOnlyList<Tensor> image in images)
        {
            float[] data = image[0].Span<float>().ToArray();
            using var results = ort.Run([NamedOnnxValue.CreateFromTensor("Input3", new DenseTensor<float>(data, [1, 1, 28, 28]))]);
            float[] expected = results.First().AsTensor<float>().ToArray();
            float[] actual = q.Run(image)[0].Span<float>().ToArray();
            float range = expected.Max() - expected.Min();
            for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= 0.02 * range, $"[{i}] ours {actual[i]} ORT {expected[i]}");
        }
    }

    [Fact]
    public void QuantizedMlpFromDifferentialTestsKeepsPredictions()
    {
        byte[] bytes = OrtDifferentialTests.Mlp(5, batch: 1);
        OnnxModel model = OnnxParser.ParseModel(bytes);
        var rng = new Random(9);
        var samples = new List<IReadOnlyList<Tensor>>();
        for (int i = 0; i < 40; i++) samples.Add([Tensor.FromSpan<float>(OrtDifferentialTests.RandomData(rng, 64), [1, 64])]);
        OnnxModel quantized = PostTrainingQuantizer.Quantize(model, samples.Take(30).ToList());
        using var fp32 = new InferenceSession(model);
        using var q = new InferenceSession(quantized);
        QuantizationReport report = QuantizationReport.Compare(fp32, q, samples.Skip(30).ToList());
        output.WriteLine("MLP int8 vs fp32: " + report);
        Assert.True(report.MaxRelativeToRange < 0.1, report.ToString());
    }

    [Fact]
    public void PerChannelWeightQuantizationIsSymmetricAndBounded()
    {
        float[] w = [1f, -0.5f, 0.25f, 0f, 0.03f, -0.04f];
        (sbyte[] values, float[] scales) = QuantizedGraphWriter.QuantizePerChannel(w, 2, 3, channelIsColumn: false);
        Assert.Equal(1f / 127, scales[0], 6);
        Assert.Equal(0.04f / 127, scales[1], 6);
        Assert.Equal(new sbyte[] { 127, -64, 32, 0, 95, -127 }, values);
    }
}
