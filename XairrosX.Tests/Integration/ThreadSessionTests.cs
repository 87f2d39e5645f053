using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace XairrosX.Tests.Integration;

/// <summary>One boot that reads keys through the async key stream and runs the task self-tests.</summary>
public sealed class ThreadSessionFixture : IAsyncLifetime
{
    public BootTranscript Transcript { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // After "keys", the bytes go to the raw async stream, not to the line editor: a, b, ESC[A (Up), q.
        string script = "keys 20\nab\u001b[Aq\nselftest tasks\nthreads\nshutdown\n";
        Transcript = await QemuSession.RunAsync(script, timeoutSeconds: 240);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[Collection("qemu")]
public class ThreadSessionTests(ThreadSessionFixture session) : IClassFixture<ThreadSessionFixture>
{
    private string Text => session.Transcript.Text;

    [Fact]
    public void KeysArriveThroughTheAsyncStreamInOrder()
    {
        Assert.Matches(new Regex(@"key character 'a'\r?\nkey character 'b'\r?\nkey Up\r?\nkeys: 3 keys"), Text);
    }

    [Fact]
    public void TasksAndAwaitRunOnKernelThreads()
    {
        Assert.Contains("PASS tasks.run_whenall_async_await", Text);
        Assert.Contains("PASS tasks.delay_resolves_on_time", Text);
        Assert.Contains("selftest: 2 passed, 0 failed", Text);
    }

    [Fact]
    public void ThreadPoolThreadsAppearInTheThreadTable()
    {
        Assert.Matches(new Regex(@"^\s+\d+  \.NET TP Worker\s+(ready|blocked|running)\s+2\s", RegexOptions.Multiline), Text);
        Assert.Matches(new Regex(@"^\s+\d+  \.NET Timer\s+blocked\s+2\s", RegexOptions.Multiline), Text);
        Assert.False(session.Transcript.TimedOut);
        Assert.Equal(0, session.Transcript.ExitCode);
    }
}
