using System.Collections.Generic;
using XairrosX.Kernel.SelfTests;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>selftest [filter]: runs the in-kernel test cases.</summary>
internal static class SelfTestCommand
{
    public static IEnumerable<ShellCommand> All() =>
    [
        new("selftest", "[filter]", "run the kernel's own tests (names containing filter)", (c, a) =>
        {
            if (a.Count > 1) return c.Error("usage: selftest [filter]");
            var (_, failed) = SelfTestRunner.Run(SelfTestRunner.AllCases(), a.Count == 1 ? a[0] : null, c.Out);
            return failed == 0 ? 0 : 1;
        }),
    ];
}
