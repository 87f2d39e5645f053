using XairrosX.AI.Kernels;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime.Operators;

/// <summary>
/// MatMulInteger (u8/s8 → INT32) and QLinearMatMul (u8/s8 → u8/s8 requantized), both on
/// <see cref="IntegerGemm"/>. B's zero point and (for QLinearMatMul) scale may be per column.
/// </summary>
internal sealed class IntegerMatMulOperator : Operator
{
    private readonly bool _qlinear;
    private readonly int _bIndex, _bZeroIndex;
    private MatMulLayout _layout;

    public IntegerMatMulOperator(OnnxNode node, int opset) : base(node, opset)
    {
        _qlinear = node.OpType == "QLinearMatMul";
        if (_qlinear && node.Inputs.Count != 8) throw Fail("QLinearMatMul needs 8 inputs");
        _bIndex = _qlinear ? 3 : 1;
        _bZeroIndex = _qlinear ? 5 : 3;
    }

    public override void InferShapes(ShapeContext ctx)
    {
        const int aZero = 2; // a_zero_point is input 2 of both operators
        ctx.RequireType(0, TensorDataType.UInt8, TensorDataType.Int8);
        ctx.RequireType(_bIndex, TensorDataType.UInt8, TensorDataType.Int8);
        if (ctx.HasInput(aZero) && ctx.InputType(aZero) != ctx.InputType(0)) throw ctx.Fail("A's zero point type differs from A's");
        if (ctx.HasInput(_bZeroIndex) && ctx.InputType(_bZeroIndex) != ctx.InputType(_bIndex)) throw ctx.Fail("B's zero point type differs from B's");
        MatMulLayout l = _layout = new MatMulLayout(ctx.InputShape(0), ctx.InputShape(_bIndex));
        CheckParameter(ctx, aZero, l.M, "a_zero_point");
        CheckParameter(ctx, _bZeroIndex, l.N, "b_zero_point");
        TensorDataType outType = TensorDataType.Int32;
        if (_qlinear)
        {
            ctx.RequireType(1, TensorDataType.Float);
            ctx.RequireType(4, TensorDataType.Float);
            ctx.RequireType(6, TensorDataType.Float);
            ctx.RequireType(7, TensorDataType.UInt8, TensorDataType.Int8);
            CheckParameter(ctx, 1, 1, "a_scale");
            CheckParameter(ctx, 4, l.N, "b_scale");
            CheckParameter(ctx, 6, 1, "y_scale");
            CheckParameter(ctx, 7, 1, "y_zero_point");
            outType = ctx.InputType(7);
            ctx.RequestScratch(IntegerGemm.ScratchShorts(l.M, l.N, l.K) * sizeof(short) + (long)l.M * l.N * sizeof(int));
        }
        else
        {
            ctx.RequestScratch(IntegerGemm.ScratchShorts(l.M, l.N, l.K) * sizeof(short));
        }
        ctx.SetOutput(0, outType, l.OutShape);
    }

    private static void CheckParameter(ShapeContext ctx, int input, int allowed, string name)
    {
        if (!ctx.HasInput(input)) return;
        int count = TensorShape.ElementCount(ctx.InputShape(input));
        if (count != 1 && count != allowed) throw ctx.Fail($"{name} must have 1 or {allowed} values, has {count}");
    }

    public override unsafe void Execute(OpContext ctx)
    {
        Tensor a = ctx.Input(0), b = ctx.Input(_bIndex), y = ctx.Output(0);
        MatMulLayout l = _layout;
        Span<int> aZero = stackalloc int[1];
        aZero[0] = ZeroPoints(ctx.OptionalInput(2), 0);
        Tensor? bz = ctx.OptionalInput(_bZeroIndex);
        int bZeroCount = bz?.ElementCount ?? 1;
        Span<int> bZero = bZeroCount <= 1024 ? stackalloc int[bZeroCount] : new int[bZeroCount];
        for (int j = 0; j < bZeroCount; j++) bZero[j] = ZeroPoints(bz, j);
        if (ctx.OptionalInput(2) is Tensor az && az.ElementCount > 1)
            throw new OnnxNotSupportedException($"{Node.Describe()}: per-row a_zero_point is not supported");

        short* scratch = (short*)ctx.Scratch!.Pointer;
        int* acc = _qlinear ? (int*)(scratch + IntegerGemm.ScratchShorts(l.M, l.N, l.K)) : null;
        int matA = l.M * l.K, matB = l.K * l.N, matC = l.M * l.N;
        for (int batch = 0; batch < l.Batch; batch++)
        {
            l.BatchOffsets(batch, out int am, out int bm);
            int* c = _qlinear ? acc : y.Pointer<int>() + (long)batch * matC;
            if (a.DataType == TensorDataType.UInt8)
            {
                if (b.DataType == TensorDataType.UInt8) IntegerGemm.Multiply(l.M, l.N, l.K, a.Pointer<byte>() + (long)am * matA, aZero, b.Pointer<byte>() + (long)bm * matB, bZero, c, scratch);
                else IntegerGemm.Multiply(l.M, l.N, l.K, a.Pointer<byte>() + (long)am * matA, aZero, b.Pointer<sbyte>() + (long)bm * matB, bZero, c, scratch);
            }
            else
            {
                if (b.DataType == TensorDataType.UInt8) IntegerGemm.Multiply(l.M, l.N, l.K, a.Pointer<sbyte>() + (long)am * matA, aZero, b.Pointer<byte>() + (long)bm * matB, bZero, c, scratch);
                else IntegerGemm.Multiply(l.M, l.N, l.K, a.Pointer<sbyte>() + (long)am * matA, aZero, b.Pointer<sbyte>() + (long)bm * matB, bZero, c, scratch);
            }
            if (_qlinear) Requantize(ctx, acc, y, batch * matC, l.M, l.N);
        }
    }

    private static unsafe void Requantize(OpContext ctx, int* acc, Tensor y, int offset, int m, int n)
    {
        float aScale = ctx.Input(1).Span<float>()[0];
        Span<float> bScale = ctx.Input(4).Span<float>();
        float yScale = ctx.Input(6).Span<float>()[0];
        int yZero = ZeroPoints(ctx.Input(7), 0);
        bool unsigned = y.DataType == TensorDataType.UInt8;
        int lo = unsigned ? 0 : -128, hi = unsigned ? 255 : 127;
        byte* dst = y.Pointer<byte>() + offset;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float multiplier = aScale * bScale[bScale.Length == 1 ? 0 : j] / yScale;
                int q = (int)MathF.Round(acc[i * n + j] * multiplier, MidpointRounding.ToEven) + yZero;
                q = Math.Clamp(q, lo, hi);
                dst[i * n + j] = unsigned ? (byte)q : (byte)(sbyte)q;
            }
    }

    private static int ZeroPoints(Tensor? t, int index)
    {
        if (t == null) return 0;
        return t.DataType == TensorDataType.UInt8 ? t.Span<byte>()[index] : t.Span<sbyte>()[index];
    }
}
