using XairrosX.AI.Kernels;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime.Operators;

/// <summary>Batch-broadcast matrix product layout shared by MatMul, MatMulInteger and QLinearMatMul.</summary>
internal readonly struct MatMulLayout
{
    public readonly int M, K, N, Batch;
    public readonly int[] OutShape, BatchShape, ABatchStrides, BBatchStrides;
    public readonly bool SingleGemm;

    public MatMulLayout(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length == 0 || b.Length == 0) throw new ArgumentException("MatMul inputs must have rank ≥ 1");
        int[] aMat = a.Length == 1 ? [1, a[0]] : a.ToArray();
        int[] bMat = b.Length == 1 ? [b[0], 1] : b.ToArray();
        M = aMat[^2];
        K = aMat[^1];
        N = bMat[^1];
        if (bMat[^2] != K) throw new ArgumentException($"inner dimensions differ: {TensorShape.Format(a)} × {TensorShape.Format(b)}");
        ReadOnlySpan<int> aBatch = aMat.AsSpan(0, aMat.Length - 2), bBatch = bMat.AsSpan(0, bMat.Length - 2);
        BatchShape = TensorShape.Broadcast(aBatch, bBatch);
        Batch = TensorShape.ElementCount(BatchShape);
        ABatchStrides = new int[BatchShape.Length];
        BBatchStrides = new int[BatchShape.Length];
        BinaryKernels.BroadcastStrides(aBatch, BatchShape, ABatchStrides);
        BinaryKernels.BroadcastStrides(bBatch, BatchShape, BBatchStrides);
        var outShape = new List<int>(BatchShape);
        if (a.Length > 1) outShape.Add(M);
        if (b.Length > 1) outShape.Add(N);
        OutShape = outShape.ToArray();
        // A weight matrix without batch dims lets all of A's rows go through one GEMM.
        SingleGemm = bBatch.Length == 0 && TensorShape.ElementCount(aBatch) == Batch;
    }

    /// <summary>Matrix index (not element offset) of batch <paramref name="batch"/> in A and in B.</summary>
    public void BatchOffsets(int batch, out int aMatrix, out int bMatrix)
    {
        aMatrix = 0;
        bMatrix = 0;
        for (int d = BatchShape.Length - 1; d >= 0; d--)
        {
            int i = batch % BatchShape[d];
            batch /= BatchShape[d];
            aMatrix += i * ABatchStrides[d];
            bMatrix += i * BBatchStrides[d];
        }
    }
}

/// <summary>MatMul (numpy semantics: 1-D promotion, batch broadcasting) on float tensors.</summary>
internal sealed class MatMulOperator : Operator
{
    private MatMulLayout _layout; // from the current plan's shape inference, so Execute allocates nothing

    public MatMulOperator(OnnxNode node, int opset) : base(node, opset) { }

    public override void InferShapes(ShapeContext ctx)
    {
        ctx.RequireType(0, TensorDataType.Float);
        ctx.RequireType(1, TensorDataType.Float);
        _layout = new MatMulLayout(ctx.InputShape(0), ctx.InputShape(1));
        ctx.SetOutput(0, TensorDataType.Float, _layout.OutShape);
    }

    public override unsafe void Execute(OpContext ctx)
    {
        Tensor a = ctx.Input(0), b = ctx.Input(1), y = ctx.Output(0);
        MatMulLayout l = _layout;
        float* pa = a.Pointer<float>(), pb = b.Pointer<float>(), py = y.Pointer<float>();
        if (l.SingleGemm)
        {
            Sgemm.MultiplyParallel(false, false, l.M * l.Batch, l.N, l.K, 1f, pa, l.K, pb, l.N, false, py, l.N, workspace: ctx.Gemm);
            return;
        }
        for (int batch = 0; batch < l.Batch; batch++)
        {
            l.BatchOffsets(batch, out int am, out int bm);
            Sgemm.Multiply(false, false, l.M, l.N, l.K, 1f, pa + (long)am * l.M * l.K, l.K, pb + (long)bm * l.K * l.N, l.N,
                false, py + (long)batch * l.M * l.N, l.N, ctx.Gemm);
        }
    }
}

/// <summary>Gemm: Y = alpha·op(A)·op(B) + beta·C, C broadcast to [M, N].</summary>
internal sealed class GemmOperator : Operator
{
    private readonly bool _transA, _transB;
    private readonly float _alpha, _beta;

    public GemmOperator(OnnxNode node, int opset) : base(node, opset)
    {
        _transA = Int("transA", 0) != 0;
        _transB = Int("transB", 0) != 0;
        _alpha = Float("alpha", 1f);
        _beta = Float("beta", 1f);
    }

    public override void InferShapes(ShapeContext ctx)
    {
        ctx.RequireType(0, TensorDataType.Float);
        ctx.RequireType(1, TensorDataType.Float);
        int[] a = ctx.InputShape(0), b = ctx.InputShape(1);
        if (a.Length != 2 || b.Length != 2) throw ctx.Fail($"A and B must be matrices, got {TensorShape.Format(a)} and {TensorShape.Format(b)}");
        int m = _transA ? a[1] : a[0], k = _transA ? a[0] : a[1];
        int kb = _transB ? b[1] : b[0], n = _transB ? b[0] : b[1];
        if (k != kb) throw ctx.Fail($"inner dimensions differ: {TensorShape.Format(a)} × {TensorShape.Format(b)} (transA={_transA}, transB={_transB})");
        if (ctx.HasInput(2))
        {
            int[] c = ctx.InputShape(2);
            int[] bc = TensorShape.Broadcast(c, [m, n]);
            if (bc.Length != 2 || bc[0] != m || bc[1] != n) throw ctx.Fail($"C {TensorShape.Format(c)} does not broadcast to [{m},{n}]");
        }
        ctx.SetOutput(0, TensorDataType.Float, [m, n]);
    }

    public override unsafe void Execute(OpContext ctx)
    {
        Tensor a = ctx.Input(0), b = ctx.Input(1), y = ctx.Output(0);
        int m = y.Shape[0], n = y.Shape[1], k = _transA ? a.Shape[0] : a.Shape[1];
        Tensor? c = ctx.OptionalInput(2);
        bool accumulate = c != null && _beta != 0f;
        if (accumulate)
        {
            Span<float> ys = y.Span<float>();
            BinaryKernels.Apply(BinaryOp.Add, c!.Span<float>(), c.Shape, [0f], [], ys, y.Shape);
            if (_beta != 1f) System.Numerics.Tensors.TensorPrimitives.Multiply(ys, _beta, ys);
        }
        Sgemm.MultiplyParallel(_transA, _transB, m, n, k, _alpha, a.Pointer<float>(), a.Shape[1], b.Pointer<float>(), b.Shape[1],
            accumulate, y.Pointer<float>(), n, workspace: ctx.Gemm);
    }
}
