using System.Numerics;
using XairrosX.AI.Kernels;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime.Operators;

/// <summary>QuantizeLinear to UINT8/INT8/UINT16/INT16, per tensor, per axis or blocked.</summary>
internal sealed class QuantizeOperator : Operator
{
    private readonly long _axis;
    private readonly int _blockSize;
    private readonly TensorDataType _outputType;
    private QuantizationLayout _layout;

    public QuantizeOperator(OnnxNode node, int opset) : base(node, opset)
    {
        _axis = Int("axis", 1);
        _blockSize = CheckedInt(Int("block_size", 0), "block_size");
        _outputType = (TensorDataType)CheckedInt(Int("output_dtype", 0), "output_dtype");
    }

    public override void InferShapes(ShapeContext ctx)
    {
        ctx.RequireType(0, TensorDataType.Float);
        ctx.RequireType(1, TensorDataType.Float);
        TensorDataType type = ctx.HasInput(2) ? ctx.InputType(2) : _outputType != TensorDataType.Undefined ? _outputType : TensorDataType.UInt8;
        if (type is not (TensorDataType.UInt8 or TensorDataType.Int8 or TensorDataType.UInt16 or TensorDataType.Int16))
            throw new OnnxNotSupportedException($"{Node.Describe()}: quantizing to {TensorDataTypes.Name(type)} is not supported");
        int[] x = ctx.InputShape(0);
        _layout = Layout(ctx, x, _axis, _blockSize);
        ctx.SetOutput(0, type, x);
    }

    internal static QuantizationLayout Layout(ShapeContext ctx, int[] x, long axis, int blockSize)
    {
        int[] scale = ctx.InputShape(1);
        if (ctx.HasInput(2) && !ctx.InputShape(2).AsSpan().SequenceEqual(scale)) throw ctx.Fail("zero point and scale shapes differ");
        if (TensorShape.ElementCount(scale) == 1 && blockSize == 0) return QuantizationLayout.PerTensor;
        return QuantizationLayout.Create(x, scale, TensorShape.NormalizeAxis(axis, x.Length), blockSize);
    }

    public override void Execute(OpContext ctx)
    {
        Tensor y = ctx.Output(0);
        switch (y.DataType)
        {
            case TensorDataType.UInt8: Run<byte>(ctx, y); break;
            case TensorDataType.Int8: Run<sbyte>(ctx, y); break;
            case TensorDataType.UInt16: Run<ushort>(ctx, y); break;
            default: Run<short>(ctx, y); break;
        }
    }

    private void Run<T>(OpContext ctx, Tensor y) where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        ReadOnlySpan<T> zp = ctx.OptionalInput(2) is Tensor z ? z.Span<T>() : default;
        QuantizationKernels.Quantize(ctx.Input(0).Span<float>(), ctx.Input(1).Span<float>(), zp, y.Span<T>(), _layout);
    }
}

/// <summary>DequantizeLinear from UINT8/INT8/UINT16/INT16/INT32 to FLOAT, per tensor, per axis or blocked.</summary>
internal sealed class DequantizeOperator : Operator
{
    private readonly long _axis;
    private readonly int _blockSize;
    private QuantizationLayout _layout;

    public DequantizeOperator(OnnxNode node, int opset) : base(node, opset)
    {
        _axis = Int("axis", 1);
        _blockSize = CheckedInt(Int("block_size", 0), "block_size");
        if (Int("output_dtype", 0) is long t && t != 0 && t != (long)TensorDataType.Float)
            throw new OnnxNotSupportedException($"{node.Describe()}: output_dtype {TensorDataTypes.Name((TensorDataType)t)} is not supported");
    }

    public override void InferShapes(ShapeContext ctx)
    {
        ctx.RequireType(0, TensorDataType.UInt8, TensorDataType.Int8, TensorDataType.UInt16, TensorDataType.Int16, TensorDataType.Int32);
        ctx.RequireType(1, TensorDataType.Float);
        if (ctx.HasInput(2) && ctx.InputType(2) != ctx.InputType(0)) throw ctx.Fail("zero point type differs from the input type");
        int[] x = ctx.InputShape(0);
        _layout = QuantizeOperator.Layout(ctx, x, _axis, _blockSize);
        ctx.SetOutput(0, TensorDataType.Float, x);
    }

    public override void Execute(OpContext ctx)
    {
        switch (ctx.Input(0).DataType)
        {
            case TensorDataType.UInt8: Run<byte>(ctx); break;
            case TensorDataType.Int8: Run<sbyte>(ctx); break;
            case TensorDataType.UInt16: Run<ushort>(ctx); break;
            case TensorDataType.Int16: Run<short>(ctx); break;
            default: Run<int>(ctx); break;
        }
    }

    private void Run<T>(OpContext ctx) where T : unmanaged, INumber<T>
    {
        ReadOnlySpan<T> zp = ctx.OptionalInput(2) is Tensor z ? z.Span<T>() : default;
        QuantizationKernels.Dequantize(ctx.Input(0).Span<T>(), ctx.Input(1).Span<float>(), zp, ctx.Output(0).Span<float>(), _layout);
    }
}
