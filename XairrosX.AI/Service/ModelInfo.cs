using System.Text;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Service;

/// <summary>What <c>ai info</c> shows about a loaded model.</summary>
/// <param name="Name">Name the model was loaded under.</param>
/// <param name="Opset">Default-domain opset.</param>
/// <param name="Inputs">"name: TYPE[dims]" per input.</param>
/// <param name="Outputs">"name: TYPE[dims]" per output.</param>
/// <param name="Operators">Distinct operator types.</param>
/// <param name="NodeCount">Nodes executed per run.</param>
/// <param name="ModelBytes">Size of the serialized model.</param>
/// <param name="WeightBytes">Bytes of decoded weights.</param>
/// <param name="ArenaBytes">Activation arena (0 until the first run).</param>
/// <param name="ScratchBytes">im2col / packing scratch (0 until the first run).</param>
public sealed record ModelInfo(string Name, int Opset, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs,
    IReadOnlyList<string> Operators, int NodeCount, long ModelBytes, long WeightBytes, long ArenaBytes, long ScratchBytes)
{
    /// <summary>"Input3: FLOAT[1,1,28,28]" (symbolic dimensions by name, unknown as '?').</summary>
    public static string Describe(OnnxValueInfo v)
    {
        var sb = new StringBuilder(v.Name).Append(": ").Append(TensorDataTypes.Name(v.ElementType));
        if (v.Dims == null) return sb.Append("[?]").ToString();
        sb.Append('[');
        for (int i = 0; i < v.Dims.Length; i++)
        {
            if (i > 0) sb.Append(',');
            string? param = v.DimParams != null && i < v.DimParams.Length ? v.DimParams[i] : null;
            sb.Append(param ?? (v.Dims[i] >= 0 ? v.Dims[i].ToString(System.Globalization.CultureInfo.InvariantCulture) : "?"));
        }
        return sb.Append(']').ToString();
    }

    /// <summary>Multi-line text for the shell.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("model ").Append(Name).Append(" (opset ").Append(Opset).Append(", ").Append(NodeCount).Append(" nodes)\n");
        foreach (string i in Inputs) sb.Append("  input  ").Append(i).Append('\n');
        foreach (string o in Outputs) sb.Append("  output ").Append(o).Append('\n');
        sb.Append("  ops    ").Append(string.Join(", ", Operators)).Append('\n');
        sb.Append("  memory model ").Append(ModelBytes).Append(" B, weights ").Append(WeightBytes)
          .Append(" B, arena ").Append(ArenaBytes).Append(" B, scratch ").Append(ScratchBytes).Append(" B");
        return sb.ToString();
    }
}

/// <summary>Latency figures of <c>ai bench</c>.</summary>
/// <param name="Iterations">Timed runs.</param>
/// <param name="P50Milliseconds">Median latency.</param>
/// <param name="P99Milliseconds">99th percentile latency.</param>
/// <param name="MeanMilliseconds">Mean latency.</param>
/// <param name="InferencesPerSecond">Iterations divided by total time.</param>
public readonly record struct BenchResult(int Iterations, double P50Milliseconds, double P99Milliseconds, double MeanMilliseconds, double InferencesPerSecond)
{
    /// <summary>One line for the shell.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Iterations} runs: p50 {P50Milliseconds:F4} ms, p99 {P99Milliseconds:F4} ms, mean {MeanMilliseconds:F4} ms, {InferencesPerSecond:F0} inferences/s");
}
