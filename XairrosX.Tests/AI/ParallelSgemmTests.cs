using System;
using XairrosX.AI.Kernels;
using Xunit;

namespace XairrosX.Tests.AI;

/// <summary>The multi-threaded SGEMM gives bit-identical results to the single-threaded path for every shape class.</summary>
public unsafe class ParallelSgemmTests
{
    [Theory]
    [InlineData(300, 200, 150, false, false)]
    [InlineData(257, 129, 300, true, false)]
    [InlineData(200, 97, 64, false, true)]
    [InlineData(193, 160, 100, true, true)]
    [InlineData(3, 50, 40, false, false)]
    public void SplittingRowsOverThreadsChangesNoBit(int m, int n, int k, bool transA, bool transB)
    {
        var random = new Random(m * 31 + n);
        float[] a = new float[m * k], b = new float[k * n], serial = new float[m * n], parallel = new float[m * n];
        for (int i = 0; i < a.Length; i++) a[i] = (float)(random.NextDouble() * 2 - 1);
        for (int i = 0; i < b.Length; i++) b[i] = (float)(random.NextDouble() * 2 - 1);
        for (int i = 0; i < serial.Length; i++) serial[i] = parallel[i] = (float)random.NextDouble();
        int lda = transA ? m : k, ldb = transB ? k : n;
        using var ws = new GemmWorkspace();
        fixed (float* pa = a) fixed (float* pb = b) fixed (float* ps = serial) fixed (float* pp = parallel)
        {
            Sgemm.Multiply(transA, transB, m, n, k, 0.5f, pa, lda, pb, ldb, accumulate: true, ps, n, ws);
            Sgemm.MultiplyParallel(transA, transB, m, n, k, 0.5f, pa, lda, pb, ldb, accumulate: true, pp, n, maxWorkers: 3);
        }
        Assert.Equal(serial, parallel);
        // A non-trivial result: the product changed the initial values.
        Assert.NotEqual(0f, serial[serial.Length / 2]);
    }
}
