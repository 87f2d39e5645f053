using XairrosX.AI.Tensors;

namespace XairrosX.AI.Onnx;

/// <summary>
/// Decodes ONNX protobuf messages into <see cref="OnnxModel"/> objects. Unknown fields are skipped
/// (forward compatibility); nesting is limited so hostile input cannot exhaust the stack.
/// </summary>
public static class OnnxParser
{
    private const int MaxDepth = 32;

    /// <summary>Parses a serialized <c>ModelProto</c>.</summary>
    /// <exception cref="OnnxFormatException">The bytes are truncated, corrupt or not a model.</exception>
    public static OnnxModel ParseModel(ReadOnlySpan<byte> data)
    {
        var model = new OnnxModel();
        var r = new ProtoReader(data);
        bool sawGraph = false;
        while (r.TryReadKey(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1 when wt == WireType.Varint: model.IrVersion = r.ReadInt64(); break;
                case 2 when wt == WireType.LengthDelimited: model.ProducerName = r.ReadString(); break;
                case 7 when wt == WireType.LengthDelimited:
                    {
                        ReadOnlySpan<byte> g = r.ReadBytes(out int at);
                        model.Graph = ParseGraph(g, at, 1);
                        sawGraph = true;
                        break;
                    }
                case 8 when wt == WireType.LengthDelimited:
                    {
                        ReadOnlySpan<byte> o = r.ReadBytes(out int at);
                        model.OpsetImports.Add(ParseOpset(o, at));
                        break;
                    }
                default: SkipOrFail(ref r, field, wt, KnownModelField(field)); break;
            }
        }
        if (!sawGraph) throw new OnnxFormatException("model has no graph (field 7)");
        // IR ≥ 3 requires opset_import; its absence in such a model means the file was cut short.
        if (model.IrVersion >= 3 && model.OpsetImports.Count == 0) throw new OnnxFormatException("model declares no opset_import (field 8); truncated?");
        return model;
    }

    private static bool KnownModelField(int field) => field is 1 or 2 or 7 or 8;

    private static void SkipOrFail(ref ProtoReader r, int field, WireType wt, bool known)
    {
        // A known field with the wrong wire type is corruption, not an extension.
        if (known) throw r.Error($"field {field} has wrong wire type {(int)wt}");
        r.Skip(wt);
    }

    private static OnnxOpsetImport ParseOpset(ReadOnlySpan<byte> data, int at)
    {
        var r = new ProtoReader(data, at);
        string domain = "";
        long version = 0;
        while (r.TryReadKey(out int field, out WireType wt))
        {
            if (field == 1 && wt == WireType.LengthDelimited) domain = r.ReadString();
            else if (field == 2 && wt == WireType.Varint) version = r.ReadInt64();
            else SkipOrFail(ref r, field, wt, field is 1 or 2);
        }
        return new OnnxOpsetImport(domain, version);
    }

    internal static OnnxGraph ParseGraph(ReadOnlySpan<byte> data, int at, int depth)
    {
        if (depth > MaxDepth) throw new OnnxFormatException($"graphs nested deeper than {MaxDepth} at byte {at}");
        var graph = new OnnxGraph();
        var r = new ProtoReader(data, at);
        while (r.TryReadKey(out int field, out WireType wt))
        {
            if (wt != WireType.LengthDelimited || field is not (1 or 2 or 5 or 11 or 12 or 13))
            {
                SkipOrFail(ref r, field, wt, field is 1 or 2 or 5 or 11 or 12 or 13);
                continue;
            }
            ReadOnlySpan<byte> payload = r.ReadBytes(out int p);
            switch (field)
            {
                case 1: graph.Nodes.Add(ParseNode(payload, p, depth)); break;
                case 2: graph.Name = System.Text.Encoding.UTF8.GetString(payload); break;
                case 5: graph.Initializers.Add(ParseTensor(payload, p)); break;
                case 11: graph.Inputs.Add(ParseValueInfo(payload, p)); break;
                case 12: graph.Outputs.Add(ParseValueInfo(payload, p)); break;
                case 13: graph.ValueInfos.Add(ParseValueInfo(payload, p)); break;
            }
        }
        return graph;
    }

    private static OnnxNode ParseNode(ReadOnlySpan<byte> data, int at, int depth)
    {
        var node = new OnnxNode();
        var r = new ProtoReader(data, at);
        while (r.TryReadKey(out int field, out WireType wt))
        {
            if (wt != WireType.LengthDelimited || field is not (1 or 2 or 3 or 4 or 5 or 7))
            {
                SkipOrFail(ref r, field, wt, field is 1 or 2 or 3 or 4 or 5 or 7);
                continue;
            }
            ReadOnlySpan<byte> payload = r.ReadBytes(out int p);
            switch (field)
            {
                case 1: node.Inputs.Add(System.Text.Encoding.UTF8.GetString(payload)); break;
                case 2: node.Outputs.Add(System.Text.Encoding.UTF8.GetString(payload)); break;
                case 3: node.Name = System.Text.Encoding.UTF8.GetString(payload); break;
                case 4: node.OpType = System.Text.Encoding.UTF8.GetString(payload); break;
                case 5: node.Attributes.Add(ParseAttribute(payload, p, depth)); break;
                case 7: node.Domain = System.Text.Encoding.UTF8.GetString(payload); break;
            }
        }
        if (node.OpType.Length == 0) throw new OnnxFormatException($"node at byte {at} has no op_type");
        return node;
    }

    private static OnnxAttribute ParseAttribute(ReadOnlySpan<byte> data, int at, int depth)
    {
        var a = new OnnxAttribute();
        var r = new ProtoReader(data, at);
        while (r.TryReadKey(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1 when wt == WireType.LengthDelimited: a.Name = r.ReadString(); break;
                case 2 when wt == WireType.Fixed32: a.Float = r.ReadFloat(); break;
                case 3 when wt == WireType.Varint: a.Int = r.ReadInt64(); break;
                case 4 when wt == WireType.LengthDelimited: a.String = r.ReadBytes().ToArray(); break;
                case 5 when wt == WireType.LengthDelimited: { var t = r.ReadBytes(out int p); a.Tensor = ParseTensor(t, p); break; }
                case 6 when wt == WireType.LengthDelimited: { var g = r.ReadBytes(out int p); a.Graph = ParseGraph(g, p, depth + 1); break; }
                case 7: ReadPackedOrSingle(ref r, wt, WireType.Fixed32, a.Floats, static (ref ProtoReader x) => x.ReadFloat()); break;
                case 8: ReadPackedOrSingle(ref r, wt, WireType.Varint, a.Ints, static (ref ProtoReader x) => x.ReadInt64()); break;
                case 9 when wt == WireType.LengthDelimited: a.Strings.Add(r.ReadBytes().ToArray()); break;
                case 20 when wt == WireType.Varint: a.Type = (OnnxAttributeType)r.ReadInt32Checked("attribute type"); break;
                default: SkipOrFail(ref r, field, wt, field is 1 or 2 or 3 or 4 or 5 or 6 or 9 or 20); break;
            }
        }
        if (a.Name.Length == 0) throw new OnnxFormatException($"attribute at byte {at} has no name");
        return a;
    }

    private static OnnxValueInfo ParseValueInfo(ReadOnlySpan<byte> data, int at)
    {
        var info = new OnnxValueInfo();
        var r = new ProtoReader(data, at);
        while (r.TryReadKey(out int field, out WireType wt))
        {
            if (field == 1 && wt == WireType.LengthDelimited) info.Name = r.ReadString();
            else if (field == 2 && wt == WireType.LengthDelimited) { var t = r.ReadBytes(out int p); ParseType(t, p, info); }
            else SkipOrFail(ref r, field, wt, field is 1 or 2);
        }
        return info;
    }

    private static void ParseType(ReadOnlySpan<byte> data, int at, OnnxValueInfo info)
    {
        var r = new ProtoReader(data, at);
        while (r.TryReadKey(out int field, out WireType wt))
        {
            if (field != 1 || wt != WireType.LengthDelimited) { r.Skip(wt); continue; }
            var tensorType = new ProtoReader(r.ReadBytes(out int p), p);
            while (tensorType.TryReadKey(out int f, out WireType w))
            {
                if (f == 1 && w == WireType.Varint) info.ElementType = (TensorDataType)tensorType.ReadInt32Checked("elem_type");
                else if (f == 2 && w == WireType.LengthDelimited) { var s = tensorType.ReadBytes(out int q); ParseShape(s, q, info); }
                else SkipOrFail(ref tensorType, f, w, f is 1 or 2);
            }
        }
    }

    private static void ParseShape(ReadOnlySpan<byte> data, int at, OnnxValueInfo info)
    {
        var dims = new List<long>();
        var names = new List<string?>();
        var r = new ProtoReader(data, at);
        while (r.TryReadKey(out int field, out WireType wt))
        {
            if (field != 1 || wt != WireType.LengthDelimited) { SkipOrFail(ref r, field, wt, field == 1); continue; }
            var dim = new ProtoReader(r.ReadBytes(out int p), p);
            long value = -1;
            string? name = null;
            while (dim.TryReadKey(out int f, out WireType w))
            {
                if (f == 1 && w == WireType.Varint) value = dim.ReadInt64();
                else if (f == 2 && w == WireType.LengthDelimited) name = dim.ReadString();
                else SkipOrFail(ref dim, f, w, f is 1 or 2);
            }
            dims.Add(value);
            names.Add(name);
        }
        info.Dims = dims.ToArray();
        info.DimParams = names.ToArray();
    }

    /// <summary>Parses a serialized TensorProto whose payload starts at absolute offset <paramref name="at"/>.</summary>
    internal static OnnxTensorProto ParseTensor(ReadOnlySpan<byte> data, int at)
    {
        var t = new OnnxTensorProto();
        var r = new ProtoReader(data, at);
        while (r.TryReadKey(out int field, out WireType wt))
        {
            switch (field)
            {
                case 1: ReadPackedOrSingle(ref r, wt, WireType.Varint, t.Dims, static (ref ProtoReader x) => x.ReadInt64()); break;
                case 2 when wt == WireType.Varint: t.DataType = (TensorDataType)r.ReadInt32Checked("data_type"); break;
                case 4: ReadPackedOrSingle(ref r, wt, WireType.Fixed32, t.FloatData, static (ref ProtoReader x) => x.ReadFloat()); break;
                case 5: ReadPackedOrSingle(ref r, wt, WireType.Varint, t.Int32Data, static (ref ProtoReader x) => (int)x.ReadInt64()); break;
                case 7: ReadPackedOrSingle(ref r, wt, WireType.Varint, t.Int64Data, static (ref ProtoReader x) => x.ReadInt64()); break;
                case 8 when wt == WireType.LengthDelimited: t.Name = r.ReadString(); break;
                case 9 when wt == WireType.LengthDelimited: t.RawData = r.ReadBytes().ToArray(); break;
                case 10: ReadPackedOrSingle(ref r, wt, WireType.Fixed64, t.DoubleData, static (ref ProtoReader x) => BitConverter.Int64BitsToDouble((long)x.ReadFixed64())); break;
                case 11: ReadPackedOrSingle(ref r, wt, WireType.Varint, t.UInt64Data, static (ref ProtoReader x) => x.ReadVarint()); break;
                case 13 when wt == WireType.LengthDelimited: r.ReadBytes(); t.HasExternalData = true; break;
                case 14 when wt == WireType.Varint: if (r.ReadInt64() == 1) t.HasExternalData = true; break;
                default: SkipOrFail(ref r, field, wt, field is 2 or 8 or 9 or 13 or 14); break;
            }
        }
        return t;
    }

    private delegate T ElementReader<T>(ref ProtoReader reader);

    private static void ReadPackedOrSingle<T>(ref ProtoReader r, WireType wt, WireType elementWire, List<T> into, ElementReader<T> read)
    {
        // Repeated scalars may be packed (one length-delimited run) or not (one key per value).
        if (wt == elementWire)
        {
            into.Add(read(ref r));
            return;
        }
        if (wt != WireType.LengthDelimited) throw r.Error($"repeated field has wire type {(int)wt}");
        var packed = new ProtoReader(r.ReadBytes(out int p), p);
        while (packed.HasMore) into.Add(read(ref packed));
    }
}
