using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace XairrosX.Tests.Integration;

/// <summary>One boot exercising the initrd, tmpfs and System.IO through the shell, then the AI model service on
/// the MNIST model the build packed into the initrd.</summary>
public sealed class StorageAndAiSessionFixture : IAsyncLifetime
{
    public BootTranscript Transcript { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string script = string.Join('\n',
            "ls /",
            "cat /README",
            "cd /models/mnist",
            "pwd",
            "ls",
            "hexdump test_data_set_0/output_0.pb",
            "write /tmp/note.txt stored in tmpfs",
            "cat /tmp/note.txt",
            "write /README overwrite",
            "cat /no/such/file",
            "ai load mnist /models/mnist/model.onnx",
            "ai run mnist /models/mnist/test_data_set_0/input_0.pb",
            "ai bench mnist 100",
            "ai run ghost /models/mnist/test_data_set_0/input_0.pb",
            "shutdown") + "\n";
        Transcript = await QemuSession.RunAsync(script, timeoutSeconds: 240);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[Collection("qemu")]
public class StorageAndAiSessionTests(StorageAndAiSessionFixture session) : IClassFixture<StorageAndAiSessionFixture>
{
    private string Text => session.Transcript.Text;

    [Fact]
    public void InitrdIsMountedAtBoot()
    {
        Assert.Matches(new Regex(@"initrd: \d+ files, \d+ KiB at 0x[0-9A-F]+ mounted on / \(read-only\); tmpfs on /tmp"), Text);
        Assert.Equal(0, session.Transcript.ExitCode);
    }

    [Fact]
    public void ShellListsAndReadsInitrdFiles()
    {
        Assert.Matches(new Regex(@"^\s+\d+  README$", RegexOptions.Multiline), Text);
        Assert.Matches(new Regex(@"^\s+<dir>  tmp/$", RegexOptions.Multiline), Text);
        Assert.Contains("XairrosX initial RAM disk", Text);
        Assert.Contains("\n/models/mnist\n", Text);
        Assert.Matches(new Regex(@"^\s+26454  model\.onnx$", RegexOptions.Multiline), Text);
        // output_0.pb of set 0 starts with the TensorProto dims field (08 01 08 0a).
        Assert.Contains("00000000  08 01 08 0a 10 01 4a 28", Text);
    }

    [Fact]
    public void TmpfsKeepsWhatTheShellWrites()
    {
        Assert.Contains("wrote 16 bytes to /tmp/note.txt", Text);
        Assert.Matches(new Regex(@"^stored in tmpfs$", RegexOptions.Multiline), Text);
    }

    [Fact]
    public void FileErrorsAreOneLine()
    {
        Assert.Contains("error: Read-only file system : '/README'", Text);
        Assert.Contains("error: Could not find a part of the path '/no/such/file'.", Text);
    }

    [Fact]
    public void MnistRunsInTheKernelWithTheReferenceOutput()
    {
        Assert.Matches(new Regex(@"loaded mnist: 26454 bytes, opset 8, 11 nodes"), Text);
        Match m = Regex.Match(Text, @"Plus214_Output_0: FLOAT\[1,10\] = \[([^\]]+)\]");
        Assert.True(m.Success, Text);
        double[] values = m.Groups[1].Value.Split(", ").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(10, values.Length);
        Assert.Equal(2, System.Array.IndexOf(values, values.Max()));
        Assert.Equal(6574.57, values[2], 0.05);
        Assert.Equal(975.67, values[0], 0.05);
        Assert.Matches(new Regex(@"start-up load -> first result [\d.]+ ms"), Text);
    }

    [Fact]
    public void BenchReportsLatencyAndThroughput()
    {
        Assert.Matches(new Regex(@"mnist: 100 runs: p50 [\d.]+ ms, p99 [\d.]+ ms, mean [\d.]+ ms, \d+ inferences/s"), Text);
        Assert.Matches(new Regex(@"managed allocation: \d+ bytes per inference"), Text);
        Assert.Contains("error: ai: no model named 'ghost' is loaded", Text);
    }
}
