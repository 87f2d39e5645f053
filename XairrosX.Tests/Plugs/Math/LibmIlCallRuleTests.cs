using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using XairrosX.Plugs.Math;
using Xunit;

namespace XairrosX.Tests.Plugs.Math;

/// <summary>
/// The same invariant as <see cref="LibmSourceRuleTests"/>, checked on the compiled IL: every call,
/// callvirt and ldftn in XairrosX.Plugs.Math is decoded, and no target may be a System.Math, MathF,
/// Double or Single method outside the allow-list (those are the ones that are plain instructions or
/// bit tests). This also catches <c>using static System.Math</c> and aliases the text scan cannot see.
/// </summary>
public sealed class LibmIlCallRuleTests
{
    private static readonly HashSet<string> Allowed =
    [
        "Math.Sqrt", "Math.Abs", "Math.BigMul", "Math.FusedMultiplyAdd", "Math.Max", "Math.Min",
        "Double.IsNaN", "Double.IsInfinity", "Double.IsFinite", "Double.IsPositiveInfinity", "Double.IsNegativeInfinity",
        "Single.IsNaN", "Single.IsInfinity", "Single.IsFinite",
    ];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void CompiledLibm_CallsNoCLibraryBackedMathMethod()
    {
        Type[] types = typeof(Libm).Assembly.GetTypes().Where(t => t.Namespace == typeof(Libm).Namespace).ToArray();
        Assert.Contains(typeof(LibmF), types);
        int calls = 0;
        foreach (Type type in types)
        foreach (MethodBase method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                     .Cast<MethodBase>().Concat(type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)))
        foreach (MethodBase target in CallTargets(method))
        {
            calls++;
            string owner = target.DeclaringType?.FullName ?? "";
            if (owner is not ("System.Math" or "System.MathF" or "System.Double" or "System.Single")) continue;
            string key = $"{target.DeclaringType!.Name}.{target.Name}";
            Assert.True(Allowed.Contains(key),
                $"{type.Name}.{method.Name} calls {owner}.{target.Name}, which may be a C import in the kernel");
        }
        Assert.True(calls > 100, $"only {calls} calls decoded: the IL walk is broken");
    }

    [Fact]
    public void IlWalker_FindsAForbiddenCall()
    {
        MethodBase probe = typeof(LibmIlCallRuleTests).GetMethod(nameof(ForbiddenProbe), BindingFlags.NonPublic | BindingFlags.Static)!;
        Assert.Contains(CallTargets(probe), t => t.DeclaringType == typeof(System.Math) && t.Name == "Floor");
    }

    private static double ForbiddenProbe(double x) => System.Math.Floor(x);

    private static IEnumerable<MethodBase> CallTargets(MethodBase method)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il == null) yield break;
        for (int i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            OpCode op = OpCodesByValue[value];
            i += op.Size;
            int operandSize = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
            if (op == OpCodes.Call || op == OpCodes.Callvirt || op == OpCodes.Ldftn || op == OpCodes.Newobj)
            {
                int token = BitConverter.ToInt32(il, i);
                MethodBase? target = null;
                try
                {
                    target = method.Module.ResolveMethod(token,
                        method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null,
                        method.IsGenericMethod ? method.GetGenericArguments() : null);
                }
                catch (ArgumentException)
                {
                    // Generic instantiations that cannot be resolved outside their context: not Math calls.
                }
                if (target != null) yield return target;
            }
            i += operandSize;
        }
    }
}
