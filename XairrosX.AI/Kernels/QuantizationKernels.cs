using System.Numerics;

namespace XairrosX.AI.Kernels;

/// <summary>
/// Linear (de)quantization: q = saturate(round_half_even(x / scale) + zero_point), x = (q − zero_point)·scale.
/// The scale/zero-point index of an element comes from <see cref="QuantizationLayout"/> (per tensor, per axis or blocked).
/// </summary>
public static class QuantizationKernels
{
    /// <summary>Quantizes <paramref name="x"/>; <paramref name="zeroPoint"/> may be empty (zero).</summary>
    public static void Quantize<TQ>(ReadOnlySpan<float> x, ReadOnlySpan<float> scale, ReadOnlySpan<TQ> zeroPoint, Span<TQ> y, in QuantizationLayout layout)
        where TQ : unmanaged, INumber<TQ>, IMinMaxValue<TQ>
    {
        float min = float.CreateTruncating(TQ.MinValue), max = float.CreateTruncating(TQ.MaxValue);
        for (int i = 0; i < x.Length; i++)
        {
            int s = layout.ParameterIndex(i);
            float zp = zeroPoint.IsEmpty ? 0f : float.CreateTruncating(zeroPoint[s]);
            float q = MathF.Round(x[i] / scale[s], MidpointRounding.ToEven) + zp;
            y[i] = TQ.CreateTruncating(Math.Clamp(q, min, max));
        }
    }

    /// <summary>Dequantizes <paramref name="x"/>; <paramref name="zeroPoint"/> may be empty (zero).</summary>
    public static void Dequantize<TQ>(ReadOnlySpan<TQ> x, ReadOnlySpan<float> scale, ReadOnlySpan<TQ> zeroPoint, Span<float> y, in QuantizationLayout layout)
        where TQ : unmanaged, INumber<TQ>
    {
        for (int i = 0; i < x.Length; i++)
        {
            int s = layout.ParameterIndex(i);
            long zp = zeroPoint.IsEmpty ? 0 : long.CreateTruncating(zeroPoint[s]);
            y[i] = (long.CreateTruncating(x[i]) - zp) * scale[s];
        }
    }
}

/// <summary>
/// Where an element's quantization parameters live: one for the tensor, one per index of <c>axis</c>,
/// or one per block of <c>blockSize</c> indices along <c>axis</c> (blocked quantization).
/// </summary>
public readonly struct QuantizationLayout
{
    private readonly int _axisLength, _inner, _blockSize, _blocks;
    private readonly byte _mode; // 0 per tensor, 1 per axis, 2 blocked

    private QuantizationLayout(byte mode, int axisLength, int inner, int blockSize, int blocks)
    {
        _mode = mode;
        _axisLength = axisLength;
        _inner = inner;
        _blockSize = blockSize;
        _blocks = blocks;
    }

    /// <summary>One scale for the whole tensor.</summary>
    public static QuantizationLayout PerTensor => default;

    /// <summary>Resolves the layout from the data shape, the scale shape, axis and block size; throws on mismatch.</summary>
    public static QuantizationLayout Create(ReadOnlySpan<int> shape, ReadOnlySpan<int> scaleShape, int axis, int blockSize)
    {
        int scaleCount = 1;
        foreach (int d in scaleShape) scaleCount *= d;
        if (scaleShape.Length == 0 || (scaleCount == 1 && blockSize == 0)) return PerTensor;
        int inner = 1;
        for (int d = axis + 1; d < shape.Length; d++) inner *= shape[d];
        if (blockSize <= 0)
        {
            if (scaleShape.Length != 1 || scaleShape[0] != shape[axis])
                throw new ArgumentException($"per-axis scale must have {shape[axis]} values, has {scaleCount}");
            return new QuantizationLayout(1, shape[axis], inner, 0, 0);
        }
        if (scaleShape.Length != shape.Length) throw new ArgumentException("blocked scale must have the rank of the input");
        int blocks = (shape[axis] + blockSize - 1) / blockSize;
        for (int d = 0; d < shape.Length; d++)
            if (scaleShape[d] != (d == axis ? blocks : shape[d]))
                throw new ArgumentException($"blocked scale dimension {d} is {scaleShape[d]}, expected {(d == axis ? blocks : shape[d])}");
        return new QuantizationLayout(2, shape[axis], inner, blockSize, blocks);
    }

    /// <summary>Index into scale/zero-point of flat element <paramref name="i"/>.</summary>
    public int ParameterIndex(int i)
    {
        if (_mode == 0) return 0;
        int a = i / _inner % _axisLength;
        if (_mode == 1) return a;
        int outer = i / (_inner * _axisLength);
        return (outer * _blocks + a / _blockSize) * _inner + i % _inner;
    }
}
