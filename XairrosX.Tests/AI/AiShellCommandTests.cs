using System.IO;
using XairrosX.AI.Service;
using Xunit;

namespace XairrosX.Tests.AI;

public class AiShellCommandTests
{
    private static string Ai(ModelService s, string line) => AiShellCommand.Execute(s, line.Split(' ', System.StringSplitOptions.RemoveEmptyEntries), File.ReadAllBytes);

    [Fact]
    public void ShellSessionLoadsRunsBenchesQuantizesAndUnloads()
    {
        using var s = new ModelService();
        string model = Path.Combine(MnistTests.MnistDir, "model.onnx");
        string input = Path.Combine(MnistTests.MnistDir, "test_data_set_2", "input_0.pb");
        Assert.Equal("no models loaded", Ai(s, "list"));
        Assert.Equal("loaded mnist: 11 nodes, Input3: FLOAT[1,1,28,28] -> Plus214_Output_0: FLOAT[1,10]", Ai(s, $"load mnist {model}"));
        Assert.StartsWith("mnist  11 nodes", Ai(s, "list"));
        Assert.Contains("ops    Conv, Add, Relu, MaxPool, Reshape, MatMul", Ai(s, "info mnist"));
        Assert.StartsWith("Plus214_Output_0: FLOAT[1,10] = [", Ai(s, $"run mnist {input}"));
        Assert.Contains("inferences/s", Ai(s, "bench mnist 10"));
        Assert.Contains("int8 vs fp32: samples 1", Ai(s, "quantize mnist mnist8"));
        Assert.Equal("unloaded mnist", Ai(s, "unload mnist"));
        Assert.Equal("ai: no model named 'mnist' is loaded", Ai(s, "unload mnist"));
    }

    [Fact]
    public void UserErrorsComeBackAsText()
    {
        using var s = new ModelService();
        Assert.Equal(AiShellCommand.Usage, Ai(s, ""));
        Assert.Equal(AiShellCommand.Usage, Ai(s, "frobnicate"));
        Assert.StartsWith("ai: cannot read '/nonexistent.onnx'", Ai(s, "load x /nonexistent.onnx"));
        Assert.Equal("ai: no model named 'x' is loaded", Ai(s, "info x"));
        Assert.StartsWith("ai: iterations must be a positive number", Ai(s, "bench x -5"));
    }
}
