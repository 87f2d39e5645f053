using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime;

/// <summary>Static type and shape of one value during shape inference; <see cref="Value"/> is set for constants.</summary>
internal sealed class ValueType
{
    public TensorDataType DataType;
    public int[] Shape = [];
    public Tensor? Value;
}

/// <summary>
/// What an operator sees while inferring shapes: its inputs' types, shapes and (for constants and
/// value-dependent graph inputs) values; it declares output types/shapes and scratch needs.
/// </summary>
internal sealed class ShapeContext
{
    private readonly ValueType?[] _inputs;
    private readonly ValueType[] _outputs;

    public ShapeContext(OnnxNode node, int opset, ValueType?[] inputs, int outputCount)
    {
        Node = node;
        Opset = opset;
        _inputs = inputs;
        _outputs = new ValueType[outputCount];
    }

    public OnnxNode Node { get; }
    public int Opset { get; }
    public int InputCount => _inputs.Length;
    public int OutputCount => _outputs.Length;
    public long ScratchBytes { get; private set; }

    /// <summary>Set when an operator read the value of a non-constant input (its plan then depends on it).</summary>
    public bool ReadRuntimeValue { get; private set; }

    public bool HasInput(int i) => i < _inputs.Length && _inputs[i] != null;

    public ValueType Input(int i) => HasInput(i) ? _inputs[i]! : throw Fail($"input {i} is required");

    public TensorDataType InputType(int i) => Input(i).DataType;

    public int[] InputShape(int i) => Input(i).Shape;

    /// <summary>The value of input <paramref name="i"/>; it must be known while planning.</summary>
    public Tensor InputValue(int i, bool runtimeAllowed = true)
    {
        ValueType v = Input(i);
        if (v.Value == null) throw new OnnxNotSupportedException($"{Node.Describe()}: input {i} must be a constant (its value decides a shape)");
        if (runtimeAllowed) ReadRuntimeValue = true;
        return v.Value;
    }

    public void SetOutput(int i, TensorDataType type, int[] shape)
    {
        if (i >= _outputs.Length) return;
        TensorShape.ElementCount(shape);
        _outputs[i] = new ValueType { DataType = type, Shape = shape };
    }

    public ValueType Output(int i) => _outputs[i] ?? throw Fail($"operator did not infer output {i}");

    public void RequestScratch(long bytes) => ScratchBytes = Math.Max(ScratchBytes, bytes);

    public void RequireType(int input, params TensorDataType[] allowed)
    {
        TensorDataType t = InputType(input);
        foreach (TensorDataType a in allowed) if (a == t) return;
        throw new OnnxNotSupportedException($"{Node.Describe()}: input {input} has type {TensorDataTypes.Name(t)}, which this engine does not support for {Node.OpType}");
    }

    public OnnxModelException Fail(string reason) => new($"{Node.Describe()}: {reason}");
}
