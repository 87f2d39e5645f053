using System;
using XairrosX.AI.Kernels;
using Xunit;

namespace XairrosX.Tests.AI;

/// <summary>
/// Kernel tests switch the process-wide SGEMM microkernel family to cover every path, which changes
/// rounding for any GEMM running meanwhile: this collection never runs in parallel with other tests.
/// </summary>
[CollectionDefinition(nameof(KernelTests), DisableParallelization = true)]
public class KernelFamilySwitching { }

[Collection(nameof(KernelTests))]
public class KernelTests
{
    private static float[] Random(Random rng, int n)
    {
        var a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float)(rng.NextDouble() * 2 - 1);
        return a;
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(6, 16, 7)]
    [InlineData(7, 33, 5)]
    [InlineData(13, 17, 300)]
    [InlineData(97, 70, 260)]
    [InlineData(20, 1100, 24)]
    public void SgemmMatchesNaiveOnEveryMicrokernel(int m, int n, int k)
    {
        // The tests of a class run sequentially, and the kernel choice is restored afterwards.
        SgemmMicroKernel.Kind original = SgemmMicroKernel.Current;
        try
        {
            int covered = 0;
            foreach (SgemmMicroKernel.Kind kind in Enum.GetValues<SgemmMicroKernel.Kind>())
            {
                if (!SgemmMicroKernel.TrySelect(kind)) continue;
                SgemmMatchesNaive(m, n, k);
                covered++;
            }
            Assert.True(covered >= 1);
        }
        finally
        {
            SgemmMicroKernel.TrySelect(original);
        }
    }

    private static unsafe void SgemmMatchesNaive(int m, int n, int k)
    {
        var rng = new Random(m * 1000 + n * 10 + k);
        using var ws = new GemmWorkspace();
        foreach (bool ta in new[] { false, true })
            foreach (bool tb in new[] { false, true })
                foreach (bool accumulate in new[] { false, true })
                {
                    float[] a = Random(rng, m * k), b = Random(rng, k * n), c = Random(rng, m * n);
                    var expected = new double[m * n];
                    for (int i = 0; i < m; i++)
                        for (int j = 0; j < n; j++)
                        {
                            double s = accumulate ? c[i * n + j] : 0;
                            for (int p = 0; p < k; p++)
                                s += 0.5 * (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                            expected[i * n + j] = s;
                        }
                    fixed (float* pa = a) fixed (float* pb = b) fixed (float* pc = c)
                        Sgemm.Multiply(ta, tb, m, n, k, 0.5f, pa, ta ? m : k, pb, tb ? k : n, accumulate, pc, n, ws);
                    for (int i = 0; i < m * n; i++)
                        Assert.True(Math.Abs(c[i] - expected[i]) <= 1e-4 * (1 + Math.Abs(expected[i])), $"ta={ta} tb={tb} acc={accumulate} [{i}] {c[i]} vs {expected[i]}");
                }
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 9, 5)]
    [InlineData(5, 13, 7)]
    [InlineData(17, 40, 33)]
    public unsafe void IntegerGemmMatchesNaive(int m, int n, int k)
    {
        var rng = new Random(m + n + k);
        var a = new byte[m * k];
        var b = new sbyte[k * n];
        rng.NextBytes(a);
        for (int i = 0; i < b.Length; i++) b[i] = (sbyte)rng.Next(-128, 128);
        int aZero = 128;
        var bZero = new int[n];
        for (int j = 0; j < n; j++) bZero[j] = rng.Next(-5, 5);
        var c = new int[m * n];
        var scratch = new short[IntegerGemm.ScratchShorts(m, n, k)];
        fixed (byte* pa = a) fixed (sbyte* pb = b) fixed (int* pc = c) fixed (short* ps = scratch)
            IntegerGemm.Multiply(m, n, k, pa, [aZero], pb, bZero, pc, ps);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                int s = 0;
                for (int p = 0; p < k; p++) s += (a[i * k + p] - aZero) * (b[p * n + j] - bZero[j]);
                Assert.Equal(s, c[i * n + j]);
            }
    }

    [Fact]
    public void BroadcastMatchesNaiveIndexingOnRandomShapes()
    {
        var rng = new Random(5);
        for (int trial = 0; trial < 300; trial++)
        {
            int rank = rng.Next(0, 5);
            var outShape = new int[rank];
            for (int d = 0; d < rank; d++) outShape[d] = rng.Next(1, 5);
            int[] Operand()
            {
                int r = rng.Next(0, rank + 1);
                var s = new int[r];
                for (int d = 0; d < r; d++) s[d] = rng.Next(2) == 0 ? 1 : outShape[rank - r + d];
                return s;
            }
            int[] aShape = Operand(), bShape = Operand();
            int[] shape = XairrosX.AI.Tensors.TensorShape.Broadcast(aShape, bShape);
            float[] a = Random(rng, XairrosX.AI.Tensors.TensorShape.ElementCount(aShape));
            float[] b = Random(rng, XairrosX.AI.Tensors.TensorShape.ElementCount(bShape));
            var y = new float[XairrosX.AI.Tensors.TensorShape.ElementCount(shape)];
            BinaryKernels.Apply(BinaryOp.Sub, a, aShape, b, bShape, y, shape);
            var index = new int[shape.Length];
            for (int i = 0; i < y.Length; i++)
            {
                int rem = i;
                for (int d = shape.Length - 1; d >= 0; d--) { index[d] = rem % shape[d]; rem /= shape[d]; }
                float expected = a[Offset(aShape, index)] - b[Offset(bShape, index)];
                Assert.True(expected == y[i], $"trial {trial}: [{string.Join(",", aShape)}] - [{string.Join(",", bShape)}] at {i}");
            }
        }
    }

    private static int Offset(int[] shape, int[] outIndex)
    {
        int offset = 0, skip = outIndex.Length - shape.Length;
        for (int d = 0; d < shape.Length; d++) offset = offset * shape[d] + (shape[d] == 1 ? 0 : outIndex[skip + d]);
        return offset;
    }

    [Theory]
    [InlineData(1, 28, 28, 8, 5, 1, 2, 1)]
    [InlineData(8, 14, 14, 16, 5, 1, 2, 1)]
    [InlineData(3, 9, 11, 37, 3, 1, 1, 2)]
    [InlineData(4, 10, 7, 5, 3, 2, 1, 1)]
    public unsafe void ConvolutionMatchesNaiveOnEveryMicrokernel(int c, int h, int w, int m, int k, int stride, int pad, int dilation)
    {
        var rng = new Random(c * 100 + m);
        ConvGeometry g = ConvGeometry.Create(c, h, w, k, k, stride, stride, dilation, dilation, [pad, pad, pad, pad], "NOTSET", false);
        float[] x = Random(rng, c * h * w), weights = Random(rng, m * c * k * k), bias = Random(rng, m);
        var expected = new double[m * g.OutH * g.OutW];
        for (int o = 0; o < m; o++)
            for (int oh = 0; oh < g.OutH; oh++)
                for (int ow = 0; ow < g.OutW; ow++)
                {
                    double sum = bias[o];
                    for (int ci = 0; ci < c; ci++)
                        for (int kh = 0; kh < k; kh++)
                            for (int kw = 0; kw < k; kw++)
                            {
                                int ih = oh * stride - pad + kh * dilation, iw = ow * stride - pad + kw * dilation;
                                if ((uint)ih < (uint)h && (uint)iw < (uint)w) sum += x[(ci * h + ih) * w + iw] * weights[((o * c + ci) * k + kh) * k + kw];
                            }
                    expected[(o * g.OutH + oh) * g.OutW + ow] = sum;
                }
        SgemmMicroKernel.Kind original = SgemmMicroKernel.Current;
        using var ws = new GemmWorkspace();
        try
        {
            foreach (SgemmMicroKernel.Kind kind in Enum.GetValues<SgemmMicroKernel.Kind>())
            {
                if (!SgemmMicroKernel.TrySelect(kind)) continue;
                var y = new float[expected.Length];
                var scratch = new float[Math.Max(1, Convolution.ScratchFloats(g, m))];
                fixed (float* px = x, pw = weights, pb = bias, py = y, ps = scratch)
                    Convolution.Forward(px, pw, pb, py, 1, m, 1, g, ps, ws);
                for (int i = 0; i < y.Length; i++)
                    Assert.True(Math.Abs(y[i] - expected[i]) <= 1e-4 * (1 + Math.Abs(expected[i])), $"{kind} [{i}] {y[i]} vs {expected[i]}");
            }
        }
        finally
        {
            SgemmMicroKernel.TrySelect(original);
        }
    }

    [Fact]
    public void GeluErfcIsAccurate()
    {
        // erfc reference values (Abramowitz & Stegun table 7.1).
        Assert.Equal(1.0, Activations.Erfc(0), 7);
        Assert.Equal(0.157299207, Activations.Erfc(1), 7);
        Assert.Equal(1.842700793, Activations.Erfc(-1), 7);
        Assert.Equal(2.209049700e-5, Activations.Erfc(3) , 10);
    }

    [Fact]
    public void ConvGeometryHandlesAutoPadAndCeil()
    {
        ConvGeometry same = ConvGeometry.Create(1, 5, 5, 3, 3, 2, 2, 1, 1, [0, 0, 0, 0], "SAME_UPPER", false);
        Assert.Equal((3, 3, 1, 1), (same.OutH, same.OutW, same.PadTop, same.PadBottom));
        ConvGeometry ceil = ConvGeometry.Create(1, 4, 4, 3, 3, 2, 2, 1, 1, [0, 0, 0, 0], "NOTSET", true);
        Assert.Equal(2, ceil.OutH);
        Assert.Throws<ArgumentException>(() => ConvGeometry.Create(1, 2, 2, 3, 3, 1, 1, 1, 1, [0, 0, 0, 0], "NOTSET", false));
        Assert.Throws<ArgumentException>(() => ConvGeometry.Create(1, 2, 2, 1, 1, 1, 1, 1, 1, [0, 0, 0, 0], "BOGUS", false));
    }
}
