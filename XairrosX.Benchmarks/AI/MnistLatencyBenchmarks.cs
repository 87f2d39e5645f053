using System.IO;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;
using OurSession = XairrosX.AI.Runtime.InferenceSession;

namespace XairrosX.Benchmarks.AI;

/// <summary>MNIST (onnx/models mnist-8) single-image latency, one thread: this engine vs ONNX Runtime; plus load → first result.</summary>
[ShortRunJob]
public class MnistLatencyBenchmarks
{
    private byte[] _model;
    private OurSession _ours;
    private Tensor[] _input;
    private InferenceSession _ort;
    private OrtValue _ortInput, _ortOutput;
    private RunOptions _runOptions;

    [GlobalSetup]
    public void Setup()
    {
        string dir = BenchModels.Vector("alrevuelta__cONNXr", "test", "mnist");
        _model = File.ReadAllBytes(Path.Combine(dir, "model.onnx"));
        _ours = OurSession.Load(_model);
        Tensor input = OnnxTensorProto.Parse(File.ReadAllBytes(Path.Combine(dir, "test_data_set_0", "input_0.pb"))).ToTensor();
        _input = [input];
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _ort = new InferenceSession(_model, options);
        _ortInput = OrtValue.CreateTensorValueFromMemory(input.Span<float>().ToArray(), [1, 1, 28, 28]);
        _ortOutput = OrtValue.CreateTensorValueFromMemory(new float[10], [1, 10]);
        _runOptions = new RunOptions();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ours.Dispose();
        _ort.Dispose();
        _ortInput.Dispose();
        _ortOutput.Dispose();
        _runOptions.Dispose();
    }

    [Benchmark(Baseline = true)]
    public float XairrosXInference() => _ours.Run(_input)[0].Span<float>()[0];

    [Benchmark]
    public void OnnxRuntimeInference() => _ort.Run(_runOptions, ["Input3"], [_ortInput], ["Plus214_Output_0"], [_ortOutput]);

    [Benchmark]
    public float XairrosXLoadToFirstResult()
    {
        using OurSession s = OurSession.Load(_model);
        return s.Run(_input)[0].Span<float>()[0];
    }
}
