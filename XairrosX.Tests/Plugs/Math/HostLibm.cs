using System.Runtime.InteropServices;

namespace XairrosX.Tests.Plugs.Math;

/// <summary>
/// The host C library's functions that System.Math does not expose (reference only, tests only).
/// System.Math itself calls the same glibc for sin, exp, pow, ...
/// </summary>
internal static partial class HostLibm
{
    private const string Library = "libm.so.6";

#pragma warning disable IDE1006, SA1300 // C names on purpose
    [LibraryImport(Library)] internal static partial double exp2(double x);
    [LibraryImport(Library)] internal static partial double expm1(double x);
    [LibraryImport(Library)] internal static partial double log1p(double x);
    [LibraryImport(Library)] internal static partial double fmod(double x, double y);
    [LibraryImport(Library)] internal static partial double round(double x);
    [LibraryImport(Library)] internal static partial double trunc(double x);
    [LibraryImport(Library)] internal static partial double modf(double x, out double intPart);
    [LibraryImport(Library)] internal static partial float expm1f(float x);
    [LibraryImport(Library)] internal static partial float log1pf(float x);
    [LibraryImport(Library)] internal static partial float exp2f(float x);
#pragma warning restore IDE1006, SA1300
}
