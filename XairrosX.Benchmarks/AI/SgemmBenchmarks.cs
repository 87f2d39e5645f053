using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;
using XairrosX.AI.Kernels;

namespace XairrosX.Benchmarks.AI;

/// <summary>
/// Single-thread SGEMM C = A·B for square N: the packed AVX kernel vs a naive loop of
/// TensorPrimitives.Dot (B pre-transposed so each dot product is contiguous) vs ONNX Runtime's MatMul.
/// GFLOP/s = 2·N³ / mean time.
/// </summary>
[ShortRunJob]
public class SgemmBenchmarks
{
    private float[] _a, _b, _bt, _c;
    private GemmWorkspace _ws;
    private InferenceSession _ort;
    private OrtValue _ortA, _ortY;
    private RunOptions _runOptions;

    [Params(128, 256, 512)]
    public int N;

    [GlobalSetup]
    public void Setup()
    {
        _a = BenchModels.Random(N * N, 1);
        _b = BenchModels.Random(N * N, 2);
        _bt = new float[N * N];
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) _bt[j * N + i] = _b[i * N + j];
        _c = new float[N * N];
        _ws = new GemmWorkspace();
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _ort = new InferenceSession(BenchModels.MatMulModel(N, _b), options);
        _ortA = OrtValue.CreateTensorValueFromMemory(_a, [N, N]);
        _ortY = OrtValue.CreateTensorValueFromMemory(new float[N * N], [N, N]);
        _runOptions = new RunOptions();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ws.Dispose();
        _ortA.Dispose();
        _ortY.Dispose();
        _runOptions.Dispose();
        _ort.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void XairrosXSgemm() => Sgemm.Multiply(N, N, N, _a, _b, _c, _ws);

    [Benchmark(Description = "XairrosXSgemm all cores")]
    public unsafe void XairrosXSgemmAllCores()
    {
        fixed (float* pa = _a) fixed (float* pb = _b) fixed (float* pc = _c)
            Sgemm.MultiplyParallel(false, false, N, N, N, 1f, pa, N, pb, N, false, pc, N);
    }

    [Benchmark]
    public void NaiveTensorPrimitivesDot()
    {
        int n = N;
        for (int i = 0; i < n; i++)
        {
            var row = new System.ReadOnlySpan<float>(_a, i * n, n);
            for (int j = 0; j < n; j++) _c[i * n + j] = TensorPrimitives.Dot(row, new System.ReadOnlySpan<float>(_bt, j * n, n));
        }
    }

    [Benchmark]
    public void OnnxRuntimeMatMul() => _ort.Run(_runOptions, ["A"], [_ortA], ["Y"], [_ortY]);
}
