using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using XairrosX.Plugs.Math;
using Xunit;

namespace XairrosX.Tests.Plugs.Math;

public sealed unsafe class LibmExportsTests
{
    /// <summary>Every C math symbol System.Private.CoreLib 10.0.12 (NativeAOT) imports.</summary>
    private static readonly string[] CoreLibImports =
    [
        "sin", "sinf", "cos", "cosf", "tan", "tanf", "asin", "asinf", "acos", "acosf", "atan", "atanf", "atan2", "atan2f",
        "exp", "expf", "log", "logf", "log2", "log2f", "log10", "log10f", "pow", "powf", "floor", "floorf", "ceil", "ceilf",
        "modf", "modff", "fmod", "fmodf", "cbrt", "cbrtf", "sinh", "sinhf", "cosh", "coshf", "tanh", "tanhf",
        "asinh", "asinhf", "acosh", "acoshf", "atanh", "atanhf", "fma", "fmaf",
    ];

    private static Dictionary<string, MethodInfo> Exports() =>
        typeof(LibmExports).GetMethods(BindingFlags.Static | BindingFlags.NonPublic)
            .Select(m => (m, a: m.GetCustomAttribute<UnmanagedCallersOnlyAttribute>()))
            .Where(p => p.a?.EntryPoint != null)
            .ToDictionary(p => p.a!.EntryPoint!, p => p.m);

    [Fact]
    public void EveryCoreLibImportIsExported()
    {
        Dictionary<string, MethodInfo> exports = Exports();
        foreach (string symbol in CoreLibImports) Assert.True(exports.ContainsKey(symbol), $"missing export '{symbol}'");
    }

    [Fact]
    public void ExportsCallTheMatchingFunction()
    {
        Dictionary<string, MethodInfo> exports = Exports();
        foreach ((string symbol, MethodInfo method) in exports)
        {
            nint fn = method.MethodHandle.GetFunctionPointer();
            Type[] args = method.GetParameters().Select(p => p.ParameterType).ToArray();
            if (args.Length == 1 && args[0] == typeof(double))
            {
                double got = ((delegate* unmanaged<double, double>)fn)(0.7);
                Assert.Equal(Invoke(typeof(Libm), symbol, 0.7), got);
            }
            else if (args.Length == 1 && args[0] == typeof(float))
            {
                float got = ((delegate* unmanaged<float, float>)fn)(0.7f);
                Assert.Equal(Invoke(typeof(LibmF), symbol[..^1], 0.7f), got);
            }
            else if (args.Length == 2 && args[0] == typeof(double) && args[1] == typeof(double))
                Assert.Equal(Invoke(typeof(Libm), symbol, 0.7, 2.5), ((delegate* unmanaged<double, double, double>)fn)(0.7, 2.5));
            else if (args.Length == 2 && args[0] == typeof(float) && args[1] == typeof(float))
                Assert.Equal(Invoke(typeof(LibmF), symbol[..^1], 0.7f, 2.5f), ((delegate* unmanaged<float, float, float>)fn)(0.7f, 2.5f));
            else Assert.Contains(symbol, new[] { "fma", "fmaf", "modf", "modff" });
        }

        double whole;
        double frac = ((delegate* unmanaged<double, double*, double>)exports["modf"].MethodHandle.GetFunctionPointer())(-2.75, &whole);
        Assert.Equal((-0.75, -2.0), (frac, whole));
        Assert.Equal(7.0, ((delegate* unmanaged<double, double, double, double>)exports["fma"].MethodHandle.GetFunctionPointer())(2, 3, 1));
    }

    private static object Invoke(Type type, string cName, params object[] args)
    {
        string name = cName switch { "ceil" => "Ceil", "fmod" => "Fmod", _ => char.ToUpperInvariant(cName[0]) + cName[1..] };
        MethodInfo m = type.GetMethod(name, args.Select(a => a.GetType()).ToArray())
                       ?? throw new MissingMethodException(type.Name, name);
        return m.Invoke(null, args)!;
    }
}
