namespace XairrosX.AI.Kernels;

/// <summary>2-D convolution as im2col + <see cref="Sgemm"/>, per image and per group.</summary>
public static unsafe class Convolution
{
    /// <summary>Floats of scratch <see cref="Forward"/> needs for one group of <paramref name="outChannelsPerGroup"/> filters.</summary>
    public static long ScratchFloats(in ConvGeometry g, int outChannelsPerGroup)
    {
        if (g.IsPointwise) return 0;
        if (UsesShiftedWindows(g))
        {
            long padded = (long)g.Channels * PaddedH(g) * PaddedW(g);
            return padded + (long)outChannelsPerGroup * WideColumns(g) + g.ColumnRows;
        }
        return (long)g.ColumnRows * g.ColumnCols;
    }

    /// <summary>
    /// Unit stride: the GEMM reads each kernel tap's shifted window straight out of a padded copy of the
    /// image (B row = tap, B column = output position on a grid as wide as the padded image), so no
    /// im2col matrix is built; the few extra columns that grid computes are dropped when copying out.
    /// </summary>
    private static bool UsesShiftedWindows(in ConvGeometry g) => g.StrideH == 1 && g.StrideW == 1;

    private static int PaddedH(in ConvGeometry g) => g.InH + g.PadTop + g.PadBottom;

    private static int PaddedW(in ConvGeometry g) => g.InW + g.PadLeft + g.PadRight;

    private static int WideColumns(in ConvGeometry g) => (g.OutH - 1) * PaddedW(g) + g.OutW;

    private static void ShiftedWindowGroup(float* x, float* w, float* bias, float* y, int m, in ConvGeometry g, float* scratch, GemmWorkspace workspace)
    {
        int hp = PaddedH(g), wp = PaddedW(g), wide = WideColumns(g), kDim = g.ColumnRows;
        float* padded = scratch;
        float* yWide = padded + (long)g.Channels * hp * wp;
        int* rowOffsets = (int*)(yWide + (long)m * wide);
        new Span<float>(padded, g.Channels * hp * wp).Clear();
        for (int c = 0; c < g.Channels; c++)
            for (int h = 0; h < g.InH; h++)
                new ReadOnlySpan<float>(x + ((long)c * g.InH + h) * g.InW, g.InW)
                    .CopyTo(new Span<float>(padded + ((long)c * hp + h + g.PadTop) * wp + g.PadLeft, g.InW));
        int r = 0;
        for (int c = 0; c < g.Channels; c++)
            for (int kh = 0; kh < g.KernelH; kh++)
                for (int kw = 0; kw < g.KernelW; kw++)
                    rowOffsets[r++] = (c * hp + kh * g.DilationH) * wp + kw * g.DilationW;
        Sgemm.MultiplyRowOffsetB(m, wide, kDim, w, kDim, padded, rowOffsets, false, yWide, wide, workspace);
        int cols = g.ColumnCols;
        for (int o = 0; o < m; o++)
        {
            float b = bias != null ? bias[o] : 0f;
            for (int oh = 0; oh < g.OutH; oh++)
            {
                var src = new ReadOnlySpan<float>(yWide + (long)o * wide + (long)oh * wp, g.OutW);
                var dst = new Span<float>(y + (long)o * cols + (long)oh * g.OutW, g.OutW);
                if (b != 0f) System.Numerics.Tensors.TensorPrimitives.Add(src, b, dst);
                else src.CopyTo(dst);
            }
        }
    }

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
                if (!g.IsPointwise && UsesShiftedWindows(g))
                {
                    ShiftedWindowGroup(xg, w + (long)gi * mPerGroup * kDim, bias != null ? bias + gi * mPerGroup : null, yg, mPerGroup, g, scratch, workspace);
                    continue;
                }
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
                        if (g.StrideW == 1)
                        {
                            // Unit stride: zeros for the left/right padding, one contiguous copy in between.
                            int first = Math.Clamp(-iw0, 0, g.OutW), last = Math.Clamp(g.InW - iw0, first, g.OutW);
                            new Span<float>(row, first).Clear();
                            new ReadOnlySpan<float>(src + iw0 + first, last - first).CopyTo(new Span<float>(row + first, last - first));
                            new Span<float>(row + last, g.OutW - last).Clear();
                            continue;
                        }
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
