using XairrosX.AI.Kernels;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime.Operators;

/// <summary>
/// Softmax. Before opset 13 the input is flattened to 2-D at <c>axis</c> (default 1) and each row is
/// normalized as a whole; from opset 13 only the single <c>axis</c> (default -1) is normalized.
/// </summary>
internal sealed class SoftmaxOperator : Operator
{
    private readonly long _axis;

    public SoftmaxOperator(OnnxNode node, int opset) : base(node, opset) => _axis = Int("axis", opset < 13 ? 1 : -1);

    public override void InferShapes(ShapeContext ctx)
    {
        ctx.RequireType(0, TensorDataType.Float);
        int[] shape = ctx.InputShape(0);
        if (shape.Length > 0) TensorShape.NormalizeAxis(_axis, shape.Length);
        ctx.SetOutput(0, TensorDataType.Float, shape);
    }

    public override void Execute(OpContext ctx)
    {
        Tensor xt = ctx.Input(0);
        Span<float> x = xt.Span<float>(), y = ctx.Output(0).Span<float>();
        int rank = xt.Rank;
        if (rank == 0)
        {
            y[0] = 1f;
            return;
        }
        int axis = TensorShape.NormalizeAxis(_axis, rank);
        int outer = TensorShape.Product(xt.Shape, 0, axis);
        if (Opset < 13)
        {
            int row = TensorShape.Product(xt.Shape, axis, rank);
            for (int o = 0; o < outer; o++) Activations.SoftmaxRow(x.Slice(o * row, row), y.Slice(o * row, row));
            return;
        }
        int n = xt.Shape[axis];
        int inner = TensorShape.Product(xt.Shape, axis + 1, rank);
        if (inner == 1)
        {
            for (int o = 0; o < outer; o++) Activations.SoftmaxRow(x.Slice(o * n, n), y.Slice(o * n, n));
            return;
        }
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int start = o * n * inner + i;
                float max = float.NegativeInfinity;
                for (int k = 0; k < n; k++) max = Math.Max(max, x[start + k * inner]);
                float sum = 0;
                for (int k = 0; k < n; k++)
                {
                    float e = MathF.Exp(x[start + k * inner] - max);
                    y[start + k * inner] = e;
                    sum += e;
                }
                for (int k = 0; k < n; k++) y[start + k * inner] /= sum;
            }
    }
}
