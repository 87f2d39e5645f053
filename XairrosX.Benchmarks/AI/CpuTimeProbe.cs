using System;
using System.Diagnostics;
using System.IO;
using Microsoft.ML.OnnxRuntime;
using XairrosX.AI.Kernels;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;
using OurSession = XairrosX.AI.Runtime.InferenceSession;

namespace XairrosX.Benchmarks.AI;

/// <summary>
/// The AI figures measured in process CPU time instead of wall time, best of 5 rounds: on a shared,
/// loaded machine wall-clock benchmarks swing by 2×, CPU time much less. Single-threaded throughout.
/// Run: <c>dotnet run -c Release --project XairrosX.Benchmarks -- ai-cputime</c>.
/// </summary>
public static class CpuTimeProbe
{
    private static double BestMicroseconds(Action action, int repetitions)
    {
        for (int i = 0; i < Math.Max(1, repetitions / 4); i++) action();
        double best = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            TimeSpan start = Process.GetCurrentProcess().TotalProcessorTime;
            for (int i = 0; i < repetitions; i++) action();
            best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - start).TotalMicroseconds / repetitions);
        }
        return best;
    }

    public static void Run()
    {
        var fma = new FmaPeakBenchmarks();
        double peak = FmaPeakBenchmarks.Iterations * 12.0 * 8 * 2 / BestMicroseconds(() => fma.Avx2Fma256(), 20) / 1e3;
        Console.WriteLine($"FMA peak (AVX2, 12 chains): {peak:F1} GFLOP/s");
        if (System.Runtime.Intrinsics.X86.Avx512F.IsSupported)
            Console.WriteLine($"FMA peak (AVX-512, 12 chains): {FmaPeakBenchmarks.Iterations * 12.0 * 16 * 2 / BestMicroseconds(() => fma.Avx512Fma512(), 20) / 1e3:F1} GFLOP/s");
        Console.WriteLine($"SGEMM microkernel: {Sgemm.Path}");
        foreach (int n in new[] { 128, 256, 512, 1024 })
        {
            var bench = new SgemmBenchmarks { N = n };
            bench.Setup();
            double flops = 2.0 * n * n * n;
            int reps = Math.Max(3, (int)(1e9 / flops));
            double ours = BestMicroseconds(bench.XairrosXSgemm, reps);
            double naive = n <= 512 ? BestMicroseconds(bench.NaiveTensorPrimitivesDot, Math.Max(1, reps / 8)) : double.NaN;
            double ort = BestMicroseconds(bench.OnnxRuntimeMatMul, reps);
            Console.WriteLine($"SGEMM N={n}: XairrosX {flops / ours / 1e3:F1} GFLOP/s ({flops / ours / 1e3 / peak:P0} of peak), " +
                $"naive TensorPrimitives.Dot {flops / naive / 1e3:F1} GFLOP/s, ONNX Runtime {flops / ort / 1e3:F1} GFLOP/s");
            bench.Cleanup();
        }
        var mnist = new MnistLatencyBenchmarks();
        mnist.Setup();
        double oursMnist = BestMicroseconds(() => mnist.XairrosXInference(), 2000);
        double ortMnist = BestMicroseconds(mnist.OnnxRuntimeInference, 2000);
        double startup = BestMicroseconds(() => mnist.XairrosXLoadToFirstResult(), 200);
        Console.WriteLine($"MNIST: XairrosX {oursMnist:F1} us, ONNX Runtime {ortMnist:F1} us (ratio {oursMnist / ortMnist:F2}), " +
            $"{1e6 / oursMnist:F0} inferences/s; load→first result {startup:F0} us");
        mnist.Cleanup();
    }
}
