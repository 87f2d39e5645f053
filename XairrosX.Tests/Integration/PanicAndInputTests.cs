using System;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace XairrosX.Tests.Integration;

[CollectionDefinition("qemu", DisableParallelization = true)]
public class QemuCollection { }

[Collection("qemu")]
public class PanicAndInputTests
{
    [Fact]
    public async Task UnhandledManagedExceptionPanicsWithTypeAndMessage()
    {
        BootTranscript t = await QemuSession.RunAsync("crash exception\necho after\n");
        Assert.Contains("*** XAIRROSX KERNEL PANIC ***", t.Text);
        Assert.Contains("Unhandled managed exception: XairrosX.Kernel.Shell.Commands.DiagnosticCommands+InjectedFaultException: crash requested from the shell", t.Text);
        Assert.Contains("   at XairrosX.Kernel.Shell.Commands.DiagnosticCommands.Crash(ShellContext, IReadOnlyList`1)", t.Text);
        Assert.Contains("System halted.", t.Text);
        Assert.Equal(3, t.ExitCode); // isa-debug-exit: (1 << 1) | 1
    }

    [Fact]
    public async Task CpuExceptionPanicsWithVectorAndRegisters()
    {
        BootTranscript t = await QemuSession.RunAsync("crash pagefault\n");
        Assert.Contains("CPU exception 14 (#PF page fault) error code 0x00000002 [not-present, write, kernel]", t.Text);
        Assert.Contains("CR2=00007f0000000000", t.Text);
        Assert.Matches(@"RIP=[0-9a-f]{16}", t.Text);
        Assert.Equal(3, t.ExitCode);
    }

    [Fact]
    public async Task KernelStackOverflowIsACleanReportNotAReset()
    {
        BootTranscript t = await QemuSession.RunAsync("crash stackoverflow\n");
        Assert.Contains("CPU exception 8 (#DF double fault)", t.Text);
        Assert.Contains("kernel stack overflow: the stack ran into its guard page", t.Text);
        Assert.Equal(3, t.ExitCode);
    }

    [Fact]
    public async Task ThreadStackOverflowHitsTheThreadsGuardPage()
    {
        BootTranscript t = await QemuSession.RunAsync("crash threadstackoverflow\n");
        Assert.Contains("CPU exception 8 (#DF double fault)", t.Text);
        Assert.Contains("kernel stack overflow: the stack ran into its guard page", t.Text);
        Assert.Matches(@"on thread \d+ \(overflow\)", t.Text);
        Assert.Equal(3, t.ExitCode);
    }

    [Fact]
    public async Task EndOfInputPowersOffCleanly()
    {
        BootTranscript t = await QemuSession.RunAsync("echo last-line\n");
        Assert.Contains("last-line", t.Text);
        Assert.Contains("end of input: powering off", t.Text);
        Assert.Equal(0, t.ExitCode);
    }

    [Fact]
    public async Task KeyboardInputReachesTheShell()
    {
        // "echo kbd-ok" typed on the PS/2 keyboard through QEMU's monitor, then shutdown over serial.
        string[] keys = ["e", "c", "h", "o", "spc", "k", "b", "d", "minus", "o", "k", "ret"];
        BootTranscript t = await QemuSession.RunAsync("shutdown\n", monitorCommands: System.Array.ConvertAll(keys, k => "sendkey " + k));
        Assert.Contains("kbd-ok", t.Text.Replace("echo kbd-ok", ""));
        Assert.Equal(0, t.ExitCode);
    }

    [Fact]
    public async Task BootsUnderUefiFirmware()
    {
        const string ovmf = "/usr/share/ovmf/OVMF.fd";
        Assert.True(System.IO.File.Exists(ovmf), "OVMF is installed by ./xairrosx (Debian package ovmf)");
        BootTranscript t = await QemuSession.RunAsync("echo uefi-ok\nshutdown\n", firmware: ovmf, waitForPrompt: true);
        Assert.Contains("managed x86_64 kernel", t.Text);
        Assert.Contains("uefi-ok", t.Text.Replace("echo uefi-ok", ""));
        Assert.Equal(0, t.ExitCode);
    }

    [Fact]
    public async Task RandomInputNeverTakesTheKernelDown()
    {
        var rng = new Random(2026);
        var script = new StringBuilder();
        const string alphabet = "abcxyz019 '\"\\|;&<>$\t\u0008\u007f\u0015éλ";
        for (int line = 0; line < 150; line++)
        {
            int length = rng.Next(0, 60);
            for (int i = 0; i < length; i++) script.Append(alphabet[rng.Next(alphabet.Length)]);
            script.Append('\n');
        }
        script.Append("echo fuzz-survived\nshutdown\n");
        BootTranscript t = await QemuSession.RunAsync(script.ToString());
        Assert.DoesNotContain("PANIC", t.Text);
        Assert.Contains("fuzz-survived", t.Text);
        Assert.Equal(0, t.ExitCode);
    }
}
