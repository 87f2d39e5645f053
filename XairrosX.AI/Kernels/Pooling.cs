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
        if (typeof(T) == typeof(float) && g.InW <= 4096)
        {
            MaxFloat(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y), planes, g);
            return;
        }
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
    /// Float max pooling in two passes per output row: a SIMD max down the window's input rows into
    /// one line, then the horizontal windows over that line (separable, because max is).
    /// </summary>
    private static void MaxFloat(ReadOnlySpan<float> x, Span<float> y, int planes, in ConvGeometry g)
    {
        int inPlane = g.InH * g.InW, outPlane = g.OutH * g.OutW;
        Span<float> line = stackalloc float[g.InW];
        for (int p = 0; p < planes; p++)
        {
            ReadOnlySpan<float> src = x.Slice(p * inPlane, inPlane);
            Span<float> dst = y.Slice(p * outPlane, outPlane);
            for (int oh = 0; oh < g.OutH; oh++)
            {
                bool any = false;
                for (int kh = 0; kh < g.KernelH; kh++)
                {
                    int ih = oh * g.StrideH - g.PadTop + kh * g.DilationH;
                    if ((uint)ih >= (uint)g.InH) continue;
                    ReadOnlySpan<float> row = src.Slice(ih * g.InW, g.InW);
                    if (any) System.Numerics.Tensors.TensorPrimitives.Max(line, row, line);
                    else row.CopyTo(line);
                    any = true;
                }
                Span<float> outRow = dst.Slice(oh * g.OutW, g.OutW);
                if (!any)
                {
                    outRow.Fill(float.MinValue);
                    continue;
                }
                ref float lineRef = ref MemoryMarshal.GetReference(line);
                int lastTap = (g.KernelW - 1) * g.DilationW;
                for (int ow = 0; ow < g.OutW; ow++)
                {
                    int iw0 = ow * g.StrideW - g.PadLeft;
                    if (iw0 >= 0 && iw0 + lastTap < g.InW)
                    {
                        // Interior window: no bounds checks.
                        float m = Unsafe.Add(ref lineRef, iw0);
                        for (int kw = 1; kw < g.KernelW; kw++)
                        {
                            float v = Unsafe.Add(ref lineRef, iw0 + kw * g.DilationW);
                            if (v > m) m = v;
                        }
                        outRow[ow] = m;
                        continue;
                    }
                    float best = float.NegativeInfinity;
                    bool seen = false;
                    for (int kw = 0; kw < g.KernelW; kw++)
                    {
                        int iw = iw0 + kw * g.DilationW;
                        if ((uint)iw >= (uint)g.InW) continue;
                        float v = line[iw];
                        if (!seen || v > best || float.IsNaN(v)) best = v;
                        seen = true;
                    }
                    outRow[ow] = seen ? best : float.MinValue;
                }
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
