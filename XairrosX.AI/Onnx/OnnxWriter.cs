namespace XairrosX.AI.Onnx;

/// <summary>Serializes <see cref="OnnxModel"/> objects to ONNX protobuf bytes (the inverse of <see cref="OnnxParser"/>).</summary>
public static class OnnxWriter
{
    /// <summary>Encodes a model.</summary>
    public static byte[] Serialize(OnnxModel model)
    {
        var w = new ProtoWriter();
        w.Int64(1, model.IrVersion);
        if (model.ProducerName.Length > 0) w.String(2, model.ProducerName);
        w.Message(7, Graph(model.Graph));
        foreach (OnnxOpsetImport o in model.OpsetImports)
        {
            var op = new ProtoWriter();
            if (o.Domain.Length > 0) op.String(1, o.Domain);
            op.Int64(2, o.Version);
            w.Message(8, op);
        }
        return w.ToArray();
    }

    /// <summary>Encodes a TensorProto (what <c>input_0.pb</c> files hold).</summary>
    public static byte[] Serialize(OnnxTensorProto tensor) => Tensor(tensor).ToArray();

    private static ProtoWriter Graph(OnnxGraph g)
    {
        var w = new ProtoWriter();
        foreach (OnnxNode n in g.Nodes) w.Message(1, Node(n));
        if (g.Name.Length > 0) w.String(2, g.Name);
        foreach (OnnxTensorProto t in g.Initializers) w.Message(5, Tensor(t));
        foreach (OnnxValueInfo v in g.Inputs) w.Message(11, ValueInfo(v));
        foreach (OnnxValueInfo v in g.Outputs) w.Message(12, ValueInfo(v));
        foreach (OnnxValueInfo v in g.ValueInfos) w.Message(13, ValueInfo(v));
        return w;
    }

    private static ProtoWriter Node(OnnxNode n)
    {
        var w = new ProtoWriter();
        foreach (string i in n.Inputs) w.String(1, i);
        foreach (string o in n.Outputs) w.String(2, o);
        if (n.Name.Length > 0) w.String(3, n.Name);
        w.String(4, n.OpType);
        foreach (OnnxAttribute a in n.Attributes) w.Message(5, Attribute(a));
        if (n.Domain.Length > 0) w.String(7, n.Domain);
        return w;
    }

    private static ProtoWriter Attribute(OnnxAttribute a)
    {
        var w = new ProtoWriter();
        w.String(1, a.Name);
        switch (a.Type)
        {
            case OnnxAttributeType.Float: w.Float(2, a.Float); break;
            case OnnxAttributeType.Int: w.Int64(3, a.Int); break;
            case OnnxAttributeType.String: w.Bytes(4, a.String); break;
            case OnnxAttributeType.Tensor: w.Message(5, Tensor(a.Tensor ?? new OnnxTensorProto())); break;
            case OnnxAttributeType.Graph: w.Message(6, Graph(a.Graph ?? new OnnxGraph())); break;
            case OnnxAttributeType.Floats: w.PackedFloat(7, a.Floats); break;
            case OnnxAttributeType.Ints: w.PackedInt64(8, a.Ints); break;
            case OnnxAttributeType.Strings: foreach (byte[] s in a.Strings) w.Bytes(9, s); break;
            default: throw new NotSupportedException($"cannot write attribute type {a.Type}");
        }
        w.Int64(20, (long)a.Type);
        return w;
    }

    private static ProtoWriter Tensor(OnnxTensorProto t)
    {
        var w = new ProtoWriter();
        if (t.Dims.Count > 0) w.PackedInt64(1, t.Dims);
        w.Int64(2, (long)t.DataType);
        if (t.FloatData.Count > 0) w.PackedFloat(4, t.FloatData);
        if (t.Int32Data.Count > 0)
        {
            var longs = new List<long>(t.Int32Data.Count);
            foreach (int v in t.Int32Data) longs.Add(v);
            w.PackedInt64(5, longs);
        }
        if (t.Int64Data.Count > 0) w.PackedInt64(7, t.Int64Data);
        if (t.Name.Length > 0) w.String(8, t.Name);
        if (t.RawData != null) w.Bytes(9, t.RawData);
        return w;
    }

    private static ProtoWriter ValueInfo(OnnxValueInfo v)
    {
        var w = new ProtoWriter();
        w.String(1, v.Name);
        var tensorType = new ProtoWriter();
        tensorType.Int64(1, (long)v.ElementType);
        if (v.Dims != null)
        {
            var shape = new ProtoWriter();
            for (int i = 0; i < v.Dims.Length; i++)
            {
                var dim = new ProtoWriter();
                string? param = v.DimParams != null && i < v.DimParams.Length ? v.DimParams[i] : null;
                if (param != null) dim.String(2, param);
                else if (v.Dims[i] >= 0) dim.Int64(1, v.Dims[i]);
                shape.Message(1, dim);
            }
            tensorType.Message(2, shape);
        }
        var type = new ProtoWriter();
        type.Message(1, tensorType);
        w.Message(2, type);
        return w;
    }
}
