using System;
using System.IO;
using System.Linq;
using XairrosX.Kernel.SelfTests;
using Xunit;

namespace XairrosX.Tests.Kernel;

/// <summary>
/// The kernel's crypto and ledger self-test cases run on the host too: the embedded known answers are checked
/// against the library here before the booted kernel checks them in QEMU. Cases that need the kernel's hardware
/// (names containing "kernel_") run only in the kernel.
/// </summary>
public class KernelSelfTestsOnHostTests
{
    [Theory]
    [InlineData("crypto.")]
    [InlineData("ledger.")]
    public void CasesPassOnTheHost(string area)
    {
        var cases = SelfTestRunner.AllCases().Where(c => c.Name.StartsWith(area, StringComparison.Ordinal) && !c.Name.Contains("kernel_")).ToList();
        Assert.NotEmpty(cases);
        var output = new StringWriter();
        (int passed, int failed) = SelfTestRunner.Run(cases, null, output);
        Assert.True(failed == 0, output.ToString());
        Assert.Equal(cases.Count, passed);
    }
}
