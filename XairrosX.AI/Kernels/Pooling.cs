using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace XairrosX.AI.Kernels;

/// <summary>2-D max and average pooling over N×C×H×W planes.</summary>
public static class Pooling
{
    /// <summary>Max over each window; padding never wins.</summary>
    public static void Max<T>(ReadOnlySpan<T> x, Span<T> y, int planes, in ConvGeometry g) where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        int inPlane = g.InH * g.InW, outPlane = g.OutH * g.OutW;
        for (int p = 0; p < planes; p++)
        {
            ReadOnlySpan<T> src = x.Slice(p * inPlane, inPlane);
            Span<T> dst = y.Slice(p * outPlane, outPlane);
            for (int oh = 0; oh < g.OutH; oh++)
                for (int ow = 0; ow < g.OutW; ow++)
                {
                    int top = oh * g.StrideH - g.PadTop, left = ow * g.StrideW - g.PadLeft;
                    if (top >= 0 && left >= 0 && top + (g.KernelH - 1) * g.DilationH < g.InH && left + (g.KernelW - 1) * g.DilationW < g.InW)
                    {
                        // Window entirely inside the image: no bounds checks per element.
                        ref T origin = ref Unsafe.Add(ref MemoryMarshal.GetReference(src), top * g.InW + left);
                        T m = origin;
                        for (int kh = 0; kh < g.KernelH; kh++)
                        {
                            ref T line = ref Unsafe.Add(ref origin, kh * g.DilationH * g.InW);
                            for (int kw = 0; kw < g.KernelW; kw++)
                            {
                                T v = Unsafe.Add(ref line, kw * g.DilationW);
                                if (v > m) m = v;
                            }
                        }
                        dst[oh * g.OutW + ow] = m;
                        continue;
                    }
                    T best = T.MinValue;
                    bool any = false;
                    for (int kh = 0; kh < g.KernelH; kh++)
                    {
                        int ih = oh * g.StrideH - g.PadTop + kh * g.DilationH;
                        if ((uint)ih >= (uint)g.InH) continue;
                        for (int kw = 0; kw < g.KernelW; kw++)
                        {
                            int iw = ow * g.StrideW - g.PadLeft + kw * g.DilationW;
                            if ((uint)iw >= (uint)g.InW) continue;
                            T v = src[ih * g.InW + iw];
                            if (!any || v > best) best = v;
                            any = true;
                        }
                    }
                    dst[oh * g.OutW + ow] = best;
                }
        }
    }

    /// <summary>
    /// Mean over each window. With <paramref name="countIncludePad"/> the divisor counts padded
    /// positions inside the padded extent (not those a ceil-mode window hangs past it).
    /// </summary>
    public static void Average(ReadOnlySpan<float> x, Span<float> y, int planes, in ConvGeometry g, bool countIncludePad)
    {
        int inPlane = g.InH * g.InW, outPlane = g.OutH * g.OutW;
        for (int p = 0; p < planes; p++)
        {
            ReadOnlySpan<float> src = x.Slice(p * inPlane, inPlane);
            Span<float> dst = y.Slice(p * outPlane, outPlane);
            for (int oh = 0; oh < g.OutH; oh++)
                for (int ow = 0; ow < g.OutW; ow++)
                {
                    float sum = 0;
                    int valid = 0, padded = 0;
                    for (int kh = 0; kh < g.KernelH; kh++)
                    {
                        int ih = oh * g.StrideH - g.PadTop + kh * g.DilationH;
                        bool rowInPadded = ih >= -g.PadTop && ih < g.InH + g.PadBottom;
                        for (int kw = 0; kw < g.KernelW; kw++)
                        {
                            int iw = ow * g.StrideW - g.PadLeft + kw * g.DilationW;
                            if (rowInPadded && iw >= -g.PadLeft && iw < g.InW + g.PadRight) padded++;
                            if ((uint)ih >= (uint)g.InH || (uint)iw >= (uint)g.InW) continue;
                            sum += src[ih * g.InW + iw];
                            valid++;
                        }
                    }
                    int divisor = countIncludePad ? padded : valid;
                    dst[oh * g.OutW + ow] = divisor > 0 ? sum / divisor : 0f;
                }
        }
    }
}
