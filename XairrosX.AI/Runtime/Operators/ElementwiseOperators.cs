using System.Numerics;
using XairrosX.AI.Kernels;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime.Operators;

/// <summary>Add, Sub, Mul, Div with numpy broadcasting, for float, double and every integer type.</summary>
internal sealed class BinaryOperator : Operator
{
    private readonly BinaryOp _op;

    public BinaryOperator(OnnxNode node, int opset) : base(node, opset)
    {
        _op = node.OpType switch { "Add" => BinaryOp.Add, "Sub" => BinaryOp.Sub, "Mul" => BinaryOp.Mul, _ => BinaryOp.Div };
        if (node.Inputs.Count != 2) throw Fail("needs two inputs");
    }

    public override void InferShapes(ShapeContext ctx)
    {
        ctx.RequireType(0, TensorDataType.Float, TensorDataType.Double, TensorDataType.Int8, TensorDataType.UInt8, TensorDataType.Int16,
            TensorDataType.UInt16, TensorDataType.Int32, TensorDataType.UInt32, TensorDataType.Int64, TensorDataType.UInt64);
        if (ctx.InputType(0) != ctx.InputType(1))
            throw ctx.Fail($"input types differ: {TensorDataTypes.Name(ctx.InputType(0))} and {TensorDataTypes.Name(ctx.InputType(1))}");
        ctx.SetOutput(0, ctx.InputType(0), TensorShape.Broadcast(ctx.InputShape(0), ctx.InputShape(1)));
    }

    public override void Execute(OpContext ctx)
    {
        Tensor a = ctx.Input(0), b = ctx.Input(1), y = ctx.Output(0);
        switch (y.DataType)
        {
            case TensorDataType.Float: Run<float>(a, b, y); break;
            case TensorDataType.Double: Run<double>(a, b, y); break;
            case TensorDataType.Int8: Run<sbyte>(a, b, y); break;
            case TensorDataType.UInt8: Run<byte>(a, b, y); break;
            case TensorDataType.Int16: Run<short>(a, b, y); break;
            case TensorDataType.UInt16: Run<ushort>(a, b, y); break;
            case TensorDataType.Int32: Run<int>(a, b, y); break;
            case TensorDataType.UInt32: Run<uint>(a, b, y); break;
            case TensorDataType.Int64: Run<long>(a, b, y); break;
            default: Run<ulong>(a, b, y); break;
        }
    }

    private void Run<T>(Tensor a, Tensor b, Tensor y) where T : unmanaged, INumber<T>
        => BinaryKernels.Apply(_op, a.Span<T>(), a.Shape, b.Span<T>(), b.Shape, y.Span<T>(), y.Shape);
}

/// <summary>Relu, Sigmoid, Tanh, Gelu on float tensors.</summary>
internal sealed class UnaryOperator : Operator
{
    private readonly bool _geluTanh;

    public UnaryOperator(OnnxNode node, int opset) : base(node, opset)
    {
        string approximate = String("approximate", "none");
        if (approximate is not ("none" or "tanh")) throw Fail($"approximate='{approximate}' is not 'none' or 'tanh'");
        _geluTanh = approximate == "tanh";
    }

    public override void InferShapes(ShapeContext ctx)
    {
        ctx.RequireType(0, TensorDataType.Float);
        ctx.SetOutput(0, TensorDataType.Float, ctx.InputShape(0));
    }

    public override void Execute(OpContext ctx)
    {
        Span<float> x = ctx.Input(0).Span<float>(), y = ctx.Output(0).Span<float>();
        switch (Node.OpType)
        {
            case "Relu": Activations.Relu(x, y); break;
            case "Sigmoid": Activations.Sigmoid(x, y); break;
            case "Tanh": Activations.Tanh(x, y); break;
            default: Activations.Gelu(x, y, _geluTanh); break;
        }
    }
}

/// <summary>Identity: the output is the input (a view, no copy).</summary>
internal sealed class IdentityOperator : Operator
{
    public IdentityOperator(OnnxNode node, int opset) : base(node, opset) { }

    public override bool OutputIsViewOfInput => true;

    public override void InferShapes(ShapeContext ctx) => ctx.SetOutput(0, ctx.InputType(0), ctx.InputShape(0));

    public override void Execute(OpContext ctx) => ViewCache.Publish(ctx, ctx.Input(0).Shape);
}

/// <summary>Publishes a reshaped view of input 0 as output 0, reusing the previous view when its source is unchanged.</summary>
internal static class ViewCache
{
    public static void Publish(OpContext ctx, ReadOnlySpan<int> shape)
    {
        Tensor source = ctx.Input(0);
        Tensor? current = ctx.CurrentOutput(0);
        if (current != null && current.Buffer == source.Buffer && current.ByteOffset == source.ByteOffset && current.Shape.SequenceEqual(shape))
            return;
        ctx.SetOutput(0, source.Reshape(shape));
    }
}
