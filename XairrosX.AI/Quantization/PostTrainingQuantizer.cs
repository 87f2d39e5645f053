using XairrosX.AI.Onnx;
using XairrosX.AI.Runtime;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Quantization;

/// <summary>
/// Post-training static int8 quantization of an fp32 ONNX model. Calibration runs the model on
/// sample inputs and records the range of every activation that feeds (or leaves) a quantized node.
/// Then:
/// <list type="bullet">
/// <item>MatMul / Gemm (transA=0, alpha=beta=1) with a constant weight become
/// QuantizeLinear → QLinearMatMul (int8 weights, one scale per output column) → DequantizeLinear (+ Add for Gemm's bias);</item>
/// <item>Conv with constant weights becomes QDQ form: the input passes QuantizeLinear/DequantizeLinear and the weight is
/// stored as int8 with one scale per output channel behind a DequantizeLinear (axis 0).</item>
/// </list>
/// The result is a standard ONNX model: it runs on this engine and on any ONNX runtime.
/// </summary>
public static class PostTrainingQuantizer
{
    /// <summary>Quantizes <paramref name="model"/> using <paramref name="calibrationInputs"/> (each entry one set of model inputs).</summary>
    public static OnnxModel Quantize(OnnxModel model, IReadOnlyList<IReadOnlyList<Tensor>> calibrationInputs)
    {
        if (calibrationInputs.Count == 0) throw new ArgumentException("at least one calibration input set is needed");
        // Weights reached through constant-only nodes (e.g. a Reshape of an initializer) become plain initializers.
        model = ConstantFolder.FoldModel(model);
        var constants = new Dictionary<string, OnnxTensorProto>();
        foreach (OnnxTensorProto t in model.Graph.Initializers) constants[t.Name] = t;
        var targets = new List<OnnxNode>();
        foreach (OnnxNode node in model.Graph.Nodes)
            if (IsQuantizable(node, constants)) targets.Add(node);

        var observed = new List<string>();
        foreach (OnnxNode n in targets)
        {
            if (!observed.Contains(n.Inputs[0])) observed.Add(n.Inputs[0]);
            if (n.OpType != "Conv" && !observed.Contains(n.Outputs[0])) observed.Add(n.Outputs[0]);
        }
        Dictionary<string, CalibrationRange> ranges = Calibrate(model, observed, calibrationInputs);

        var result = new OnnxModel { IrVersion = model.IrVersion, ProducerName = "xairrosx-ptq" };
        int opset = Math.Max(model.DefaultOpset, 13); // per-axis DequantizeLinear needs opset 13
        result.OpsetImports.Add(new OnnxOpsetImport("", opset));
        OnnxGraph g = result.Graph;
        g.Name = model.Graph.Name;
        // Old IR versions list initializers as inputs too; only real inputs are kept (replaced weights would dangle).
        foreach (OnnxValueInfo input in model.Graph.Inputs)
            if (!constants.ContainsKey(input.Name)) g.Inputs.Add(input);
        g.Outputs.AddRange(model.Graph.Outputs);
        var rewriter = new QuantizedGraphWriter(g, ranges);
        foreach (OnnxNode node in model.Graph.Nodes)
        {
            if (!targets.Contains(node)) { g.Nodes.Add(node); continue; }
            if (node.OpType == "Conv") rewriter.Conv(node, constants[node.Inputs[1]]);
            else rewriter.MatMul(node, constants[node.Inputs[1]], node.OpType == "Gemm" && node.Find("transB")?.Int == 1);
        }
        // Keep only initializers the new graph still reads (quantized weights replace the float ones).
        var stillUsed = new HashSet<string>();
        foreach (OnnxNode n in g.Nodes) foreach (string i in n.Inputs) stillUsed.Add(i);
        foreach (OnnxTensorProto t in model.Graph.Initializers) if (stillUsed.Contains(t.Name)) g.Initializers.Add(t);
        g.Initializers.AddRange(rewriter.NewInitializers);
        return result;
    }

    private static bool IsQuantizable(OnnxNode node, Dictionary<string, OnnxTensorProto> constants)
    {
        if (node.Inputs.Count < 2 || !constants.TryGetValue(node.Inputs[1], out OnnxTensorProto? w) || w.DataType != TensorDataType.Float) return false;
        switch (node.OpType)
        {
            case "MatMul":
                return w.Dims.Count == 2;
            case "Gemm":
                return w.Dims.Count == 2 && (node.Find("transA")?.Int ?? 0) == 0
                    && (node.Find("alpha")?.Float ?? 1f) == 1f && (node.Find("beta")?.Float ?? 1f) == 1f;
            case "Conv":
                return w.Dims.Count == 4;
            default:
                return false;
        }
    }

    private static Dictionary<string, CalibrationRange> Calibrate(OnnxModel model, List<string> names, IReadOnlyList<IReadOnlyList<Tensor>> samples)
    {
        // Expose every observed value as an extra graph output, then run the model on each sample.
        var probe = new OnnxModel { IrVersion = model.IrVersion, Graph = new OnnxGraph { Name = model.Graph.Name } };
        probe.OpsetImports.AddRange(model.OpsetImports);
        probe.Graph.Nodes.AddRange(model.Graph.Nodes);
        probe.Graph.Initializers.AddRange(model.Graph.Initializers);
        probe.Graph.Inputs.AddRange(model.Graph.Inputs);
        foreach (string n in names) probe.Graph.Outputs.Add(new OnnxValueInfo { Name = n, ElementType = TensorDataType.Float });
        var ranges = new Dictionary<string, CalibrationRange>();
        foreach (string n in names) ranges[n] = new CalibrationRange();
        using var session = new InferenceSession(probe);
        foreach (IReadOnlyList<Tensor> sample in samples)
        {
            Tensor[] outputs = session.Run(sample);
            for (int i = 0; i < names.Count; i++) ranges[names[i]].Observe(outputs[i].Span<float>());
        }
        return ranges;
    }
}
