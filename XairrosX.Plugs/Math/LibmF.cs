namespace XairrosX.Plugs.Math;

/// <summary>
/// Single-precision C math (<c>sinf</c>, <c>powf</c>, ...). Each function widens to double, calls
/// <see cref="Libm"/> and narrows once: the double results are within ~0.52 double ulp, i.e. ~2^-29
/// float ulp, so the narrowing adds at most that to the 0.5 ulp of the final rounding. Widening is exact
/// and NaN, ±inf and ±0 pass through unchanged; fmodf, floorf, ceilf, truncf, roundf, modff are exact.
/// </summary>
public static class LibmF
{
    /// <summary>C <c>sinf</c>.</summary><param name="x">Radians.</param><returns>sin x.</returns>
    public static float Sin(float x) => (float)Libm.Sin(x);

    /// <summary>C <c>cosf</c>.</summary><param name="x">Radians.</param><returns>cos x.</returns>
    public static float Cos(float x) => (float)Libm.Cos(x);

    /// <summary>C <c>tanf</c>.</summary><param name="x">Radians.</param><returns>tan x.</returns>
    public static float Tan(float x) => (float)Libm.Tan(x);

    /// <summary>C <c>asinf</c>.</summary><param name="x">Sine value in [-1, 1].</param><returns>asin x.</returns>
    public static float Asin(float x) => (float)Libm.Asin(x);

    /// <summary>C <c>acosf</c>.</summary><param name="x">Cosine value in [-1, 1].</param><returns>acos x.</returns>
    public static float Acos(float x) => (float)Libm.Acos(x);

    /// <summary>C <c>atanf</c>.</summary><param name="x">Tangent value.</param><returns>atan x.</returns>
    public static float Atan(float x) => (float)Libm.Atan(x);

    /// <summary>C <c>atan2f</c>.</summary><param name="y">Ordinate.</param><param name="x">Abscissa.</param><returns>atan2(y, x).</returns>
    public static float Atan2(float y, float x) => (float)Libm.Atan2(y, x);

    /// <summary>C <c>expf</c>.</summary><param name="x">Exponent.</param><returns>e^x.</returns>
    public static float Exp(float x) => (float)Libm.Exp(x);

    /// <summary>C <c>exp2f</c>.</summary><param name="x">Exponent.</param><returns>2^x.</returns>
    public static float Exp2(float x) => (float)Libm.Exp2(x);

    /// <summary>C <c>expm1f</c>.</summary><param name="x">Exponent.</param><returns>e^x - 1.</returns>
    public static float Expm1(float x) => (float)Libm.Expm1(x);

    /// <summary>C <c>logf</c>.</summary><param name="x">Argument.</param><returns>ln x.</returns>
    public static float Log(float x) => (float)Libm.Log(x);

    /// <summary>C <c>log2f</c>.</summary><param name="x">Argument.</param><returns>log2 x.</returns>
    public static float Log2(float x) => (float)Libm.Log2(x);

    /// <summary>C <c>log10f</c>.</summary><param name="x">Argument.</param><returns>log10 x.</returns>
    public static float Log10(float x) => (float)Libm.Log10(x);

    /// <summary>C <c>log1pf</c>.</summary><param name="x">Argument.</param><returns>ln(1 + x).</returns>
    public static float Log1p(float x) => (float)Libm.Log1p(x);

    /// <summary>C <c>powf</c>.</summary><param name="x">Base.</param><param name="y">Exponent.</param><returns>x^y.</returns>
    public static float Pow(float x, float y) => (float)Libm.Pow(x, y);

    /// <summary>C <c>cbrtf</c>.</summary><param name="x">Argument.</param><returns>Cube root of x.</returns>
    public static float Cbrt(float x) => (float)Libm.Cbrt(x);

    /// <summary>C <c>sinhf</c>.</summary><param name="x">Argument.</param><returns>sinh x.</returns>
    public static float Sinh(float x) => (float)Libm.Sinh(x);

    /// <summary>C <c>coshf</c>.</summary><param name="x">Argument.</param><returns>cosh x.</returns>
    public static float Cosh(float x) => (float)Libm.Cosh(x);

    /// <summary>C <c>tanhf</c>.</summary><param name="x">Argument.</param><returns>tanh x.</returns>
    public static float Tanh(float x) => (float)Libm.Tanh(x);

    /// <summary>C <c>floorf</c>.</summary><param name="x">Argument.</param><returns>floor x.</returns>
    public static float Floor(float x) => (float)Libm.Floor(x);

    /// <summary>C <c>ceilf</c>.</summary><param name="x">Argument.</param><returns>ceil x.</returns>
    public static float Ceil(float x) => (float)Libm.Ceil(x);

    /// <summary>C <c>truncf</c>.</summary><param name="x">Argument.</param><returns>trunc x.</returns>
    public static float Trunc(float x) => (float)Libm.Trunc(x);

    /// <summary>C <c>roundf</c> (halfway cases away from zero).</summary><param name="x">Argument.</param><returns>round x.</returns>
    public static float Round(float x) => (float)Libm.Round(x);

    /// <summary>C <c>fmodf</c> (exact).</summary><param name="x">Dividend.</param><param name="y">Divisor.</param><returns>x - trunc(x/y)*y.</returns>
    public static float Fmod(float x, float y) => (float)Libm.Fmod(x, y);

    /// <summary>C <c>modff</c>.</summary><param name="x">Argument.</param><param name="intPart">Receives trunc x.</param><returns>The signed fractional part.</returns>
    public static float Modf(float x, out float intPart)
    {
        double fraction = Libm.Modf(x, out double whole);
        intPart = (float)whole;
        return (float)fraction;
    }

    /// <summary>C <c>asinhf</c>.</summary><param name="x">Argument.</param><returns>asinh x.</returns>
    public static float Asinh(float x) => (float)Libm.Asinh(x);

    /// <summary>C <c>acoshf</c>.</summary><param name="x">Argument, at least 1.</param><returns>acosh x.</returns>
    public static float Acosh(float x) => (float)Libm.Acosh(x);

    /// <summary>C <c>atanhf</c>.</summary><param name="x">Argument in [-1, 1].</param><returns>atanh x.</returns>
    public static float Atanh(float x) => (float)Libm.Atanh(x);

    /// <summary>C <c>fmaf</c>: a*b is exact in double, the sum is rounded to odd then to float (one honest rounding).</summary>
    /// <param name="a">First factor.</param><param name="b">Second factor.</param><param name="c">Addend.</param>
    /// <returns>The correctly rounded a*b + c.</returns>
    public static float Fma(float a, float b, float c)
    {
        double product = (double)a * b; // 48-bit significands: exact (and no overflow or underflow)
        double sum = DoubleDouble.TwoSum(product, c, out double err);
        // Round to odd: an inexact sum gets its last bit forced to 1, which makes the later rounding to
        // 24 bits see the sticky information that rounding to 53 bits would otherwise have erased.
        if (err != 0.0 && double.IsFinite(sum))
        {
            ulong bits = Ieee754.Bits(sum);
            if ((bits & 1) == 0) bits = (err > 0) == (sum > 0) ? bits + 1 : bits - 1;
            sum = Ieee754.FromBits(bits);
        }
        return (float)sum;
    }
}
