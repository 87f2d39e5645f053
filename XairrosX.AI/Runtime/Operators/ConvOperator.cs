using XairrosX.AI.Kernels;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime.Operators;

/// <summary>2-D Conv (pads, strides, dilations, group, auto_pad) via im2col + SGEMM.</summary>
internal sealed class ConvOperator : Operator
{
    private readonly SpatialAttributes _window;
    private readonly int _group;
    private ConvGeometry _geometry; // from the current plan's shape inference, so Execute allocates nothing

    public ConvOperator(OnnxNode node, int opset) : base(node, opset)
    {
        _window = SpatialAttributes.Read(node, Ints, String, Int);
        _group = CheckedInt(Int("group", 1), "group");
        if (_group <= 0) throw Fail($"group {_group} must be positive");
    }

    private ConvGeometry Geometry(int[] x, int[] w)
    {
        if (x.Length != 4) throw new OnnxNotSupportedException($"{Node.Describe()}: only 2-D convolution (N×C×H×W input) is supported, got {TensorShape.Format(x)}");
        if (w.Length != 4) throw Fail($"weights must be M×C/group×kH×kW, got {TensorShape.Format(w)}");
        if (x[1] % _group != 0 || w[0] % _group != 0 || w[1] * _group != x[1])
            throw Fail($"channels do not match: input {TensorShape.Format(x)}, weights {TensorShape.Format(w)}, group {_group}");
        if (_window.KernelShape != null && (_window.KernelShape[0] != w[2] || _window.KernelShape[1] != w[3]))
            throw Fail("kernel_shape disagrees with the weights");
        return _window.Geometry(x[1] / _group, x[2], x[3], w[2], w[3]);
    }

    public override void InferShapes(ShapeContext ctx)
    {
        ctx.RequireType(0, TensorDataType.Float);
        ctx.RequireType(1, TensorDataType.Float);
        int[] x = ctx.InputShape(0), w = ctx.InputShape(1);
        ConvGeometry g = _geometry = Geometry(x, w);
        if (ctx.HasInput(2) && TensorShape.ElementCount(ctx.InputShape(2)) != w[0]) throw ctx.Fail($"bias must have {w[0]} values");
        ctx.RequestScratch(Convolution.ScratchFloats(g, w[0] / _group) * sizeof(float));
        ctx.SetOutput(0, TensorDataType.Float, [x[0], w[0], g.OutH, g.OutW]);
    }

    public override unsafe void Execute(OpContext ctx)
    {
        Tensor x = ctx.Input(0), w = ctx.Input(1), y = ctx.Output(0);
        Tensor? bias = ctx.OptionalInput(2);
        ConvGeometry g = _geometry;
        float* scratch = Convolution.ScratchFloats(g, w.Shape[0] / _group) > 0 ? ctx.ScratchFloats : null;
        Convolution.Forward(x.Pointer<float>(), w.Pointer<float>(), bias != null ? bias.Pointer<float>() : null, y.Pointer<float>(),
            x.Shape[0], w.Shape[0], _group, g, scratch, ctx.Gemm);
    }
}

/// <summary>MaxPool (float, uint8, int8) and AveragePool (float), 2-D.</summary>
internal sealed class PoolOperator : Operator
{
    private readonly SpatialAttributes _window;
    private readonly bool _max, _countIncludePad;
    private ConvGeometry _geometry;

    public PoolOperator(OnnxNode node, int opset) : base(node, opset)
    {
        _window = SpatialAttributes.Read(node, Ints, String, Int);
        _max = node.OpType == "MaxPool";
        _countIncludePad = Int("count_include_pad", 0) != 0;
        if (_window.KernelShape == null) throw Fail("kernel_shape is required");
        if (_max && node.Outputs.Count > 1 && node.Outputs[1].Length > 0) throw new OnnxNotSupportedException($"{node.Describe()}: the Indices output is not supported");
        if (_max && Int("storage_order", 0) != 0) throw new OnnxNotSupportedException($"{node.Describe()}: storage_order=1 is not supported");
    }

    private ConvGeometry Geometry(int[] x)
    {
        if (x.Length != 4) throw new OnnxNotSupportedException($"{Node.Describe()}: only 2-D pooling (N×C×H×W input) is supported, got {TensorShape.Format(x)}");
        return _window.Geometry(x[1], x[2], x[3], (int)_window.KernelShape![0], (int)_window.KernelShape[1]);
    }

    public override void InferShapes(ShapeContext ctx)
    {
        if (_max) ctx.RequireType(0, TensorDataType.Float, TensorDataType.UInt8, TensorDataType.Int8);
        else ctx.RequireType(0, TensorDataType.Float);
        int[] x = ctx.InputShape(0);
        ConvGeometry g = _geometry = Geometry(x);
        ctx.SetOutput(0, ctx.InputType(0), [x[0], x[1], g.OutH, g.OutW]);
    }

    public override void Execute(OpContext ctx)
    {
        Tensor x = ctx.Input(0), y = ctx.Output(0);
        ConvGeometry g = _geometry;
        int planes = x.Shape[0] * x.Shape[1];
        if (!_max) Pooling.Average(x.Span<float>(), y.Span<float>(), planes, g, _countIncludePad);
        else if (x.DataType == TensorDataType.Float) Pooling.Max(x.Span<float>(), y.Span<float>(), planes, g);
        else if (x.DataType == TensorDataType.UInt8) Pooling.Max(x.Span<byte>(), y.Span<byte>(), planes, g);
        else Pooling.Max(x.Span<sbyte>(), y.Span<sbyte>(), planes, g);
    }
}
