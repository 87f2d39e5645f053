using System.Numerics.Tensors;

namespace XairrosX.AI.Kernels;

/// <summary>Activation functions and row-wise normalizations on dense float spans.</summary>
public static class Activations
{
    /// <summary>max(x, 0).</summary>
    public static void Relu(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Max(x, 0f, y);

    /// <summary>1 / (1 + e^-x).</summary>
    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Sigmoid(x, y);

    /// <summary>tanh(x).</summary>
    public static void Tanh(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Tanh(x, y);

    /// <summary>GELU, exact (erf) or with the tanh approximation.</summary>
    public static void Gelu(ReadOnlySpan<float> x, Span<float> y, bool tanhApproximation)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            if (tanhApproximation)
            {
                double inner = Math.Sqrt(2.0 / Math.PI) * (v + 0.044715 * v * v * v);
                y[i] = (float)(0.5 * v * (1.0 + Math.Tanh(inner)));
            }
            else
            {
                // 0.5·x·erfc(−x/√2) keeps full relative precision where GELU tends to 0 (x ≪ 0).
                y[i] = (float)(0.5 * v * Erfc(-v / Math.Sqrt(2.0)));
            }
        }
    }

    /// <summary>Complementary error function with relative error below 1.2e-7 everywhere (Chebyshev fit, Numerical Recipes §6.2).</summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
            t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }

    /// <summary>Numerically stable softmax of one contiguous row.</summary>
    public static void SoftmaxRow(ReadOnlySpan<float> x, Span<float> y)
    {
        if (x.Length == 0) return;
        float max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, y);
        TensorPrimitives.Exp(y, y);
        float sum = TensorPrimitives.Sum(y);
        TensorPrimitives.Divide(y, sum, y);
    }
}
