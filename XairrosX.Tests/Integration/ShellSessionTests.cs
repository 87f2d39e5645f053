using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace XairrosX.Tests.Integration;

/// <summary>One boot of the real ISO running a script of shell commands; the facts below read its transcript.</summary>
public sealed class ShellSessionFixture : IAsyncLifetime
{
    public BootTranscript Transcript { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string script = string.Join('\n',
            "help",
            "echo hello 'quoted  words' \"and \\\"escapes\\\"\"",
            "nosuchcommand --flag",
            new string('x', 1500),
            "echo 'unterminated",
            "mem",
            "uptime",
            "cpuinfo",
            "lspci",
            "acpi",
            "date",
            "crash null",
            "crash divide",
            "selftest exceptions.",
            "echo still-alive",
            "shutdown",
            "echo never-runs") + "\n";
        Transcript = await QemuSession.RunAsync(script);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[Collection("qemu")]
public class ShellSessionTests(ShellSessionFixture session) : IClassFixture<ShellSessionFixture>
{
    private string Text => session.Transcript.Text;

    [Fact]
    public void BootsToBannerAndPrompt()
    {
        Assert.Contains("XairrosX", Text);
        Assert.Matches(new Regex(@"managed x86_64 kernel on \.NET 10\.\d+\.\d+"), Text);
        Assert.Contains("xairrosx> ", Text);
    }

    [Fact]
    public void ShutdownPowersOffWithStatusZero()
    {
        Assert.False(session.Transcript.TimedOut, Text);
        Assert.Equal(0, session.Transcript.ExitCode);
        Assert.Contains("powering off", Text);
        Assert.DoesNotContain("never-runs", Text.Replace("echo never-runs", ""));
    }

    [Fact]
    public void HelpListsTheBuiltInCommands()
    {
        foreach (string cmd in new[] { "help", "echo", "mem", "uptime", "cpuinfo", "selftest", "shutdown", "reboot" })
            Assert.Matches(new Regex($@"^\s+{cmd}\b", RegexOptions.Multiline), Text);
    }

    [Fact]
    public void EchoHonoursQuotesAndEscapes() => Assert.Contains("hello quoted  words and \"escapes\"", Text);

    [Fact]
    public void UnknownCommandIsAnErrorAndTheShellContinues()
    {
        Assert.Contains("error: unknown command 'nosuchcommand' (type 'help')", Text);
        Assert.Contains("still-alive", Text);
    }

    [Fact]
    public void OverlongAndMalformedLinesAreRejected()
    {
        Assert.Contains("error: line too long (1500 characters, at most 1024)", Text);
        Assert.Contains("error: unterminated single quote", Text);
    }

    [Fact]
    public void MemReportsAllocatorsWithRealNumbers()
    {
        Match m = Regex.Match(Text, @"physical: ([\d.]+) MiB usable, ([\d.]+) MiB allocated");
        Assert.True(m.Success, Text);
        Assert.InRange(double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 200, 256);
        Assert.Matches(new Regex(@"managed heap: \d+ segments .* in \d+ objects"), Text);
    }

    [Fact]
    public void UptimeReportsBootTimingInCycles() =>
        Assert.Matches(new Regex(@"boot: kernel entry -> first prompt \d+ TSC cycles"), Text);

    [Fact]
    public void CpuinfoShowsFeatures()
    {
        Assert.Matches(new Regex(@"cpu 0: \w+"), Text);
        Assert.Matches(new Regex(@"features: .*Avx2"), Text);
    }

    [Fact]
    public void LspciShowsQemusPiix3Machine()
    {
        Assert.Contains("00:00.0 Host bridge [0600]: 8086:1237", Text);
        Assert.Contains("00:01.1 IDE interface [0101]: 8086:7010", Text);
    }

    [Fact]
    public void AcpiTablesAndPowerSettingsAreRead()
    {
        Assert.Matches(new Regex(@"FACP at 0x[0-9a-f]{8}"), Text);
        Assert.Matches(new Regex(@"DSDT at 0x[0-9a-f]{8}"), Text);
        Assert.Contains("power: PM1a_CNT port 0x0604, S5 sleep type 0", Text);
        Assert.Contains("I/O APICs: 0 at 0xfec00000 GSI 0", Text);
    }

    [Fact]
    public void DateComesFromTheRealTimeClock()
    {
        Match m = Regex.Match(Text, @"\w{3} (\d{4})-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC");
        Assert.True(m.Success, Text);
        Assert.InRange(int.Parse(m.Groups[1].Value), 2024, 2099);
    }

    [Fact]
    public void CpuFaultsInManagedCodeBecomeExceptionsTheShellReports()
    {
        Assert.Contains("error: crash: NullReferenceException: Object reference not set to an instance of an object.", Text);
        Assert.Contains("error: crash: DivideByZeroException: Attempted to divide by zero.", Text);
    }

    [Fact]
    public void FilteredSelftestRunsOnlyMatchingCases()
    {
        Match m = Regex.Match(Text, @"selftest: (\d+) passed, (\d+) failed");
        Assert.True(m.Success, Text);
        Assert.Equal("0", m.Groups[2].Value);
        Assert.True(int.Parse(m.Groups[1].Value) >= 5);
        Assert.DoesNotContain("PASS lang.", Text);
    }
}
