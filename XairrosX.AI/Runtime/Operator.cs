using XairrosX.AI.Onnx;

namespace XairrosX.AI.Runtime;

/// <summary>
/// One graph node bound to its implementation. Attributes are parsed and validated once, at
/// construction, so bad models fail at load time with the node named.
/// </summary>
internal abstract class Operator
{
    protected Operator(OnnxNode node, int opset)
    {
        Node = node;
        Opset = opset;
    }

    public OnnxNode Node { get; }
    public int Opset { get; }

    /// <summary>True when output 0 is a zero-copy view of input 0 (Reshape, Flatten, Identity).</summary>
    public virtual bool OutputIsViewOfInput => false;

    /// <summary>Declares output types and shapes from the inputs'.</summary>
    public abstract void InferShapes(ShapeContext ctx);

    /// <summary>Computes the outputs (already allocated, except for views).</summary>
    public abstract void Execute(OpContext ctx);

    protected OnnxModelException Fail(string reason) => new($"{Node.Describe()}: {reason}");

    protected long Int(string name, long fallback)
    {
        OnnxAttribute? a = Node.Find(name);
        if (a == null) return fallback;
        if (a.Type is not (OnnxAttributeType.Int or OnnxAttributeType.Undefined)) throw Fail($"attribute '{name}' must be an int");
        return a.Int;
    }

    protected float Float(string name, float fallback)
    {
        OnnxAttribute? a = Node.Find(name);
        if (a == null) return fallback;
        if (a.Type is not (OnnxAttributeType.Float or OnnxAttributeType.Undefined)) throw Fail($"attribute '{name}' must be a float");
        return a.Float;
    }

    protected string String(string name, string fallback)
    {
        OnnxAttribute? a = Node.Find(name);
        if (a == null) return fallback;
        if (a.Type is not (OnnxAttributeType.String or OnnxAttributeType.Undefined)) throw Fail($"attribute '{name}' must be a string");
        return a.StringValue;
    }

    protected long[]? Ints(string name)
    {
        OnnxAttribute? a = Node.Find(name);
        if (a == null) return null;
        if (a.Type is not (OnnxAttributeType.Ints or OnnxAttributeType.Undefined)) throw Fail($"attribute '{name}' must be a list of ints");
        return a.Ints.ToArray();
    }

    protected int CheckedInt(long value, string what)
    {
        if (value < int.MinValue || value > int.MaxValue) throw Fail($"{what} {value} is out of range");
        return (int)value;
    }
}
