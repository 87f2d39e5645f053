using System;
using System.IO;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.Benchmarks.AI;

/// <summary>Inputs shared by the AI benchmarks: a MatMul model for ORT and the MNIST files from the shared vectors.</summary>
internal static class BenchModels
{
    public static float[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        var a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float)(rng.NextDouble() * 2 - 1);
        return a;
    }

    /// <summary>Y = A·B with A an input [n,n] and B a constant [n,n].</summary>
    public static byte[] MatMulModel(int n, float[] b)
    {
        var model = new OnnxModel { IrVersion = 8 };
        model.OpsetImports.Add(new OnnxOpsetImport("", 17));
        var raw = new byte[b.Length * 4];
        Buffer.BlockCopy(b, 0, raw, 0, raw.Length);
        var init = new OnnxTensorProto { Name = "B", DataType = TensorDataType.Float, RawData = raw };
        init.Dims.AddRange([n, n]);
        model.Graph.Initializers.Add(init);
        model.Graph.Inputs.Add(new OnnxValueInfo { Name = "A", ElementType = TensorDataType.Float, Dims = [n, n] });
        model.Graph.Outputs.Add(new OnnxValueInfo { Name = "Y", ElementType = TensorDataType.Float, Dims = [n, n] });
        var node = new OnnxNode { OpType = "MatMul", Name = "mm" };
        node.Inputs.AddRange(["A", "B"]);
        node.Outputs.Add("Y");
        model.Graph.Nodes.Add(node);
        return OnnxWriter.Serialize(model);
    }

    /// <summary>Finds ../shared/vectors/… from the benchmark's working directory upwards.</summary>
    public static string Vector(params string[] parts)
    {
        string env = Environment.GetEnvironmentVariable("XAIRROSX_VECTORS");
        if (!string.IsNullOrEmpty(env)) return Path.Combine([env, .. parts]);
        for (DirectoryInfo dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "vectors");
            if (Directory.Exists(candidate)) return Path.Combine([candidate, .. parts]);
        }
        throw new DirectoryNotFoundException("shared/vectors not found; set XAIRROSX_VECTORS");
    }
}
