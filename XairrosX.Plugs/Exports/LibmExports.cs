using System.Runtime.InteropServices;

namespace XairrosX.Plugs.Math;

/// <summary>
/// The C symbols CoreLib's System.Math/MathF import (RuntimeImport "sin", "powf", "fma", ... — listed from
/// System.Private.CoreLib 10.0.12's metadata), exported under those names by ilc when the kernel links.
/// Contract: C calling convention, C99 semantics, no errno (CoreLib never reads it). On the host these
/// are ordinary methods that nothing calls by symbol; the tests call them through function pointers.
/// </summary>
internal static unsafe class LibmExports
{
    [UnmanagedCallersOnly(EntryPoint = "sin")] internal static double SinExport(double x) => Libm.Sin(x);
    [UnmanagedCallersOnly(EntryPoint = "sinf")] internal static float SinFExport(float x) => LibmF.Sin(x);
    [UnmanagedCallersOnly(EntryPoint = "cos")] internal static double CosExport(double x) => Libm.Cos(x);
    [UnmanagedCallersOnly(EntryPoint = "cosf")] internal static float CosFExport(float x) => LibmF.Cos(x);
    [UnmanagedCallersOnly(EntryPoint = "tan")] internal static double TanExport(double x) => Libm.Tan(x);
    [UnmanagedCallersOnly(EntryPoint = "tanf")] internal static float TanFExport(float x) => LibmF.Tan(x);
    [UnmanagedCallersOnly(EntryPoint = "asin")] internal static double AsinExport(double x) => Libm.Asin(x);
    [UnmanagedCallersOnly(EntryPoint = "asinf")] internal static float AsinFExport(float x) => LibmF.Asin(x);
    [UnmanagedCallersOnly(EntryPoint = "acos")] internal static double AcosExport(double x) => Libm.Acos(x);
    [UnmanagedCallersOnly(EntryPoint = "acosf")] internal static float AcosFExport(float x) => LibmF.Acos(x);
    [UnmanagedCallersOnly(EntryPoint = "atan")] internal static double AtanExport(double x) => Libm.Atan(x);
    [UnmanagedCallersOnly(EntryPoint = "atanf")] internal static float AtanFExport(float x) => LibmF.Atan(x);
    [UnmanagedCallersOnly(EntryPoint = "exp")] internal static double ExpExport(double x) => Libm.Exp(x);
    [UnmanagedCallersOnly(EntryPoint = "expf")] internal static float ExpFExport(float x) => LibmF.Exp(x);
    [UnmanagedCallersOnly(EntryPoint = "log")] internal static double LogExport(double x) => Libm.Log(x);
    [UnmanagedCallersOnly(EntryPoint = "logf")] internal static float LogFExport(float x) => LibmF.Log(x);
    [UnmanagedCallersOnly(EntryPoint = "log2")] internal static double Log2Export(double x) => Libm.Log2(x);
    [UnmanagedCallersOnly(EntryPoint = "log2f")] internal static float Log2FExport(float x) => LibmF.Log2(x);
    [UnmanagedCallersOnly(EntryPoint = "log10")] internal static double Log10Export(double x) => Libm.Log10(x);
    [UnmanagedCallersOnly(EntryPoint = "log10f")] internal static float Log10FExport(float x) => LibmF.Log10(x);
    [UnmanagedCallersOnly(EntryPoint = "cbrt")] internal static double CbrtExport(double x) => Libm.Cbrt(x);
    [UnmanagedCallersOnly(EntryPoint = "cbrtf")] internal static float CbrtFExport(float x) => LibmF.Cbrt(x);
    [UnmanagedCallersOnly(EntryPoint = "sinh")] internal static double SinhExport(double x) => Libm.Sinh(x);
    [UnmanagedCallersOnly(EntryPoint = "sinhf")] internal static float SinhFExport(float x) => LibmF.Sinh(x);
    [UnmanagedCallersOnly(EntryPoint = "cosh")] internal static double CoshExport(double x) => Libm.Cosh(x);
    [UnmanagedCallersOnly(EntryPoint = "coshf")] internal static float CoshFExport(float x) => LibmF.Cosh(x);
    [UnmanagedCallersOnly(EntryPoint = "tanh")] internal static double TanhExport(double x) => Libm.Tanh(x);
    [UnmanagedCallersOnly(EntryPoint = "tanhf")] internal static float TanhFExport(float x) => LibmF.Tanh(x);
    [UnmanagedCallersOnly(EntryPoint = "asinh")] internal static double AsinhExport(double x) => Libm.Asinh(x);
    [UnmanagedCallersOnly(EntryPoint = "asinhf")] internal static float AsinhFExport(float x) => LibmF.Asinh(x);
    [UnmanagedCallersOnly(EntryPoint = "acosh")] internal static double AcoshExport(double x) => Libm.Acosh(x);
    [UnmanagedCallersOnly(EntryPoint = "acoshf")] internal static float AcoshFExport(float x) => LibmF.Acosh(x);
    [UnmanagedCallersOnly(EntryPoint = "atanh")] internal static double AtanhExport(double x) => Libm.Atanh(x);
    [UnmanagedCallersOnly(EntryPoint = "atanhf")] internal static float AtanhFExport(float x) => LibmF.Atanh(x);
    [UnmanagedCallersOnly(EntryPoint = "floor")] internal static double FloorExport(double x) => Libm.Floor(x);
    [UnmanagedCallersOnly(EntryPoint = "floorf")] internal static float FloorFExport(float x) => LibmF.Floor(x);
    [UnmanagedCallersOnly(EntryPoint = "ceil")] internal static double CeilExport(double x) => Libm.Ceil(x);
    [UnmanagedCallersOnly(EntryPoint = "ceilf")] internal static float CeilFExport(float x) => LibmF.Ceil(x);
    [UnmanagedCallersOnly(EntryPoint = "trunc")] internal static double TruncExport(double x) => Libm.Trunc(x);
    [UnmanagedCallersOnly(EntryPoint = "truncf")] internal static float TruncFExport(float x) => LibmF.Trunc(x);
    [UnmanagedCallersOnly(EntryPoint = "round")] internal static double RoundExport(double x) => Libm.Round(x);
    [UnmanagedCallersOnly(EntryPoint = "roundf")] internal static float RoundFExport(float x) => LibmF.Round(x);
    [UnmanagedCallersOnly(EntryPoint = "exp2")] internal static double Exp2Export(double x) => Libm.Exp2(x);
    [UnmanagedCallersOnly(EntryPoint = "exp2f")] internal static float Exp2FExport(float x) => LibmF.Exp2(x);
    [UnmanagedCallersOnly(EntryPoint = "expm1")] internal static double Expm1Export(double x) => Libm.Expm1(x);
    [UnmanagedCallersOnly(EntryPoint = "expm1f")] internal static float Expm1FExport(float x) => LibmF.Expm1(x);
    [UnmanagedCallersOnly(EntryPoint = "log1p")] internal static double Log1pExport(double x) => Libm.Log1p(x);
    [UnmanagedCallersOnly(EntryPoint = "log1pf")] internal static float Log1pFExport(float x) => LibmF.Log1p(x);
    [UnmanagedCallersOnly(EntryPoint = "atan2")] internal static double Atan2Export(double a, double b) => Libm.Atan2(a, b);
    [UnmanagedCallersOnly(EntryPoint = "atan2f")] internal static float Atan2FExport(float a, float b) => LibmF.Atan2(a, b);
    [UnmanagedCallersOnly(EntryPoint = "pow")] internal static double PowExport(double a, double b) => Libm.Pow(a, b);
    [UnmanagedCallersOnly(EntryPoint = "powf")] internal static float PowFExport(float a, float b) => LibmF.Pow(a, b);
    [UnmanagedCallersOnly(EntryPoint = "fmod")] internal static double FmodExport(double a, double b) => Libm.Fmod(a, b);
    [UnmanagedCallersOnly(EntryPoint = "fmodf")] internal static float FmodFExport(float a, float b) => LibmF.Fmod(a, b);
    [UnmanagedCallersOnly(EntryPoint = "fma")] internal static double FmaExport(double a, double b, double c) => Libm.Fma(a, b, c);
    [UnmanagedCallersOnly(EntryPoint = "fmaf")] internal static float FmaFExport(float a, float b, float c) => LibmF.Fma(a, b, c);

    [UnmanagedCallersOnly(EntryPoint = "modf")]
    internal static double ModfExport(double x, double* intPart) => Libm.Modf(x, out *intPart);

    [UnmanagedCallersOnly(EntryPoint = "modff")]
    internal static float ModfFExport(float x, float* intPart) => LibmF.Modf(x, out *intPart);
}
