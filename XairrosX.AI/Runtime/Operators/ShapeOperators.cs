using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime.Operators;

/// <summary>Reshape with 0 (copy dimension, unless allowzero) and −1 (infer); the output is a view.</summary>
internal sealed class ReshapeOperator : Operator
{
    private readonly bool _allowZero;
    private int[] _shape = [];

    public ReshapeOperator(OnnxNode node, int opset) : base(node, opset)
    {
        _allowZero = Int("allowzero", 0) != 0;
        if (node.Inputs.Count < 2) throw new OnnxNotSupportedException($"{node.Describe()}: Reshape with a 'shape' attribute (opset < 5) is not supported");
    }

    public override bool OutputIsViewOfInput => true;

    public override void InferShapes(ShapeContext ctx)
    {
        if (ctx.InputType(1) != TensorDataType.Int64) throw ctx.Fail("shape must be INT64");
        Span<long> requested = ctx.InputValue(1).Span<long>();
        int[] input = ctx.InputShape(0);
        var shape = new int[requested.Length];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            long d = requested[i];
            if (d == 0 && !_allowZero)
            {
                if (i >= input.Length) throw ctx.Fail($"shape[{i}] = 0 copies a dimension the input {TensorShape.Format(input)} does not have");
                d = input[i];
            }
            if (d == -1)
            {
                if (inferred >= 0) throw ctx.Fail("shape has more than one −1");
                inferred = i;
                continue;
            }
            if (d < 0 || d > int.MaxValue) throw ctx.Fail($"shape[{i}] = {d} is invalid");
            shape[i] = (int)d;
            known *= d;
        }
        int count = TensorShape.ElementCount(input);
        if (inferred >= 0)
        {
            if (known == 0 || count % known != 0) throw ctx.Fail($"cannot infer −1 reshaping {TensorShape.Format(input)}");
            shape[inferred] = (int)(count / known);
        }
        else if (known != count) throw ctx.Fail($"cannot reshape {TensorShape.Format(input)} ({count} elements) to {TensorShape.Format(shape)}");
        _shape = shape;
        ctx.SetOutput(0, ctx.InputType(0), shape);
    }

    public override void Execute(OpContext ctx) => ViewCache.Publish(ctx, _shape);
}

/// <summary>Flatten to 2-D at <c>axis</c>; the output is a view.</summary>
internal sealed class FlattenOperator : Operator
{
    private readonly long _axis;
    private int[] _shape = [];

    public FlattenOperator(OnnxNode node, int opset) : base(node, opset) => _axis = Int("axis", 1);

    public override bool OutputIsViewOfInput => true;

    public override void InferShapes(ShapeContext ctx)
    {
        int[] x = ctx.InputShape(0);
        long axis = _axis < 0 ? _axis + x.Length : _axis;
        if (axis < 0 || axis > x.Length) throw ctx.Fail($"axis {_axis} is out of range for rank {x.Length}");
        _shape = [TensorShape.Product(x, 0, (int)axis), TensorShape.Product(x, (int)axis, x.Length)];
        ctx.SetOutput(0, ctx.InputType(0), _shape);
    }

    public override void Execute(OpContext ctx) => ViewCache.Publish(ctx, _shape);
}

/// <summary>Transpose by <c>perm</c> (default: reverse the axes), any element type.</summary>
internal sealed class TransposeOperator : Operator
{
    private readonly long[]? _perm;
    private int[] _resolved = [];

    public TransposeOperator(OnnxNode node, int opset) : base(node, opset) => _perm = Ints("perm");

    public override void InferShapes(ShapeContext ctx)
    {
        int[] x = ctx.InputShape(0);
        var perm = new int[x.Length];
        var seen = new bool[x.Length];
        for (int i = 0; i < perm.Length; i++)
        {
            long p = _perm == null ? x.Length - 1 - i : _perm[i];
            if (_perm != null && _perm.Length != x.Length) throw ctx.Fail($"perm has {_perm.Length} entries for rank {x.Length}");
            if (p < 0 || p >= x.Length || seen[p]) throw ctx.Fail("perm is not a permutation");
            seen[p] = true;
            perm[i] = (int)p;
        }
        var shape = new int[x.Length];
        for (int i = 0; i < shape.Length; i++) shape[i] = x[perm[i]];
        _resolved = perm;
        ctx.SetOutput(0, ctx.InputType(0), shape);
    }

    public override unsafe void Execute(OpContext ctx)
    {
        Tensor x = ctx.Input(0), y = ctx.Output(0);
        int rank = x.Rank, size = x.ElementSize;
        Span<int> inStrides = stackalloc int[Math.Max(rank, 1)];
        Span<int> index = stackalloc int[Math.Max(rank, 1)];
        index.Clear();
        ReadOnlySpan<int> xStrides = x.Strides;
        for (int i = 0; i < rank; i++) inStrides[i] = xStrides[_resolved[i]];
        ReadOnlySpan<int> outShape = y.Shape;
        byte* src = x.Pointer<byte>(), dst = y.Pointer<byte>();
        int count = y.ElementCount;
        long offset = 0;
        for (int n = 0; n < count; n++)
        {
            switch (size)
            {
                case 1: dst[n] = src[offset]; break;
                case 2: ((short*)dst)[n] = ((short*)src)[offset]; break;
                case 4: ((int*)dst)[n] = ((int*)src)[offset]; break;
                default: ((long*)dst)[n] = ((long*)src)[offset]; break;
            }
            for (int d = rank - 1; d >= 0; d--)
            {
                offset += inStrides[d];
                if (++index[d] < outShape[d]) break;
                offset -= (long)inStrides[d] * outShape[d];
                index[d] = 0;
            }
        }
    }
}

/// <summary>Concat along <c>axis</c>, any element type.</summary>
internal sealed class ConcatOperator : Operator
{
    private readonly long _axis;

    public ConcatOperator(OnnxNode node, int opset) : base(node, opset)
    {
        if (node.Find("axis") == null && opset >= 4) throw Fail("attribute 'axis' is required");
        _axis = Int("axis", 1);
    }

    public override void InferShapes(ShapeContext ctx)
    {
        if (ctx.InputCount == 0) throw ctx.Fail("needs at least one input");
        int[] first = ctx.InputShape(0);
        int axis = TensorShape.NormalizeAxis(_axis, first.Length);
        var shape = (int[])first.Clone();
        for (int i = 1; i < ctx.InputCount; i++)
        {
            int[] s = ctx.InputShape(i);
            if (ctx.InputType(i) != ctx.InputType(0)) throw ctx.Fail("inputs have different types");
            if (s.Length != first.Length) throw ctx.Fail($"input {i} has rank {s.Length}, input 0 rank {first.Length}");
            for (int d = 0; d < s.Length; d++)
                if (d != axis && s[d] != first[d]) throw ctx.Fail($"input {i} {TensorShape.Format(s)} differs from {TensorShape.Format(first)} off the concat axis");
            shape[axis] += s[axis];
        }
        ctx.SetOutput(0, ctx.InputType(0), shape);
    }

    public override void Execute(OpContext ctx)
    {
        Tensor y = ctx.Output(0);
        int axis = TensorShape.NormalizeAxis(_axis, y.Rank);
        int outer = TensorShape.Product(y.Shape, 0, axis);
        int innerBytes = TensorShape.Product(y.Shape, axis + 1, y.Rank) * y.ElementSize;
        int outRow = y.Shape[axis] * innerBytes;
        Span<byte> dst = y.Bytes();
        int column = 0;
        for (int i = 0; i < ctx.InputCount; i++)
        {
            Tensor x = ctx.Input(i);
            int row = x.Shape[axis] * innerBytes;
            Span<byte> src = x.Bytes();
            for (int o = 0; o < outer; o++) src.Slice(o * row, row).CopyTo(dst.Slice(o * outRow + column, row));
            column += row;
        }
    }
}
