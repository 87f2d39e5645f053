using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using XairrosX.Plugs.Math;

namespace XairrosX.Benchmarks.Plugs;

/// <summary>
/// XairrosX's managed libm against System.Math (glibc on Linux hosts) for the hot functions.
/// Each invocation evaluates 1024 inputs spread over the function's usual range; the ratio column
/// compares each Libm method with the System.Math baseline of its category.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LibmBenchmarks
{
    private const int N = 1024;
    private readonly double[] trig = new double[N];
    private readonly double[] expArgs = new double[N];
    private readonly double[] logArgs = new double[N];
    private readonly double[] powBase = new double[N];
    private readonly double[] powExp = new double[N];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        for (int i = 0; i < N; i++)
        {
            trig[i] = (rng.NextDouble() - 0.5) * 200;       // reduction needed for most inputs
            expArgs[i] = (rng.NextDouble() - 0.5) * 1400;   // most of the finite range
            logArgs[i] = Math.Exp((rng.NextDouble() - 0.5) * 1400);
            powBase[i] = rng.NextDouble() * 100;
            powExp[i] = (rng.NextDouble() - 0.5) * 40;
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("sin")]
    public double SinSystemMath() { double s = 0; foreach (double x in trig) s += Math.Sin(x); return s; }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("sin")]
    public double SinLibm() { double s = 0; foreach (double x in trig) s += Libm.Sin(x); return s; }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("exp")]
    public double ExpSystemMath() { double s = 0; foreach (double x in expArgs) s += Math.Exp(x); return s; }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("exp")]
    public double ExpLibm() { double s = 0; foreach (double x in expArgs) s += Libm.Exp(x); return s; }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("log")]
    public double LogSystemMath() { double s = 0; foreach (double x in logArgs) s += Math.Log(x); return s; }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("log")]
    public double LogLibm() { double s = 0; foreach (double x in logArgs) s += Libm.Log(x); return s; }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("pow")]
    public double PowSystemMath() { double s = 0; for (int i = 0; i < N; i++) s += Math.Pow(powBase[i], powExp[i]); return s; }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("pow")]
    public double PowLibm() { double s = 0; for (int i = 0; i < N; i++) s += Libm.Pow(powBase[i], powExp[i]); return s; }
}
