using XairrosX.AI.Runtime;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Quantization;

/// <summary>How far a quantized model's outputs are from the fp32 model's on the same inputs.</summary>
/// <param name="Samples">Input sets compared.</param>
/// <param name="MaxAbsoluteError">Largest |q − f| over all output elements.</param>
/// <param name="MeanAbsoluteError">Mean |q − f|.</param>
/// <param name="MaxRelativeToRange">MaxAbsoluteError divided by the fp32 outputs' value range.</param>
/// <param name="ArgmaxAgreement">Fraction of samples whose first output has the same argmax.</param>
public readonly record struct QuantizationReport(int Samples, double MaxAbsoluteError, double MeanAbsoluteError, double MaxRelativeToRange, double ArgmaxAgreement)
{
    /// <summary>Runs both sessions on every sample and compares their first outputs.</summary>
    public static QuantizationReport Compare(InferenceSession fp32, InferenceSession quantized, IReadOnlyList<IReadOnlyList<Tensor>> samples)
    {
        double maxAbs = 0, sumAbs = 0, lo = double.MaxValue, hi = double.MinValue;
        long count = 0;
        int agree = 0;
        foreach (IReadOnlyList<Tensor> sample in samples)
        {
            Span<float> f = fp32.Run(sample)[0].Span<float>();
            Span<float> q = quantized.Run(sample)[0].Span<float>();
            if (f.Length != q.Length) throw new InvalidOperationException("models produce outputs of different sizes");
            for (int i = 0; i < f.Length; i++)
            {
                double d = Math.Abs(f[i] - q[i]);
                maxAbs = Math.Max(maxAbs, d);
                sumAbs += d;
                lo = Math.Min(lo, f[i]);
                hi = Math.Max(hi, f[i]);
            }
            count += f.Length;
            if (ArgMax(f) == ArgMax(q)) agree++;
        }
        double range = hi > lo ? hi - lo : 1;
        return new QuantizationReport(samples.Count, maxAbs, count > 0 ? sumAbs / count : 0, maxAbs / range, samples.Count > 0 ? (double)agree / samples.Count : 1);
    }

    private static int ArgMax(ReadOnlySpan<float> v) => v.IsEmpty ? -1 : System.Numerics.Tensors.TensorPrimitives.IndexOfMax(v);

    /// <summary>One line for the shell.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"samples {Samples}: max |Δ| {MaxAbsoluteError:G4} ({MaxRelativeToRange:P2} of output range), mean |Δ| {MeanAbsoluteError:G4}, argmax agreement {ArgmaxAgreement:P0}");
}
