using System;
using System.IO;
using XairrosX.AI.Service;
using XairrosX.AI.Tensors;
using Xunit;

namespace XairrosX.Tests.AI;

public class ModelServiceTests
{
    private static byte[] Mnist => File.ReadAllBytes(Path.Combine(MnistTests.MnistDir, "model.onnx"));
    private static byte[] MnistInput(int set) => File.ReadAllBytes(Path.Combine(MnistTests.MnistDir, $"test_data_set_{set}", "input_0.pb"));

    [Fact]
    public void LoadInfoRunBenchUnloadSeveralModels()
    {
        using var service = new ModelService();
        ModelInfo info = service.Load("mnist", Mnist);
        service.Load("mlp", OrtDifferentialTests.Mlp(3, batch: 1));
        Assert.Equal(["mlp", "mnist"], service.Names);
        Assert.Equal(["Input3: FLOAT[1,1,28,28]"], info.Inputs);
        Assert.Contains("Conv", info.Operators);
        Assert.Contains("memory model 26454 B", info.ToString());

        string text = service.RunFormatted("mnist", [MnistInput(0)]);
        Assert.StartsWith("Plus214_Output_0: FLOAT[1,10] = [", text);
        Assert.DoesNotContain("…", text);
        Assert.True(service.Info("mnist").ArenaBytes > 0);

        BenchResult bench = service.Bench("mnist", 20);
        Assert.Equal(20, bench.Iterations);
        Assert.True(bench.P50Milliseconds > 0 && bench.P99Milliseconds >= bench.P50Milliseconds);
        Assert.True(bench.InferencesPerSecond > 0);
        Assert.Contains("inferences/s", bench.ToString());

        Assert.True(service.Unload("mnist"));
        Assert.False(service.Unload("mnist"));
        Assert.Equal(["mlp"], service.Names);
    }

    [Fact]
    public void ErrorsAreServiceExceptionsWithReasons()
    {
        using var service = new ModelService();
        Assert.Contains("no model named 'x'", Assert.Throws<ModelServiceException>(() => service.Info("x")).Message);
        Assert.Contains("cannot load 'bad'", Assert.Throws<ModelServiceException>(() => service.Load("bad", new byte[] { 1, 2, 3 })).Message);
        service.Load("m", Mnist);
        Assert.Contains("already loaded", Assert.Throws<ModelServiceException>(() => service.Load("m", Mnist)).Message);
        Assert.Contains("expects 1 inputs", Assert.Throws<ModelServiceException>(() => service.RunFormatted("m", [])).Message);
        Assert.Contains("input 0", Assert.Throws<ModelServiceException>(() => service.RunFormatted("m", [new byte[] { 0x0A, 0x09 }])).Message);
    }

    [Fact]
    public void QuantizeCalibratesOnRecentRuns()
    {
        using var service = new ModelService();
        service.Load("mnist", Mnist);
        for (int set = 0; set < 3; set++) service.RunFormatted("mnist", [MnistInput(set)]);
        (ModelInfo info, XairrosX.AI.Quantization.QuantizationReport report) = service.Quantize("mnist", "mnist-int8");
        Assert.Contains("QLinearMatMul", info.Operators);
        Assert.Equal(1.0, report.ArgmaxAgreement);
        Assert.Contains("mnist-int8", service.Names);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(123456.0, "123456")]
    [InlineData(1234567.0, "1.23457e+06")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001234, "1.234e-05")]
    [InlineData(3.14159265, "3.14159")]
    [InlineData(999999.5, "1e+06")]
    [InlineData(double.NaN, "nan")]
    public void ValuesFormatLikePrintfG6(double value, string expected) => Assert.Equal(expected, TensorFormatter.FormatValue(value));

    [Fact]
    public void LongTensorsAreElidedAfter64Values()
    {
        var data = new float[100];
        for (int i = 0; i < data.Length; i++) data[i] = i;
        using Tensor t = Tensor.FromSpan<float>(data, [10, 10]);
        string s = TensorFormatter.Format(t, "y");
        Assert.StartsWith("y: FLOAT[10,10] = [0, 1, 2,", s);
        Assert.EndsWith("62, 63, …]", s);
        using Tensor ints = Tensor.FromSpan<long>([1, -2], [2]);
        Assert.Equal("INT64[2] = [1, -2]", TensorFormatter.Format(ints));
    }
}
