namespace XairrosX.AI.Autograd;

/// <summary>
/// A dense float tensor that takes part in reverse-mode differentiation: its value, its shape and,
/// after <see cref="GradientTape.Backward"/>, the gradient of the loss with respect to it.
/// </summary>
public sealed class Variable
{
    /// <summary>Wraps <paramref name="data"/> (not copied) with <paramref name="shape"/>.</summary>
    public Variable(float[] data, int[] shape, bool requiresGrad = false)
    {
        int count = 1;
        foreach (int d in shape) count *= d;
        if (count != data.Length) throw new ArgumentException($"{data.Length} values do not fill shape [{string.Join(",", shape)}]");
        Data = data;
        Shape = shape;
        RequiresGrad = requiresGrad;
    }

    /// <summary>Values, row-major.</summary>
    public float[] Data { get; }

    /// <summary>Dimensions.</summary>
    public int[] Shape { get; }

    /// <summary>True for trainable parameters (and everything computed from them).</summary>
    public bool RequiresGrad { get; internal set; }

    /// <summary>∂loss/∂this, allocated on first accumulation.</summary>
    public float[]? Grad { get; private set; }

    /// <summary>Number of elements.</summary>
    public int Length => Data.Length;

    /// <summary>A trainable parameter initialized uniformly in ±<paramref name="scale"/> from a seeded generator.</summary>
    public static Variable Parameter(Random rng, float scale, params int[] shape)
    {
        int count = 1;
        foreach (int d in shape) count *= d;
        var data = new float[count];
        for (int i = 0; i < count; i++) data[i] = (float)((rng.NextDouble() * 2 - 1) * scale);
        return new Variable(data, shape, requiresGrad: true);
    }

    /// <summary>Gradient buffer, created zeroed if missing.</summary>
    internal float[] GradBuffer() => Grad ??= new float[Data.Length];

    /// <summary>Clears the gradient before the next step.</summary>
    public void ZeroGrad()
    {
        if (Grad != null) Array.Clear(Grad);
    }
}
