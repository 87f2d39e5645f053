using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime.Operators;

/// <summary>LayerNormalization over the trailing dimensions from <c>axis</c>, with optional Mean and InvStdDev outputs.</summary>
internal sealed class LayerNormOperator : Operator
{
    private readonly long _axis;
    private readonly float _epsilon;

    public LayerNormOperator(OnnxNode node, int opset) : base(node, opset)
    {
        _axis = Int("axis", -1);
        _epsilon = Float("epsilon", 1e-5f);
    }

    public override void InferShapes(ShapeContext ctx)
    {
        ctx.RequireType(0, TensorDataType.Float);
        ctx.RequireType(1, TensorDataType.Float);
        int[] x = ctx.InputShape(0);
        int axis = TensorShape.NormalizeAxis(_axis, x.Length);
        int size = TensorShape.Product(x, axis, x.Length);
        int scale = TensorShape.ElementCount(ctx.InputShape(1));
        if (scale != size && scale != 1) throw ctx.Fail($"Scale has {scale} values, the normalized dimensions {size}");
        if (ctx.HasInput(2))
        {
            int bias = TensorShape.ElementCount(ctx.InputShape(2));
            if (bias != size && bias != 1) throw ctx.Fail($"B has {bias} values, the normalized dimensions {size}");
        }
        ctx.SetOutput(0, TensorDataType.Float, x);
        var statShape = (int[])x.Clone();
        for (int d = axis; d < statShape.Length; d++) statShape[d] = 1;
        ctx.SetOutput(1, TensorDataType.Float, statShape);
        ctx.SetOutput(2, TensorDataType.Float, statShape);
    }

    public override void Execute(OpContext ctx)
    {
        Tensor xt = ctx.Input(0);
        int axis = TensorShape.NormalizeAxis(_axis, xt.Rank);
        int size = TensorShape.Product(xt.Shape, axis, xt.Rank);
        int rows = size == 0 ? 0 : xt.ElementCount / size;
        Span<float> x = xt.Span<float>(), y = ctx.Output(0).Span<float>();
        Span<float> scale = ctx.Input(1).Span<float>();
        Span<float> bias = ctx.OptionalInput(2) is Tensor b ? b.Span<float>() : default;
        Span<float> means = ctx.HasOutput(1) ? ctx.Output(1).Span<float>() : default;
        Span<float> invStd = ctx.HasOutput(2) ? ctx.Output(2).Span<float>() : default;
        for (int r = 0; r < rows; r++)
        {
            Span<float> xr = x.Slice(r * size, size), yr = y.Slice(r * size, size);
            float mean = TensorPrimitives.Sum(xr) / size;
            TensorPrimitives.Subtract(xr, mean, yr);
            float variance = TensorPrimitives.SumOfSquares(yr) / size;
            float inv = 1f / MathF.Sqrt(variance + _epsilon);
            TensorPrimitives.Multiply(yr, inv, yr);
            if (scale.Length == size) TensorPrimitives.Multiply(yr, scale, yr); else TensorPrimitives.Multiply(yr, scale[0], yr);
            if (bias.Length == size) TensorPrimitives.Add(yr, bias, yr); else if (bias.Length == 1) TensorPrimitives.Add(yr, bias[0], yr);
            if (!means.IsEmpty) means[r] = mean;
            if (!invStd.IsEmpty) invStd[r] = inv;
        }
    }
}

/// <summary>BatchNormalization per channel (N×C×…), inference mode or training mode (batch statistics, running outputs).</summary>
internal sealed class BatchNormOperator : Operator
{
    private readonly float _epsilon, _momentum;
    private readonly bool _training;

    public BatchNormOperator(OnnxNode node, int opset) : base(node, opset)
    {
        _epsilon = Float("epsilon", 1e-5f);
        _momentum = Float("momentum", 0.9f);
        _training = Int("training_mode", 0) != 0;
        if (!_training && node.Outputs.Count > 1 && node.Outputs[1].Length > 0 && opset >= 14)
            throw Fail("running statistics outputs require training_mode=1");
        if (opset < 9 && Int("spatial", 1) != 1) throw new OnnxNotSupportedException($"{node.Describe()}: spatial=0 is not supported");
    }

    public override void InferShapes(ShapeContext ctx)
    {
        for (int i = 0; i < 5; i++) ctx.RequireType(i, TensorDataType.Float);
        int[] x = ctx.InputShape(0);
        if (x.Length < 2) throw ctx.Fail($"input must be N×C×…, got {TensorShape.Format(x)}");
        for (int i = 1; i < 5; i++)
            if (TensorShape.ElementCount(ctx.InputShape(i)) != x[1]) throw ctx.Fail($"input {i} must have {x[1]} values (one per channel)");
        ctx.SetOutput(0, TensorDataType.Float, x);
        ctx.SetOutput(1, TensorDataType.Float, [x[1]]);
        ctx.SetOutput(2, TensorDataType.Float, [x[1]]);
    }

    public override void Execute(OpContext ctx)
    {
        Tensor xt = ctx.Input(0);
        int n = xt.Shape[0], c = xt.Shape[1];
        int spatial = TensorShape.Product(xt.Shape, 2, xt.Rank);
        Span<float> x = xt.Span<float>(), y = ctx.Output(0).Span<float>();
        Span<float> scale = ctx.Input(1).Span<float>(), bias = ctx.Input(2).Span<float>();
        Span<float> mean = ctx.Input(3).Span<float>(), variance = ctx.Input(4).Span<float>();
        for (int ch = 0; ch < c; ch++)
        {
            float mu = mean[ch], var = variance[ch];
            if (_training)
            {
                double sum = 0, squares = 0;
                for (int b = 0; b < n; b++)
                {
                    Span<float> plane = x.Slice((b * c + ch) * spatial, spatial);
                    sum += TensorPrimitives.Sum(plane);
                }
                mu = (float)(sum / ((long)n * spatial));
                for (int b = 0; b < n; b++)
                    foreach (float v in x.Slice((b * c + ch) * spatial, spatial)) squares += (double)(v - mu) * (v - mu);
                var = (float)(squares / ((long)n * spatial));
                if (ctx.HasOutput(1)) ctx.Output(1).Span<float>()[ch] = mean[ch] * _momentum + mu * (1 - _momentum);
                if (ctx.HasOutput(2)) ctx.Output(2).Span<float>()[ch] = variance[ch] * _momentum + var * (1 - _momentum);
            }
            float factor = scale[ch] / MathF.Sqrt(var + _epsilon);
            float shift = bias[ch] - mu * factor;
            for (int b = 0; b < n; b++)
            {
                int at = (b * c + ch) * spatial;
                TensorPrimitives.Multiply(x.Slice(at, spatial), factor, y.Slice(at, spatial));
                TensorPrimitives.Add(y.Slice(at, spatial), shift, y.Slice(at, spatial));
            }
        }
    }
}
