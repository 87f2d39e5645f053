using XairrosX.AI.Kernels;
using XairrosX.AI.Onnx;
using XairrosX.AI.Runtime.Operators;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime;

/// <summary>
/// Evaluates nodes whose inputs are all constants once, ahead of time, with the same operators the
/// executor uses (a Reshape of a weight, the DequantizeLinear of int8 weights in QDQ models, …).
/// </summary>
public static class ConstantFolder
{
    /// <summary>Runs one node on constant inputs and returns its outputs (owned by the caller; null for omitted outputs).</summary>
    public static Tensor?[] Evaluate(OnnxNode node, int opset, IReadOnlyList<Tensor?> inputs)
    {
        Operator op = OperatorRegistry.Create(node, opset);
        int inCount = inputs.Count, outCount = node.Outputs.Count;
        var types = new ValueType?[inCount];
        for (int i = 0; i < inCount; i++)
            if (inputs[i] is Tensor t) types[i] = new ValueType { DataType = t.DataType, Shape = t.Shape.ToArray(), Value = t };
        var shapes = new ShapeContext(node, opset, types, outCount);
        try
        {
            op.InferShapes(shapes);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new OnnxModelException($"{node.Describe()}: {e.Message}", e);
        }

        var values = new Tensor?[inCount + outCount];
        var inIdx = new int[inCount];
        var outIdx = new int[outCount];
        for (int i = 0; i < inCount; i++)
        {
            values[i] = inputs[i];
            inIdx[i] = inputs[i] != null ? i : -1;
        }
        var owned = new Tensor?[outCount];
        for (int o = 0; o < outCount; o++)
        {
            outIdx[o] = node.Outputs[o].Length > 0 ? inCount + o : -1;
            if (outIdx[o] < 0) continue;
            ValueType vt = shapes.Output(o);
            if (!op.OutputIsViewOfInput || o > 0) values[inCount + o] = owned[o] = Tensor.Create(vt.DataType, vt.Shape);
        }
        using var gemm = new GemmWorkspace();
        using NativeBuffer? scratch = shapes.ScratchBytes > 0 ? new NativeBuffer(shapes.ScratchBytes) : null;
        var ctx = new OpContext(values, gemm) { Scratch = scratch };
        ctx.Bind(inIdx, outIdx);
        op.Execute(ctx);
        // A view output must outlive its source: give the caller a copy it owns.
        if (op.OutputIsViewOfInput && outIdx[0] >= 0) owned[0] = values[inCount]!.Clone();
        return owned;
    }

    /// <summary>True when every present input of <paramref name="node"/> is in <paramref name="isConstant"/>.</summary>
    internal static bool AllInputsConstant(OnnxNode node, Func<string, bool> isConstant)
    {
        if (node.Inputs.Count == 0) return false;
        foreach (string i in node.Inputs)
            if (i.Length > 0 && !isConstant(i)) return false;
        return true;
    }

    /// <summary>A copy of <paramref name="model"/> with every constant-only node replaced by initializers.</summary>
    public static OnnxModel FoldModel(OnnxModel model)
    {
        var result = new OnnxModel { IrVersion = model.IrVersion, ProducerName = model.ProducerName };
        result.OpsetImports.AddRange(model.OpsetImports);
        OnnxGraph g = result.Graph;
        g.Name = model.Graph.Name;
        g.Inputs.AddRange(model.Graph.Inputs);
        g.Outputs.AddRange(model.Graph.Outputs);
        g.ValueInfos.AddRange(model.Graph.ValueInfos);
        var constants = new Dictionary<string, OnnxTensorProto>();
        foreach (OnnxTensorProto t in model.Graph.Initializers) constants[t.Name] = t;
        g.Initializers.AddRange(model.Graph.Initializers);
        foreach (OnnxNode node in model.Graph.Nodes)
        {
            if (node.OpType == "Constant" || !AllInputsConstant(node, constants.ContainsKey))
            {
                g.Nodes.Add(node);
                continue;
            }
            var inputs = new Tensor?[node.Inputs.Count];
            try
            {
                for (int i = 0; i < inputs.Length; i++) inputs[i] = node.Inputs[i].Length > 0 ? constants[node.Inputs[i]].ToTensor() : null;
                Tensor?[] outputs = Evaluate(node, model.DefaultOpset, inputs);
                for (int o = 0; o < outputs.Length; o++)
                {
                    if (outputs[o] is not Tensor t) continue;
                    OnnxTensorProto proto = OnnxTensorProto.FromTensor(t, node.Outputs[o]);
                    constants[proto.Name] = proto;
                    g.Initializers.Add(proto);
                    t.Dispose();
                }
            }
            finally
            {
                foreach (Tensor? t in inputs) t?.Dispose();
            }
        }
        return result;
    }
}
