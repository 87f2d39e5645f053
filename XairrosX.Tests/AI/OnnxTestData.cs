using System;
using System.Collections.Generic;
using System.IO;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;
using Xunit;

namespace XairrosX.Tests.AI;

/// <summary>Loads ONNX test directories (model.onnx + test_data_set_*/input_*.pb, output_*.pb) and compares results.</summary>
internal static class OnnxTestData
{
    public static string NodeTestRoot => SharedVectors.Path("onnx__onnx", "onnx", "backend", "test", "data", "node");

    public static Tensor LoadTensor(string path) => OnnxTensorProto.Parse(File.ReadAllBytes(path)).ToTensor();

    public static List<Tensor> LoadSet(string setDir, string prefix)
    {
        var list = new List<Tensor>();
        for (int i = 0; File.Exists(Path.Combine(setDir, $"{prefix}_{i}.pb")); i++) list.Add(LoadTensor(Path.Combine(setDir, $"{prefix}_{i}.pb")));
        return list;
    }

    /// <summary>Asserts |actual − expected| ≤ atol + rtol·|expected| element-wise (ONNX's runner rule), shapes and types equal.</summary>
    public static void AssertClose(Tensor expected, Tensor actual, double rtol, double atol, string what, double atolScale = 0)
    {
        if (atolScale > 0)
        {
            double max = 0;
            for (int i = 0; i < expected.ElementCount; i++) max = Math.Max(max, Math.Abs(expected.GetAsDouble(i)));
            atol = Math.Max(atol, atolScale * max);
        }
        Assert.True(expected.DataType == actual.DataType, $"{what}: type {actual} vs expected {expected}");
        Assert.True(expected.Shape.SequenceEqual(actual.Shape), $"{what}: shape {actual} vs expected {expected}");
        Tensor a = actual.Contiguous();
        for (int i = 0; i < expected.ElementCount; i++)
        {
            double e = expected.GetAsDouble(i), v = a.GetAsDouble(i);
            if (double.IsNaN(e) && double.IsNaN(v)) continue;
            Assert.True(Math.Abs(v - e) <= atol + rtol * Math.Abs(e), $"{what}: element {i} is {v}, expected {e} (atol {atol})");
        }
    }

    public static void RunDirectory(string dir, double rtol, double atol, double atolScale = 0)
    {
        string model = Directory.GetFiles(dir, "*.onnx")[0];
        using var session = XairrosX.AI.Runtime.InferenceSession.Load(File.ReadAllBytes(model));
        foreach (string set in Directory.GetDirectories(dir, "test_data_set_*"))
        {
            List<Tensor> inputs = LoadSet(set, "input");
            List<Tensor> expected = LoadSet(set, "output");
            Tensor[] actual = session.Run(inputs);
            Assert.Equal(expected.Count, actual.Length);
            for (int i = 0; i < expected.Count; i++)
                AssertClose(expected[i], actual[i], rtol, atol, $"{Path.GetFileName(dir)}/{Path.GetFileName(set)} output {i}", atolScale);
        }
    }
}
