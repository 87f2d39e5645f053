using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace XairrosX.Tests.Integration;

/// <summary>One boot (256 MB RAM) that stresses the garbage collector from the shell; the facts read its transcript.</summary>
public sealed class GcSessionFixture : IAsyncLifetime
{
    public BootTranscript Transcript { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string script = string.Join('\n', "gcstress 512", "gcstress 384 4", "gcstress lots", "gcstress 10 99", "threads", "gc collect", "shutdown") + "\n";
        Transcript = await QemuSession.RunAsync(script, timeoutSeconds: 300);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[Collection("qemu")]
public class GcSessionTests(GcSessionFixture session) : IClassFixture<GcSessionFixture>
{
    private string Text => session.Transcript.Text;

    [Fact]
    public void GcStressReclaimsAndKeepsTheLiveGraphIntact()
    {
        // 512 MB through a 256 MB machine: only possible if collections reclaim.
        Match m = Regex.Match(Text, @"^gcstress: allocated 512 MB, collections (\d+), max pause (\d+\.\d) ms, live graph intact$", RegexOptions.Multiline);
        Assert.True(m.Success, Text);
        Assert.InRange(int.Parse(m.Groups[1].Value), 8, 512);
        Assert.DoesNotContain("error: gcstress:", Text);
    }

    [Fact]
    public void FourThreadsAllocatingConcurrentlyKeepTheirGraphsIntact()
    {
        // 384 MB allocated by four threads at once in 256 MB of RAM, each verifying its own live graph.
        Match m = Regex.Match(Text, @"^gcstress: 4 threads allocated concurrently, each checking its own live graph\r?\ngcstress: allocated 384 MB, collections (\d+), max pause (\d+\.\d) ms, live graph intact$", RegexOptions.Multiline);
        Assert.True(m.Success, Text);
        Assert.InRange(int.Parse(m.Groups[1].Value), 4, 384);
        // The four workers ended: `threads` lists none of them afterwards.
        Assert.DoesNotContain("gcstress-0", Text);
    }

    [Fact]
    public void ThreadsCommandListsTheIdleAndBootThreads()
    {
        Assert.Matches(new Regex(@"^\s+0  idle\s+(idle|running)\s+0\s", RegexOptions.Multiline), Text);
        Assert.Matches(new Regex(@"^\*\s+1  main\s+running\s+2\s", RegexOptions.Multiline), Text);
        Assert.Matches(new Regex(@"^ticks \d+, switches \d+, preemptions \d+, unhandled-exception exits 0$", RegexOptions.Multiline), Text);
    }

    [Fact]
    public void BadArgumentIsAnErrorLine()
    {
        Assert.Contains("error: usage: gcstress <MB> [threads] (MB a positive number, threads 1-16)", Text);
        Assert.Equal(2, Regex.Matches(Text, "error: usage: gcstress").Count);
    }

    [Fact]
    public void GcCommandReportsCollectionsAndPauses()
    {
        Match m = Regex.Match(Text, @"^collections: (\d+), last pause \d+\.\d\d ms, max pause \d+\.\d\d ms", RegexOptions.Multiline);
        Assert.True(m.Success, Text);
        Assert.True(int.Parse(m.Groups[1].Value) > 8);
        Assert.Matches(new Regex(@"^live: \d+\.\d\d MiB in \d+ objects after the last collection", RegexOptions.Multiline), Text);
        Assert.False(session.Transcript.TimedOut);
        Assert.Equal(0, session.Transcript.ExitCode);
    }
}
