using XairrosX.AI.Tensors;

namespace XairrosX.AI.Onnx;

/// <summary>An ONNX <c>ModelProto</c>: metadata, imported opsets and the main graph.</summary>
public sealed class OnnxModel
{
    /// <summary>IR version (field 1).</summary>
    public long IrVersion { get; set; }

    /// <summary>Tool that wrote the model.</summary>
    public string ProducerName { get; set; } = "";

    /// <summary>Opset imports (domain "" or "ai.onnx" is the default domain).</summary>
    public List<OnnxOpsetImport> OpsetImports { get; } = new();

    /// <summary>The graph.</summary>
    public OnnxGraph Graph { get; set; } = new();

    /// <summary>Opset version of the default domain (1 when none is declared, as ONNX says).</summary>
    public int DefaultOpset
    {
        get
        {
            foreach (OnnxOpsetImport o in OpsetImports)
                if (o.Domain.Length == 0 || o.Domain == "ai.onnx") return (int)Math.Clamp(o.Version, 1, int.MaxValue);
            return 1;
        }
    }
}

/// <summary>One <c>OperatorSetIdProto</c>.</summary>
/// <param name="Domain">Operator domain; empty for the default ONNX domain.</param>
/// <param name="Version">Opset version.</param>
public readonly record struct OnnxOpsetImport(string Domain, long Version);

/// <summary>An ONNX <c>GraphProto</c>.</summary>
public sealed class OnnxGraph
{
    /// <summary>Graph name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Nodes in topological order (as ONNX requires).</summary>
    public List<OnnxNode> Nodes { get; } = new();

    /// <summary>Constant tensors (weights).</summary>
    public List<OnnxTensorProto> Initializers { get; } = new();

    /// <summary>Declared inputs (may include initializers in old models).</summary>
    public List<OnnxValueInfo> Inputs { get; } = new();

    /// <summary>Declared outputs.</summary>
    public List<OnnxValueInfo> Outputs { get; } = new();

    /// <summary>Optional type information for intermediate values.</summary>
    public List<OnnxValueInfo> ValueInfos { get; } = new();
}

/// <summary>An ONNX <c>NodeProto</c>.</summary>
public sealed class OnnxNode
{
    /// <summary>Node name (may be empty).</summary>
    public string Name { get; set; } = "";

    /// <summary>Operator, e.g. "Conv".</summary>
    public string OpType { get; set; } = "";

    /// <summary>Operator domain; empty for the default domain.</summary>
    public string Domain { get; set; } = "";

    /// <summary>Input value names; an empty name marks an omitted optional input.</summary>
    public List<string> Inputs { get; } = new();

    /// <summary>Output value names.</summary>
    public List<string> Outputs { get; } = new();

    /// <summary>Attributes.</summary>
    public List<OnnxAttribute> Attributes { get; } = new();

    /// <summary>"Conv 'conv1'" — how error messages name the node.</summary>
    public string Describe() => Name.Length > 0 ? $"{OpType} node '{Name}'" : $"{OpType} node (output '{(Outputs.Count > 0 ? Outputs[0] : "?")}')";

    /// <summary>The attribute named <paramref name="name"/>, or null.</summary>
    public OnnxAttribute? Find(string name)
    {
        foreach (OnnxAttribute a in Attributes) if (a.Name == name) return a;
        return null;
    }
}

/// <summary>Attribute kinds (<c>AttributeProto.AttributeType</c>).</summary>
public enum OnnxAttributeType
{
    /// <summary>Not set.</summary>
    Undefined = 0,
    /// <summary>float.</summary>
    Float = 1,
    /// <summary>int64.</summary>
    Int = 2,
    /// <summary>bytes.</summary>
    String = 3,
    /// <summary>TensorProto.</summary>
    Tensor = 4,
    /// <summary>GraphProto.</summary>
    Graph = 5,
    /// <summary>repeated float.</summary>
    Floats = 6,
    /// <summary>repeated int64.</summary>
    Ints = 7,
    /// <summary>repeated bytes.</summary>
    Strings = 8,
    /// <summary>repeated TensorProto.</summary>
    Tensors = 9,
    /// <summary>repeated GraphProto.</summary>
    Graphs = 10,
}

/// <summary>An ONNX <c>AttributeProto</c>.</summary>
public sealed class OnnxAttribute
{
    /// <summary>Attribute name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Declared kind.</summary>
    public OnnxAttributeType Type { get; set; }

    /// <summary>Value when <see cref="OnnxAttributeType.Float"/>.</summary>
    public float Float { get; set; }

    /// <summary>Value when <see cref="OnnxAttributeType.Int"/>.</summary>
    public long Int { get; set; }

    /// <summary>Value when <see cref="OnnxAttributeType.String"/>.</summary>
    public byte[] String { get; set; } = [];

    /// <summary>Value when <see cref="OnnxAttributeType.Tensor"/>.</summary>
    public OnnxTensorProto? Tensor { get; set; }

    /// <summary>Value when <see cref="OnnxAttributeType.Graph"/>.</summary>
    public OnnxGraph? Graph { get; set; }

    /// <summary>Values when <see cref="OnnxAttributeType.Floats"/>.</summary>
    public List<float> Floats { get; } = new();

    /// <summary>Values when <see cref="OnnxAttributeType.Ints"/>.</summary>
    public List<long> Ints { get; } = new();

    /// <summary>Values when <see cref="OnnxAttributeType.Strings"/>.</summary>
    public List<byte[]> Strings { get; } = new();

    /// <summary>String value decoded as UTF-8.</summary>
    public string StringValue => System.Text.Encoding.UTF8.GetString(String);
}

/// <summary>An ONNX <c>ValueInfoProto</c> of tensor type.</summary>
public sealed class OnnxValueInfo
{
    /// <summary>Value name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Element type, Undefined when the type is not a tensor type.</summary>
    public TensorDataType ElementType { get; set; }

    /// <summary>Dimensions; -1 for a symbolic or unknown dimension; null when no shape is given.</summary>
    public long[]? Dims { get; set; }

    /// <summary>Symbolic dimension names (null entries for fixed dimensions).</summary>
    public string?[]? DimParams { get; set; }
}
