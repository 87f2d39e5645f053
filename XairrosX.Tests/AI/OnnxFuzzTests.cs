using System;
using System.Collections.Generic;
using System.IO;
using XairrosX.AI.Onnx;
using XairrosX.AI.Runtime;
using XairrosX.AI.Tensors;
using Xunit;

namespace XairrosX.Tests.AI;

/// <summary>
/// Corrupt inputs must end in one of the engine's documented exceptions (or load fine), never an
/// index, null-reference or overflow error. Seeds are fixed so failures reproduce.
/// </summary>
public class OnnxFuzzTests
{
    private static readonly string[] Models =
    [
        Path.Combine(MnistTests.MnistDir, "model.onnx"),
        Path.Combine(OnnxTestData.NodeTestRoot, "test_conv_with_strides_padding", "model.onnx"),
        Path.Combine(OnnxTestData.NodeTestRoot, "test_gemm_all_attributes", "model.onnx"),
        Path.Combine(OnnxTestData.NodeTestRoot, "test_qlinearmatmul_2D_uint8_float32", "model.onnx"),
    ];

    private static void LoadAndMaybeRun(byte[] bytes, int runs)
    {
        try
        {
            using InferenceSession session = InferenceSession.Load(bytes);
            if (runs == 0) return;
            var inputs = new List<Tensor>();
            foreach (OnnxValueInfo info in session.Inputs)
            {
                if (info.Dims == null || !TensorDataTypes.IsSupported(info.ElementType)) return;
                var shape = new int[info.Dims.Length];
                for (int i = 0; i < shape.Length; i++) shape[i] = info.Dims[i] is > 0 and < 64 ? (int)info.Dims[i] : 1;
                inputs.Add(Tensor.Create(info.ElementType, shape));
            }
            session.Run(inputs);
        }
        catch (OnnxFormatException) { }
        catch (OnnxNotSupportedException) { }
        catch (OnnxModelException) { }
        catch (ArgumentException e) when (e.Message.StartsWith("input", StringComparison.Ordinal)) { }
    }

    [Fact]
    public void RandomBytesAreRejectedCleanly()
    {
        var rng = new Random(1);
        for (int i = 0; i < 400; i++)
        {
            var bytes = new byte[rng.Next(0, 300)];
            rng.NextBytes(bytes);
            LoadAndMaybeRun(bytes, 0);
        }
    }

    [Fact]
    public void TruncatedModelsAreRejectedCleanly()
    {
        var rng = new Random(2);
        int cases = 0;
        foreach (string path in Models)
        {
            byte[] model = File.ReadAllBytes(path);
            for (int i = 0; i < 100; i++, cases++)
            {
                int length = rng.Next(0, model.Length);
                var e = Assert.Throws<OnnxFormatException>(() => OnnxParser.ParseModel(model.AsSpan(0, length)));
                Assert.False(string.IsNullOrEmpty(e.Message));
            }
        }
        Assert.True(cases >= 400);
    }

    [Fact]
    public void BitFlippedModelsFailCleanlyOrStillRun()
    {
        var rng = new Random(3);
        foreach (string path in Models)
        {
            byte[] model = File.ReadAllBytes(path);
            for (int i = 0; i < 150; i++)
            {
                byte[] copy = (byte[])model.Clone();
                int flips = rng.Next(1, 4);
                for (int f = 0; f < flips; f++) copy[rng.Next(copy.Length)] ^= (byte)(1 << rng.Next(8));
                LoadAndMaybeRun(copy, 1);
            }
        }
    }

    [Fact]
    public void BitFlippedNodeTestModelsFailCleanlyOrRunOnTheirInputs()
    {
        var rng = new Random(5);
        int cases = 0;
        foreach (string dir in Directory.GetDirectories(OnnxTestData.NodeTestRoot))
        {
            if (OnnxNodeTests.Unsupported.ContainsKey(Path.GetFileName(dir))) continue;
            byte[] model = File.ReadAllBytes(Path.Combine(dir, "model.onnx"));
            List<Tensor> inputs = OnnxTestData.LoadSet(Path.Combine(dir, "test_data_set_0"), "input");
            for (int i = 0; i < 8; i++, cases++)
            {
                byte[] copy = (byte[])model.Clone();
                for (int f = rng.Next(1, 4); f > 0; f--) copy[rng.Next(copy.Length)] ^= (byte)(1 << rng.Next(8));
                try
                {
                    using InferenceSession session = InferenceSession.Load(copy);
                    session.Run(inputs);
                }
                catch (OnnxFormatException) { }
                catch (OnnxNotSupportedException) { }
                catch (OnnxModelException) { }
                catch (ArgumentException e) when (e.Message.StartsWith("input", StringComparison.Ordinal) || e.Message.StartsWith("model expects", StringComparison.Ordinal)) { }
            }
        }
        Assert.True(cases >= 1000, $"only {cases} cases");
    }

    [Fact]
    public void CorruptTensorFilesAreRejectedCleanly()
    {
        byte[] input = File.ReadAllBytes(Path.Combine(MnistTests.MnistDir, "test_data_set_0", "input_0.pb"));
        var rng = new Random(4);
        for (int i = 0; i < 200; i++)
        {
            byte[] copy = (byte[])input.Clone();
            if (i % 2 == 0) Array.Resize(ref copy, rng.Next(copy.Length));
            else copy[rng.Next(Math.Min(copy.Length, 40))] ^= (byte)(1 << rng.Next(8));
            try
            {
                OnnxTensorProto.Parse(copy).ToTensor().Dispose();
            }
            catch (OnnxFormatException) { }
            catch (OnnxNotSupportedException) { }
        }
    }
}
