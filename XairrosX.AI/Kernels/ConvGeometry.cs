namespace XairrosX.AI.Kernels;

/// <summary>
/// Sizes of a 2-D sliding window (convolution or pooling) over an N×C×H×W input, with the padding
/// already resolved from auto_pad. Output size: floor (or ceil) of (in + pads − dilated kernel) / stride + 1.
/// </summary>
public readonly record struct ConvGeometry(
    int Channels, int InH, int InW, int KernelH, int KernelW, int StrideH, int StrideW,
    int DilationH, int DilationW, int PadTop, int PadLeft, int PadBottom, int PadRight, int OutH, int OutW)
{
    /// <summary>
    /// Resolves output size and padding. <paramref name="autoPad"/> is NOTSET, SAME_UPPER, SAME_LOWER or VALID;
    /// <paramref name="pads"/> is [top, left, bottom, right] (used with NOTSET). With <paramref name="ceilMode"/>
    /// a last window that would start beyond the input and left padding is dropped, as ONNX Runtime and PyTorch do.
    /// </summary>
    public static ConvGeometry Create(int channels, int inH, int inW, int kH, int kW, int sH, int sW, int dH, int dW,
        ReadOnlySpan<int> pads, string autoPad, bool ceilMode)
    {
        if (kH <= 0 || kW <= 0 || sH <= 0 || sW <= 0 || dH <= 0 || dW <= 0)
            throw new ArgumentException("kernel, strides and dilations must be positive");
        (int outH, int top, int bottom) = Axis(inH, kH, sH, dH, pads[0], pads[2], autoPad, ceilMode);
        (int outW, int left, int right) = Axis(inW, kW, sW, dW, pads[1], pads[3], autoPad, ceilMode);
        if (outH <= 0 || outW <= 0) throw new ArgumentException($"window {kH}x{kW} does not fit input {inH}x{inW} with the given padding");
        return new ConvGeometry(channels, inH, inW, kH, kW, sH, sW, dH, dW, top, left, bottom, right, outH, outW);
    }

    private static (int Out, int Begin, int End) Axis(int input, int kernel, int stride, int dilation, int padBegin, int padEnd, string autoPad, bool ceilMode)
    {
        int extent = (kernel - 1) * dilation + 1;
        switch (autoPad)
        {
            case "SAME_UPPER":
            case "SAME_LOWER":
                {
                    int output = (input + stride - 1) / stride;
                    int total = Math.Max((output - 1) * stride + extent - input, 0);
                    int small = total / 2;
                    return autoPad == "SAME_UPPER" ? (output, small, total - small) : (output, total - small, small);
                }
            case "VALID":
                return ((input - extent) / stride + 1, 0, 0);
            case "NOTSET":
            case "":
                {
                    if (padBegin < 0 || padEnd < 0) throw new ArgumentException("pads must be non-negative");
                    int span = input + padBegin + padEnd - extent;
                    if (span < 0) return (0, padBegin, padEnd);
                    int output = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
                    if (ceilMode && (output - 1) * stride >= input + padBegin) output--;
                    return (output, padBegin, padEnd);
                }
            default:
                throw new ArgumentException($"auto_pad '{autoPad}' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID");
        }
    }

    /// <summary>Rows of the im2col matrix: C·kH·kW.</summary>
    public int ColumnRows => Channels * KernelH * KernelW;

    /// <summary>Columns of the im2col matrix: outH·outW.</summary>
    public int ColumnCols => OutH * OutW;

    /// <summary>True for 1×1, stride 1, unpadded windows: the input already is the im2col matrix.</summary>
    public bool IsPointwise => KernelH == 1 && KernelW == 1 && StrideH == 1 && StrideW == 1 && PadTop == 0 && PadLeft == 0 && PadBottom == 0 && PadRight == 0;
}
