using System.Numerics.Tensors;
using XairrosX.AI.Kernels;

namespace XairrosX.AI.Autograd;

/// <summary>Differentiable operations. Each computes its value and records how to push gradients back.</summary>
public sealed unsafe class Functions
{
    private readonly GradientTape _tape;
    private readonly GemmWorkspace _gemm;

    /// <summary>Operations recording onto <paramref name="tape"/>, using <paramref name="gemm"/> for matrix products.</summary>
    public Functions(GradientTape tape, GemmWorkspace gemm)
    {
        _tape = tape;
        _gemm = gemm;
    }

    /// <summary>[M,K] × [K,N] → [M,N].</summary>
    public Variable MatMul(Variable a, Variable b)
    {
        if (a.Shape.Length != 2 || b.Shape.Length != 2 || a.Shape[1] != b.Shape[0])
            throw new ArgumentException($"MatMul needs [M,K]×[K,N], got [{string.Join(",", a.Shape)}]×[{string.Join(",", b.Shape)}]");
        int m = a.Shape[0], k = a.Shape[1], n = b.Shape[1];
        var y = new Variable(new float[m * n], [m, n], a.RequiresGrad || b.RequiresGrad);
        Gemm(false, false, m, n, k, a.Data, b.Data, y.Data, false);
        if (y.RequiresGrad)
            _tape.Record(() =>
            {
                float[] dy = y.GradBuffer();
                if (a.RequiresGrad) Gemm(false, true, m, k, n, dy, b.Data, a.GradBuffer(), true);   // dA += dY·Bᵀ
                if (b.RequiresGrad) Gemm(true, false, k, n, m, a.Data, dy, b.GradBuffer(), true);   // dB += Aᵀ·dY
            });
        return y;
    }

    /// <summary>a + b where b has a's shape or is a bias broadcast over the last axis (or over axis 1 of N×C×H×W).</summary>
    public Variable Add(Variable a, Variable b)
    {
        var y = new Variable((float[])a.Data.Clone(), a.Shape, a.RequiresGrad || b.RequiresGrad);
        int inner = BiasInner(a, b, out int channels);
        for (int i = 0; i < y.Length; i++) y.Data[i] += b.Data[i / inner % channels];
        if (y.RequiresGrad)
            _tape.Record(() =>
            {
                float[] dy = y.GradBuffer();
                if (a.RequiresGrad) TensorPrimitives.Add(a.GradBuffer(), dy, a.GradBuffer());
                if (b.RequiresGrad)
                {
                    float[] db = b.GradBuffer();
                    for (int i = 0; i < dy.Length; i++) db[i / inner % channels] += dy[i];
                }
            });
        return y;
    }

    private static int BiasInner(Variable a, Variable b, out int channels)
    {
        channels = b.Length;
        if (b.Length == a.Length) return 1;
        if (a.Shape.Length == 4 && b.Length == a.Shape[1]) return a.Shape[2] * a.Shape[3];
        if (b.Length == a.Shape[^1]) return 1;
        throw new ArgumentException("Add supports same shape or a bias along the last axis / channel axis");
    }

    /// <summary>max(x, 0).</summary>
    public Variable Relu(Variable x)
    {
        var y = new Variable(new float[x.Length], x.Shape, x.RequiresGrad);
        TensorPrimitives.Max(x.Data, 0f, y.Data);
        if (y.RequiresGrad)
            _tape.Record(() =>
            {
                float[] dy = y.GradBuffer(), dx = x.GradBuffer();
                for (int i = 0; i < dx.Length; i++) if (x.Data[i] > 0) dx[i] += dy[i];
            });
        return y;
    }

    /// <summary>Same data, new shape (gradient passes through unchanged).</summary>
    public Variable Reshape(Variable x, params int[] shape)
    {
        var y = new Variable(x.Data, shape, x.RequiresGrad);
        if (y.RequiresGrad) _tape.Record(() => TensorPrimitives.Add(x.GradBuffer(), y.GradBuffer(), x.GradBuffer()));
        return y;
    }

    /// <summary>Mean over the batch of −log softmax(logits)[label]; logits are [B, C].</summary>
    public Variable SoftmaxCrossEntropy(Variable logits, int[] labels)
    {
        int batch = logits.Shape[0], classes = logits.Shape[1];
        if (labels.Length != batch) throw new ArgumentException("one label per row is needed");
        var probabilities = new float[logits.Length];
        double loss = 0;
        for (int r = 0; r < batch; r++)
        {
            if ((uint)labels[r] >= (uint)classes) throw new ArgumentOutOfRangeException(nameof(labels), $"label {labels[r]} is not a class index");
            Span<float> p = probabilities.AsSpan(r * classes, classes);
            Activations.SoftmaxRow(logits.Data.AsSpan(r * classes, classes), p);
            loss -= Math.Log(Math.Max(p[labels[r]], 1e-30f));
        }
        var y = new Variable([(float)(loss / batch)], [1], logits.RequiresGrad);
        if (y.RequiresGrad)
            _tape.Record(() =>
            {
                // ∂/∂logits of the mean cross-entropy: (softmax − onehot) / B.
                float scale = y.GradBuffer()[0] / batch;
                float[] dx = logits.GradBuffer();
                for (int r = 0; r < batch; r++)
                    for (int c = 0; c < classes; c++)
                        dx[r * classes + c] += scale * (probabilities[r * classes + c] - (c == labels[r] ? 1f : 0f));
            });
        return y;
    }

    /// <summary>2-D convolution, x [N,C,H,W], w [M,C,kH,kW], bias [M] or null, square stride and zero padding.</summary>
    public Variable Conv2D(Variable x, Variable w, Variable? bias, int stride = 1, int padding = 0)
    {
        int n = x.Shape[0], c = x.Shape[1], h = x.Shape[2], wd = x.Shape[3], m = w.Shape[0];
        if (w.Shape[1] != c) throw new ArgumentException("weight channels differ from input channels");
        ConvGeometry g = ConvGeometry.Create(c, h, wd, w.Shape[2], w.Shape[3], stride, stride, 1, 1, [padding, padding, padding, padding], "NOTSET", false);
        int kDim = g.ColumnRows, cols = g.ColumnCols;
        var y = new Variable(new float[n * m * cols], [n, m, g.OutH, g.OutW], x.RequiresGrad || w.RequiresGrad || (bias?.RequiresGrad ?? false));
        var columns = new float[n][];
        for (int b = 0; b < n; b++)
        {
            columns[b] = new float[kDim * cols];
            fixed (float* px = x.Data, pc = columns[b]) Convolution.Im2Col(px + (long)b * c * h * wd, g, pc);
            fixed (float* pw = w.Data, pc = columns[b], py = y.Data)
                Sgemm.Multiply(false, false, m, cols, kDim, 1f, pw, kDim, pc, cols, false, py + (long)b * m * cols, cols, _gemm);
        }
        if (bias != null)
            for (int i = 0; i < y.Length; i++) y.Data[i] += bias.Data[i / cols % m];
        if (y.RequiresGrad)
            _tape.Record(() =>
            {
                float[] dy = y.GradBuffer();
                var dCol = new float[kDim * cols];
                for (int b = 0; b < n; b++)
                {
                    fixed (float* pdy = dy, pc = columns[b], pw = w.Data, pdc = dCol)
                    {
                        float* dyb = pdy + (long)b * m * cols;
                        if (w.RequiresGrad)
                            fixed (float* pdw = w.GradBuffer()) Sgemm.Multiply(false, true, m, kDim, cols, 1f, dyb, cols, pc, cols, true, pdw, kDim, _gemm);
                        if (x.RequiresGrad)
                        {
                            Sgemm.Multiply(true, false, kDim, cols, m, 1f, pw, kDim, dyb, cols, false, pdc, cols, _gemm);
                            fixed (float* pdx = x.GradBuffer()) Col2Im(pdc, g, pdx + (long)b * c * h * wd);
                        }
                    }
                }
                if (bias != null && bias.RequiresGrad)
                {
                    float[] db = bias.GradBuffer();
                    for (int i = 0; i < dy.Length; i++) db[i / cols % m] += dy[i];
                }
            });
        return y;
    }

    /// <summary>Adjoint of im2col: adds each column entry back to the input pixel it was read from.</summary>
    private static void Col2Im(float* col, in ConvGeometry g, float* dx)
    {
        int cols = g.ColumnCols;
        for (int ch = 0; ch < g.Channels; ch++)
            for (int kh = 0; kh < g.KernelH; kh++)
                for (int kw = 0; kw < g.KernelW; kw++)
                {
                    float* src = col + ((long)(ch * g.KernelH + kh) * g.KernelW + kw) * cols;
                    for (int oh = 0; oh < g.OutH; oh++)
                    {
                        int ih = oh * g.StrideH - g.PadTop + kh;
                        if ((uint)ih >= (uint)g.InH) continue;
                        for (int ow = 0; ow < g.OutW; ow++)
                        {
                            int iw = ow * g.StrideW - g.PadLeft + kw;
                            if ((uint)iw < (uint)g.InW) dx[((long)ch * g.InH + ih) * g.InW + iw] += src[oh * g.OutW + ow];
                        }
                    }
                }
    }

    private void Gemm(bool ta, bool tb, int m, int n, int k, float[] a, float[] b, float[] c, bool accumulate)
    {
        fixed (float* pa = a, pb = b, pc = c)
            Sgemm.Multiply(ta, tb, m, n, k, 1f, pa, ta ? m : k, pb, tb ? k : n, accumulate, pc, n, _gemm);
    }
}
