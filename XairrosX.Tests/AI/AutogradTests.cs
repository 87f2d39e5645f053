using System;
using System.Collections.Generic;
using XairrosX.AI.Autograd;
using XairrosX.AI.Kernels;
using Xunit;
using Xunit.Abstractions;

namespace XairrosX.Tests.AI;

public class AutogradTests(ITestOutputHelper output)
{
    /// <summary>Compares every analytic gradient with a central finite difference of the loss.</summary>
    private static void CheckGradients(Func<Functions, Variable> loss, params Variable[] parameters)
    {
        using var gemm = new GemmWorkspace();
        var tape = new GradientTape();
        Variable l = loss(new Functions(tape, gemm));
        tape.Backward(l);
        foreach (Variable p in parameters)
        {
            float[] analytic = (float[])p.Grad!.Clone();
            for (int i = 0; i < p.Length; i++)
            {
                float saved = p.Data[i];
                const float h = 1e-2f;
                p.Data[i] = saved + h;
                double up = loss(new Functions(new GradientTape(), gemm)).Data[0];
                p.Data[i] = saved - h;
                double down = loss(new Functions(new GradientTape(), gemm)).Data[0];
                p.Data[i] = saved;
                double numeric = (up - down) / (2 * h);
                Assert.True(Math.Abs(numeric - analytic[i]) <= 2e-2 * Math.Max(1, Math.Abs(numeric)), $"param [{string.Join(",", p.Shape)}] [{i}]: analytic {analytic[i]}, numeric {numeric}");
            }
        }
    }

    [Fact]
    public void MlpGradientsMatchFiniteDifferences()
    {
        var rng = new Random(1);
        Variable x = Variable.Parameter(rng, 1, 3, 5);
        Variable w1 = Variable.Parameter(rng, 0.5f, 5, 4), b1 = Variable.Parameter(rng, 0.5f, 4);
        Variable w2 = Variable.Parameter(rng, 0.5f, 4, 3);
        int[] labels = [0, 2, 1];
        CheckGradients(f => f.SoftmaxCrossEntropy(f.MatMul(f.Relu(f.Add(f.MatMul(x, w1), b1)), w2), labels), x, w1, b1, w2);
    }

    [Fact]
    public void ConvGradientsMatchFiniteDifferences()
    {
        var rng = new Random(2);
        Variable x = Variable.Parameter(rng, 1, 2, 2, 5, 5);
        Variable w = Variable.Parameter(rng, 0.5f, 3, 2, 3, 3), b = Variable.Parameter(rng, 0.5f, 3);
        Variable head = Variable.Parameter(rng, 0.5f, 27, 2);
        int[] labels = [1, 0];
        CheckGradients(f => f.SoftmaxCrossEntropy(f.MatMul(f.Reshape(f.Relu(f.Conv2D(x, w, b, stride: 2, padding: 1)), 2, 27), head), labels), x, w, b, head);
    }

    /// <summary>Three Gaussian blobs in 2-D.</summary>
    private static (float[] X, int[] Y) Blobs(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new float[n * 2];
        var y = new int[n];
        float[][] centers = [[-2, 0], [2, 0], [0, 2.5f]];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % 3;
            x[i * 2] = centers[y[i]][0] + (float)(rng.NextDouble() - 0.5) * 1.5f;
            x[i * 2 + 1] = centers[y[i]][1] + (float)(rng.NextDouble() - 0.5) * 1.5f;
        }
        return (x, y);
    }

    private float TrainMlp(Func<IReadOnlyList<Variable>, Optimizer> makeOptimizer, string name, out float first)
    {
        var rng = new Random(42);
        (float[] data, int[] labels) = Blobs(96, 7);
        Variable w1 = Variable.Parameter(rng, 0.5f, 2, 16), b1 = Variable.Parameter(rng, 0.1f, 16);
        Variable w2 = Variable.Parameter(rng, 0.5f, 16, 3), b2 = Variable.Parameter(rng, 0.1f, 3);
        Optimizer opt = makeOptimizer([w1, b1, w2, b2]);
        using var gemm = new GemmWorkspace();
        var x = new Variable(data, [96, 2]);
        first = float.NaN;
        float last = 0;
        for (int step = 0; step < 150; step++)
        {
            var tape = new GradientTape();
            var f = new Functions(tape, gemm);
            Variable loss = f.SoftmaxCrossEntropy(f.Add(f.MatMul(f.Relu(f.Add(f.MatMul(x, w1), b1)), w2), b2), labels);
            if (step == 0) first = loss.Data[0];
            last = loss.Data[0];
            opt.ZeroGrad();
            tape.Backward(loss);
            opt.Step();
        }
        output.WriteLine($"{name}: loss {first:F4} → {last:F4}");
        return last;
    }

    [Fact]
    public void MlpTrainsWithAdam()
    {
        float last = TrainMlp(p => new Adam(p, 0.05f), "Adam", out float first);
        Assert.True(last < first * 0.2f, $"loss {first} → {last}");
    }

    [Fact]
    public void MlpTrainsWithSgdMomentum()
    {
        float last = TrainMlp(p => new Sgd(p, 0.1f, 0.9f), "SGD", out float first);
        Assert.True(last < first * 0.3f, $"loss {first} → {last}");
    }

    [Fact]
    public void SmallCnnLearnsBarOrientation()
    {
        // 6×6 images with one horizontal (class 0) or vertical (class 1) bar plus noise.
        var rng = new Random(3);
        const int batch = 32;
        var images = new float[batch * 36];
        var labels = new int[batch];
        for (int i = 0; i < batch; i++)
        {
            labels[i] = i % 2;
            int line = rng.Next(6);
            for (int p = 0; p < 36; p++) images[i * 36 + p] = (float)(rng.NextDouble() * 0.3);
            for (int t = 0; t < 6; t++) images[i * 36 + (labels[i] == 0 ? line * 6 + t : t * 6 + line)] += 1f;
        }
        Variable w = Variable.Parameter(rng, 0.3f, 4, 1, 3, 3), b = Variable.Parameter(rng, 0.1f, 4);
        Variable head = Variable.Parameter(rng, 0.1f, 64, 2);
        var adam = new Adam([w, b, head], 0.03f);
        using var gemm = new GemmWorkspace();
        var x = new Variable(images, [batch, 1, 6, 6]);
        float first = 0, last = 0;
        for (int step = 0; step < 60; step++)
        {
            var tape = new GradientTape();
            var f = new Functions(tape, gemm);
            Variable loss = f.SoftmaxCrossEntropy(f.MatMul(f.Reshape(f.Relu(f.Conv2D(x, w, b)), batch, 64), head), labels);
            if (step == 0) first = loss.Data[0];
            last = loss.Data[0];
            adam.ZeroGrad();
            tape.Backward(loss);
            adam.Step();
        }
        output.WriteLine($"CNN: loss {first:F4} → {last:F4}");
        Assert.True(last < first * 0.2f, $"loss {first} → {last}");
    }
}
