using System.Globalization;
using System.Text;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Service;

/// <summary>Text rendering of tensors for the shell: shape, then values in C's %.6g style, elided after a limit.</summary>
public static class TensorFormatter
{
    /// <summary>Default number of values printed before "…".</summary>
    public const int DefaultMaxValues = 64;

    /// <summary>"name: FLOAT[1,10] = [-0.5, 1.25e+06, …]".</summary>
    public static string Format(Tensor tensor, string? name = null, int maxValues = DefaultMaxValues)
    {
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(name)) sb.Append(name).Append(": ");
        sb.Append(tensor).Append(" = [");
        Tensor dense = tensor.Contiguous();
        int shown = Math.Min(dense.ElementCount, Math.Max(maxValues, 0));
        for (int i = 0; i < shown; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(FormatValue(dense.GetAsDouble(i), dense.DataType));
        }
        if (shown < dense.ElementCount) sb.Append(shown > 0 ? ", …" : "…");
        sb.Append(']');
        if (!ReferenceEquals(dense, tensor)) dense.Dispose();
        return sb.ToString();
    }

    /// <summary>One value like C's printf("%.6g"): 6 significant digits, exponent form outside [1e-4, 1e6), no trailing zeros.</summary>
    public static string FormatValue(double value, TensorDataType type = TensorDataType.Float)
    {
        if (type is not (TensorDataType.Float or TensorDataType.Double)) return ((long)value).ToString(CultureInfo.InvariantCulture);
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return double.IsNegative(value) ? "-0" : "0";
        // Round to 6 significant digits first: the exponent %g chooses from is the rounded value's.
        string e = value.ToString("E5", CultureInfo.InvariantCulture); // d.dddddE+xxx
        int exponent = int.Parse(e.AsSpan(e.IndexOf('E') + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (exponent < -4 || exponent >= 6)
        {
            string mantissa = TrimZeros(e.Substring(0, e.IndexOf('E')));
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }
        string fixedPoint = value.ToString("F" + Math.Max(0, 5 - exponent).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return TrimZeros(fixedPoint);
    }

    private static string TrimZeros(string s)
    {
        if (!s.Contains('.')) return s;
        s = s.TrimEnd('0');
        return s.EndsWith('.') ? s[..^1] : s;
    }
}
