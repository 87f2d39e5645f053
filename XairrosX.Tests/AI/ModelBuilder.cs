using System;
using System.Collections.Generic;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.Tests.AI;

/// <summary>Builds small ONNX models in code (serialized by the library's own protobuf writer) for differential tests.</summary>
internal sealed class ModelBuilder
{
    private readonly OnnxModel _model = new() { IrVersion = 8, ProducerName = "xairrosx-tests" };
    private readonly Random _rng;
    private int _counter;

    public ModelBuilder(int opset, int seed)
    {
        _model.OpsetImports.Add(new OnnxOpsetImport("", opset));
        _rng = new Random(seed);
    }

    public OnnxGraph Graph => _model.Graph;

    public string Input(string name, params long[] dims)
    {
        _model.Graph.Inputs.Add(new OnnxValueInfo { Name = name, ElementType = TensorDataType.Float, Dims = dims, DimParams = new string?[dims.Length] });
        return name;
    }

    public void Output(string name) => _model.Graph.Outputs.Add(new OnnxValueInfo { Name = name, ElementType = TensorDataType.Float });

    public string Weight(float scale, params int[] dims)
    {
        int n = 1;
        foreach (int d in dims) n *= d;
        var data = new float[n];
        for (int i = 0; i < n; i++) data[i] = (float)((_rng.NextDouble() * 2 - 1) * scale);
        return Constant(data, dims);
    }

    public string Constant(float[] data, params int[] dims)
    {
        string name = $"w{_counter++}";
        var bytes = new byte[data.Length * 4];
        Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
        var t = new OnnxTensorProto { Name = name, DataType = TensorDataType.Float, RawData = bytes };
        foreach (int d in dims) t.Dims.Add(d);
        _model.Graph.Initializers.Add(t);
        return name;
    }

    public string Int64Constant(params long[] values)
    {
        string name = $"c{_counter++}";
        var t = new OnnxTensorProto { Name = name, DataType = TensorDataType.Int64 };
        t.Dims.Add(values.Length);
        t.Int64Data.AddRange(values);
        _model.Graph.Initializers.Add(t);
        return name;
    }

    public string Node(string op, string[] inputs, params (string Name, object Value)[] attributes)
    {
        string output = $"v{_counter++}";
        var node = new OnnxNode { OpType = op, Name = $"{op}_{_counter}" };
        node.Inputs.AddRange(inputs);
        node.Outputs.Add(output);
        foreach ((string name, object value) in attributes)
        {
            var a = new OnnxAttribute { Name = name };
            switch (value)
            {
                case int i: a.Type = OnnxAttributeType.Int; a.Int = i; break;
                case float f: a.Type = OnnxAttributeType.Float; a.Float = f; break;
                case string s: a.Type = OnnxAttributeType.String; a.String = System.Text.Encoding.UTF8.GetBytes(s); break;
                case int[] ints: a.Type = OnnxAttributeType.Ints; foreach (int v in ints) a.Ints.Add(v); break;
                default: throw new ArgumentException("unsupported attribute value");
            }
            node.Attributes.Add(a);
        }
        _model.Graph.Nodes.Add(node);
        return output;
    }

    public byte[] Build() => OnnxWriter.Serialize(_model);
}
