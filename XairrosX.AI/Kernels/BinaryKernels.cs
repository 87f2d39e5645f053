using System.Numerics;
using System.Numerics.Tensors;

namespace XairrosX.AI.Kernels;

/// <summary>Element-wise arithmetic on two operands.</summary>
public enum BinaryOp
{
    /// <summary>a + b.</summary>
    Add,
    /// <summary>a − b.</summary>
    Sub,
    /// <summary>a × b.</summary>
    Mul,
    /// <summary>a ÷ b.</summary>
    Div,
}

/// <summary>
/// Numpy-broadcast element-wise kernels. The output is walked as rows of its innermost dimension;
/// within a row each operand either advances (stride 1) or repeats one value (stride 0), so float
/// rows go to TensorPrimitives' SIMD loops and the index arithmetic happens once per row.
/// </summary>
public static class BinaryKernels
{
    /// <summary>
    /// out = a op b with broadcasting. Shapes must already be broadcast-compatible and
    /// <paramref name="outShape"/> their broadcast; all spans are dense row-major.
    /// </summary>
    public static void Apply<T>(BinaryOp op, ReadOnlySpan<T> a, ReadOnlySpan<int> aShape, ReadOnlySpan<T> b, ReadOnlySpan<int> bShape,
        Span<T> output, ReadOnlySpan<int> outShape) where T : unmanaged, INumber<T>
    {
        int rank = outShape.Length;
        if (output.Length == 0) return;
        if (a.Length == output.Length && b.Length == output.Length)
        {
            Row(op, a, 1, b, 1, output);
            return;
        }
        Span<int> aFull = stackalloc int[Math.Max(rank, 1)];
        Span<int> bFull = stackalloc int[Math.Max(rank, 1)];
        BroadcastStrides(aShape, outShape, aFull);
        BroadcastStrides(bShape, outShape, bFull);
        // Merge adjacent axes that both operands walk the same way (dense, or repeated), so a per-channel
        // bias over H×W becomes rows of H·W instead of rows of W.
        Span<int> dims = stackalloc int[Math.Max(rank, 1)];
        Span<int> aStrides = stackalloc int[Math.Max(rank, 1)];
        Span<int> bStrides = stackalloc int[Math.Max(rank, 1)];
        int merged = 0;
        for (int d = 0; d < rank; d++)
        {
            if (outShape[d] == 1) continue;
            if (merged > 0 && Mergeable(aStrides[merged - 1], aFull[d], outShape[d]) && Mergeable(bStrides[merged - 1], bFull[d], outShape[d]))
            {
                dims[merged - 1] *= outShape[d];
                aStrides[merged - 1] = aFull[d];
                bStrides[merged - 1] = bFull[d];
                continue;
            }
            dims[merged] = outShape[d];
            aStrides[merged] = aFull[d];
            bStrides[merged] = bFull[d];
            merged++;
        }
        if (merged == 0)
        {
            Row(op, a, 0, b, 0, output);
            return;
        }
        rank = merged;
        int inner = dims[rank - 1];
        int aStep = aStrides[rank - 1], bStep = bStrides[rank - 1];
        int rows = output.Length / inner;
        Span<int> index = stackalloc int[rank];
        index.Clear();
        int aOff = 0, bOff = 0;
        for (int r = 0; r < rows; r++)
        {
            Row(op, a.Slice(aOff, aStep == 0 ? 1 : inner), aStep, b.Slice(bOff, bStep == 0 ? 1 : inner), bStep, output.Slice(r * inner, inner));
            for (int d = rank - 2; d >= 0; d--)
            {
                aOff += aStrides[d];
                bOff += bStrides[d];
                if (++index[d] < dims[d]) break;
                aOff -= aStrides[d] * dims[d];
                bOff -= bStrides[d] * dims[d];
                index[d] = 0;
            }
        }
    }

    /// <summary>An outer axis with stride <paramref name="outer"/> folds into the next axis (stride <paramref name="inner"/>, length <paramref name="length"/>) when both repeat or the outer one continues the inner one densely.</summary>
    private static bool Mergeable(int outer, int inner, int length) => (outer == 0 && inner == 0) || (inner != 0 && outer == inner * length);

    /// <summary>Strides (in elements) of <paramref name="shape"/> seen through the broadcast to <paramref name="outShape"/>: 0 on repeated axes.</summary>
    public static void BroadcastStrides(ReadOnlySpan<int> shape, ReadOnlySpan<int> outShape, Span<int> strides)
    {
        int offset = outShape.Length - shape.Length;
        int s = 1;
        for (int d = outShape.Length - 1; d >= 0; d--)
        {
            int src = d - offset;
            if (src < 0 || shape[src] == 1) strides[d] = 0;
            else
            {
                strides[d] = s;
                s *= shape[src];
            }
        }
    }

    private static void Row<T>(BinaryOp op, ReadOnlySpan<T> a, int aStep, ReadOnlySpan<T> b, int bStep, Span<T> o) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(float))
        {
            FloatRow(op, Cast<T, float>(a), aStep, Cast<T, float>(b), bStep, Cast<T, float>(o));
            return;
        }
        for (int i = 0; i < o.Length; i++)
        {
            T x = a[i * aStep], y = b[i * bStep];
            o[i] = op switch
            {
                BinaryOp.Add => unchecked(x + y),
                BinaryOp.Sub => unchecked(x - y),
                BinaryOp.Mul => unchecked(x * y),
                _ => y == T.Zero ? T.Zero : x / y,
            };
        }
    }

    private static void FloatRow(BinaryOp op, ReadOnlySpan<float> a, int aStep, ReadOnlySpan<float> b, int bStep, Span<float> o)
    {
        if (aStep == 1 && bStep == 1)
        {
            switch (op)
            {
                case BinaryOp.Add: TensorPrimitives.Add(a, b, o); break;
                case BinaryOp.Sub: TensorPrimitives.Subtract(a, b, o); break;
                case BinaryOp.Mul: TensorPrimitives.Multiply(a, b, o); break;
                default: TensorPrimitives.Divide(a, b, o); break;
            }
        }
        else if (aStep == 1)
        {
            float y = b[0];
            switch (op)
            {
                case BinaryOp.Add: TensorPrimitives.Add(a, y, o); break;
                case BinaryOp.Sub: TensorPrimitives.Subtract(a, y, o); break;
                case BinaryOp.Mul: TensorPrimitives.Multiply(a, y, o); break;
                default: TensorPrimitives.Divide(a, y, o); break;
            }
        }
        else if (bStep == 1)
        {
            float x = a[0];
            switch (op)
            {
                case BinaryOp.Add: TensorPrimitives.Add(b, x, o); break;
                case BinaryOp.Sub: TensorPrimitives.Subtract(x, b, o); break;
                case BinaryOp.Mul: TensorPrimitives.Multiply(b, x, o); break;
                default: TensorPrimitives.Divide(x, b, o); break;
            }
        }
        else
        {
            float x = a[0], y = b[0];
            o.Fill(op switch { BinaryOp.Add => x + y, BinaryOp.Sub => x - y, BinaryOp.Mul => x * y, _ => x / y });
        }
    }

    private static ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> s) where TFrom : unmanaged where TTo : unmanaged
        => System.Runtime.InteropServices.MemoryMarshal.Cast<TFrom, TTo>(s);

    private static Span<TTo> Cast<TFrom, TTo>(Span<TFrom> s) where TFrom : unmanaged where TTo : unmanaged
        => System.Runtime.InteropServices.MemoryMarshal.Cast<TFrom, TTo>(s);
}
