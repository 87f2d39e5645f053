using System.Runtime.InteropServices;
using XairrosX.Plugs.Math;

namespace XairrosX.Plugs.Exports;

/// <summary>
/// The C math library under System.Math/MathF: each export forwards to the kernel's own C# libm
/// (Math/Libm.cs, LibmF.cs). Exports: the double functions below and their "f" float versions.
/// </summary>
internal static unsafe class MathExports
{
    [UnmanagedCallersOnly(EntryPoint = "sin")] private static double Sin(double x) => Libm.Sin(x);
    [UnmanagedCallersOnly(EntryPoint = "sinf")] private static float SinF(float x) => LibmF.Sin(x);
    [UnmanagedCallersOnly(EntryPoint = "cos")] private static double Cos(double x) => Libm.Cos(x);
    [UnmanagedCallersOnly(EntryPoint = "cosf")] private static float CosF(float x) => LibmF.Cos(x);
    [UnmanagedCallersOnly(EntryPoint = "tan")] private static double Tan(double x) => Libm.Tan(x);
    [UnmanagedCallersOnly(EntryPoint = "tanf")] private static float TanF(float x) => LibmF.Tan(x);
    [UnmanagedCallersOnly(EntryPoint = "asin")] private static double Asin(double x) => Libm.Asin(x);
    [UnmanagedCallersOnly(EntryPoint = "asinf")] private static float AsinF(float x) => LibmF.Asin(x);
    [UnmanagedCallersOnly(EntryPoint = "acos")] private static double Acos(double x) => Libm.Acos(x);
    [UnmanagedCallersOnly(EntryPoint = "acosf")] private static float AcosF(float x) => LibmF.Acos(x);
    [UnmanagedCallersOnly(EntryPoint = "atan")] private static double Atan(double x) => Libm.Atan(x);
    [UnmanagedCallersOnly(EntryPoint = "atanf")] private static float AtanF(float x) => LibmF.Atan(x);
    [UnmanagedCallersOnly(EntryPoint = "atan2")] private static double Atan2(double x, double y) => Libm.Atan2(x, y);
    [UnmanagedCallersOnly(EntryPoint = "atan2f")] private static float Atan2F(float x, float y) => LibmF.Atan2(x, y);
    [UnmanagedCallersOnly(EntryPoint = "exp")] private static double Exp(double x) => Libm.Exp(x);
    [UnmanagedCallersOnly(EntryPoint = "expf")] private static float ExpF(float x) => LibmF.Exp(x);
    [UnmanagedCallersOnly(EntryPoint = "exp2")] private static double Exp2(double x) => Libm.Exp2(x);
    [UnmanagedCallersOnly(EntryPoint = "exp2f")] private static float Exp2F(float x) => LibmF.Exp2(x);
    [UnmanagedCallersOnly(EntryPoint = "expm1")] private static double Expm1(double x) => Libm.Expm1(x);
    [UnmanagedCallersOnly(EntryPoint = "expm1f")] private static float Expm1F(float x) => LibmF.Expm1(x);
    [UnmanagedCallersOnly(EntryPoint = "log")] private static double Log(double x) => Libm.Log(x);
    [UnmanagedCallersOnly(EntryPoint = "logf")] private static float LogF(float x) => LibmF.Log(x);
    [UnmanagedCallersOnly(EntryPoint = "log2")] private static double Log2(double x) => Libm.Log2(x);
    [UnmanagedCallersOnly(EntryPoint = "log2f")] private static float Log2F(float x) => LibmF.Log2(x);
    [UnmanagedCallersOnly(EntryPoint = "log10")] private static double Log10(double x) => Libm.Log10(x);
    [UnmanagedCallersOnly(EntryPoint = "log10f")] private static float Log10F(float x) => LibmF.Log10(x);
    [UnmanagedCallersOnly(EntryPoint = "log1p")] private static double Log1p(double x) => Libm.Log1p(x);
    [UnmanagedCallersOnly(EntryPoint = "log1pf")] private static float Log1pF(float x) => LibmF.Log1p(x);
    [UnmanagedCallersOnly(EntryPoint = "pow")] private static double Pow(double x, double y) => Libm.Pow(x, y);
    [UnmanagedCallersOnly(EntryPoint = "powf")] private static float PowF(float x, float y) => LibmF.Pow(x, y);
    [UnmanagedCallersOnly(EntryPoint = "cbrt")] private static double Cbrt(double x) => Libm.Cbrt(x);
    [UnmanagedCallersOnly(EntryPoint = "cbrtf")] private static float CbrtF(float x) => LibmF.Cbrt(x);
    [UnmanagedCallersOnly(EntryPoint = "sinh")] private static double Sinh(double x) => Libm.Sinh(x);
    [UnmanagedCallersOnly(EntryPoint = "sinhf")] private static float SinhF(float x) => LibmF.Sinh(x);
    [UnmanagedCallersOnly(EntryPoint = "cosh")] private static double Cosh(double x) => Libm.Cosh(x);
    [UnmanagedCallersOnly(EntryPoint = "coshf")] private static float CoshF(float x) => LibmF.Cosh(x);
    [UnmanagedCallersOnly(EntryPoint = "tanh")] private static double Tanh(double x) => Libm.Tanh(x);
    [UnmanagedCallersOnly(EntryPoint = "tanhf")] private static float TanhF(float x) => LibmF.Tanh(x);
    [UnmanagedCallersOnly(EntryPoint = "floor")] private static double Floor(double x) => Libm.Floor(x);
    [UnmanagedCallersOnly(EntryPoint = "floorf")] private static float FloorF(float x) => LibmF.Floor(x);
    [UnmanagedCallersOnly(EntryPoint = "ceil")] private static double Ceil(double x) => Libm.Ceil(x);
    [UnmanagedCallersOnly(EntryPoint = "ceilf")] private static float CeilF(float x) => LibmF.Ceil(x);
    [UnmanagedCallersOnly(EntryPoint = "trunc")] private static double Trunc(double x) => Libm.Trunc(x);
    [UnmanagedCallersOnly(EntryPoint = "truncf")] private static float TruncF(float x) => LibmF.Trunc(x);
    [UnmanagedCallersOnly(EntryPoint = "round")] private static double Round(double x) => Libm.Round(x);
    [UnmanagedCallersOnly(EntryPoint = "roundf")] private static float RoundF(float x) => LibmF.Round(x);
    [UnmanagedCallersOnly(EntryPoint = "fmod")] private static double Fmod(double x, double y) => Libm.Fmod(x, y);
    [UnmanagedCallersOnly(EntryPoint = "fmodf")] private static float FmodF(float x, float y) => LibmF.Fmod(x, y);
    [UnmanagedCallersOnly(EntryPoint = "modf")] private static double Modf(double x, double* intPart) => Libm.Modf(x, out *intPart);
    [UnmanagedCallersOnly(EntryPoint = "modff")] private static float ModfF(float x, float* intPart) => LibmF.Modf(x, out *intPart);
}
