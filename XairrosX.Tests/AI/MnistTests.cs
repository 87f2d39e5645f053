using System.Collections.Generic;
using System.IO;
using System.Linq;
using XairrosX.AI.Runtime;
using XairrosX.AI.Tensors;
using Xunit;

namespace XairrosX.Tests.AI;

/// <summary>The trained MNIST model (onnx/models mnist-8) with its reference outputs, and its per-layer cuts.</summary>
public class MnistTests
{
    public static string MnistDir => SharedVectors.Path("alrevuelta__cONNXr", "test", "mnist");

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 0)]
    [InlineData(2, 9)]
    public void MnistMatchesReferenceAndPredictsDigit(int set, int digit)
    {
        using var session = InferenceSession.Load(File.ReadAllBytes(Path.Combine(MnistDir, "model.onnx")));
        string dir = Path.Combine(MnistDir, $"test_data_set_{set}");
        Tensor input = OnnxTestData.LoadTensor(Path.Combine(dir, "input_0.pb"));
        Tensor expected = OnnxTestData.LoadTensor(Path.Combine(dir, "output_0.pb"));
        Tensor output = session.Run([input])[0];
        OnnxTestData.AssertClose(expected, output, rtol: 1e-3, atol: 1e-4, $"mnist set {set}");
        float[] logits = output.Span<float>().ToArray();
        Assert.Equal(digit, System.Array.IndexOf(logits, logits.Max()));
    }

    [Fact]
    public void MemoryPlanReusesActivationBuffers()
    {
        using var session = InferenceSession.Load(File.ReadAllBytes(Path.Combine(MnistDir, "model.onnx")));
        Tensor input = OnnxTestData.LoadTensor(Path.Combine(MnistDir, "test_data_set_0", "input_0.pb"));
        float[] first = session.Run([input])[0].Span<float>().ToArray();
        Assert.True(session.ArenaBytes > 0);
        Assert.True(session.ArenaBytes < session.UnplannedBytes, $"arena {session.ArenaBytes} should be smaller than {session.UnplannedBytes}");
        // Repeated runs reuse the plan and give identical results.
        float[] second = session.Run([input])[0].Span<float>().ToArray();
        Assert.Equal(first, second);
    }

    public static IEnumerable<object[]> LayerCuts() =>
        Directory.GetDirectories(SharedVectors.Path("alrevuelta__cONNXr", "test", "mnist_experimental_test")).Select(d => new object[] { Path.GetFileName(d) });

    [Theory]
    [MemberData(nameof(LayerCuts))]
    public void PerLayerCutMatchesReference(string cut)
        // Raw 0–255 pixels make intermediate activations large (hundreds), so values near zero come from
        // cancellation: the absolute tolerance scales with the layer's magnitude (atolScale · max|expected|).
        => OnnxTestData.RunDirectory(SharedVectors.Path("alrevuelta__cONNXr", "test", "mnist_experimental_test", cut), rtol: 1e-3, atol: 0, atolScale: 1e-5);
}
