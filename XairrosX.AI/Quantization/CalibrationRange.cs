namespace XairrosX.AI.Quantization;

/// <summary>Observed min/max of one float value over the calibration inputs, and the uint8 parameters it implies.</summary>
public sealed class CalibrationRange
{
    /// <summary>Smallest value seen.</summary>
    public float Min { get; private set; } = float.PositiveInfinity;

    /// <summary>Largest value seen.</summary>
    public float Max { get; private set; } = float.NegativeInfinity;

    /// <summary>Widens the range by <paramref name="values"/>.</summary>
    public void Observe(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty) return;
        Min = Math.Min(Min, System.Numerics.Tensors.TensorPrimitives.Min(values));
        Max = Math.Max(Max, System.Numerics.Tensors.TensorPrimitives.Max(values));
    }

    /// <summary>
    /// Asymmetric uint8 parameters. The range always includes 0 so that zero (padding, ReLU
    /// output) is exactly representable.
    /// </summary>
    public (float Scale, byte ZeroPoint) UInt8Parameters()
    {
        float lo = Math.Min(0f, float.IsFinite(Min) ? Min : 0f), hi = Math.Max(0f, float.IsFinite(Max) ? Max : 0f);
        float scale = (hi - lo) / 255f;
        if (scale <= 0 || !float.IsFinite(scale)) return (1f, 0);
        int zero = (int)MathF.Round(-lo / scale, MidpointRounding.ToEven);
        return (scale, (byte)Math.Clamp(zero, 0, 255));
    }
}
