namespace XairrosX.Plugs.Math;

/// <summary>
/// The C math library the kernel does not have, in pure C#: CoreLib's System.Math imports
/// <c>sin</c>, <c>pow</c>, <c>floor</c>... as native symbols and the kernel exports these methods under
/// those names. Contract: C99/IEEE 754 results, special cases included (NaN, ±inf, ±0, subnormals),
/// results correctly rounded except near rounding midpoints (true error at most ~0.505 ulp measured
/// against mpmath for every function), exact for floor/ceil/trunc/round/modf/fmod/fma.
/// Invariant: nothing in this folder may call System.Math or MathF functions that are themselves
/// C imports (Sin, Pow, Floor, Round, ...) — inside the kernel that would recurse into itself.
/// Allowed: arithmetic, Math.Sqrt (sqrtsd), BitConverter bit casts, and FMA/SSE4.1 intrinsics behind
/// IsSupported. XairrosX.Tests/Plugs/Math enforces the rule on these sources and on the compiled IL.
/// </summary>
public static partial class Libm
{
}
