namespace XairrosX.AI.Kernels;

/// <summary>2-D convolution as im2col + <see cref="Sgemm"/>, per image and per group.</summary>
public static unsafe class Convolution
{
    /// <summary>Floats of scratch <see cref="Forward"/> needs (the im2col matrix of one group).</summary>
    public static long ScratchFloats(in ConvGeometry g) => g.IsPointwise ? 0 : (long)g.ColumnRows * g.ColumnCols;

    /// <summary>
    /// y[n, m] = Σ w[m] ⋆ x[n] + bias[m]. <paramref name="g"/> describes one group (Channels = C / group);
    /// x is N×C×H×W, w is M×(C/group)×kH×kW, y is N×M×outH×outW; bias may be null.
    /// </summary>
    public static void Forward(float* x, float* w, float* bias, float* y, int batch, int outChannels, int group,
        in ConvGeometry g, float* scratch, GemmWorkspace workspace)
    {
        int mPerGroup = outChannels / group;
        int kDim = g.ColumnRows, cols = g.ColumnCols;
        long inImage = (long)g.Channels * group * g.InH * g.InW;
        long outImage = (long)outChannels * cols;
        for (int n = 0; n < batch; n++)
        {
            for (int gi = 0; gi < group; gi++)
            {
                float* xg = x + n * inImage + (long)gi * g.Channels * g.InH * g.InW;
                float* yg = y + n * outImage + (long)gi * mPerGroup * cols;
                float* col = xg;
                if (!g.IsPointwise)
                {
                    Im2Col(xg, g, scratch);
                    col = scratch;
                }
                bool accumulate = false;
                if (bias != null)
                {
                    for (int m = 0; m < mPerGroup; m++) new Span<float>(yg + (long)m * cols, cols).Fill(bias[gi * mPerGroup + m]);
                    accumulate = true;
                }
                Sgemm.Multiply(false, false, mPerGroup, cols, kDim, 1f, w + (long)gi * mPerGroup * kDim, kDim, col, cols, accumulate, yg, cols, workspace);
            }
        }
    }

    /// <summary>Unfolds one C×H×W image into a (C·kH·kW)×(outH·outW) matrix; padding reads as zero.</summary>
    public static void Im2Col(float* x, in ConvGeometry g, float* col)
    {
        int cols = g.ColumnCols;
        for (int c = 0; c < g.Channels; c++)
        {
            float* plane = x + (long)c * g.InH * g.InW;
            for (int kh = 0; kh < g.KernelH; kh++)
                for (int kw = 0; kw < g.KernelW; kw++)
                {
                    float* dst = col + ((long)(c * g.KernelH + kh) * g.KernelW + kw) * cols;
                    for (int oh = 0; oh < g.OutH; oh++)
                    {
                        int ih = oh * g.StrideH - g.PadTop + kh * g.DilationH;
                        float* row = dst + (long)oh * g.OutW;
                        if ((uint)ih >= (uint)g.InH)
                        {
                            new Span<float>(row, g.OutW).Clear();
                            continue;
                        }
                        float* src = plane + (long)ih * g.InW;
                        int iw0 = kw * g.DilationW - g.PadLeft;
                        for (int ow = 0; ow < g.OutW; ow++)
                        {
                            int iw = iw0 + ow * g.StrideW;
                            row[ow] = (uint)iw < (uint)g.InW ? src[iw] : 0f;
                        }
                    }
                }
        }
    }
}
