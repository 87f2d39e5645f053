using System;
using XairrosX.AI.Onnx;
using XairrosX.AI.Runtime;
using Xunit;
using Tensor = XairrosX.AI.Tensors.Tensor;

namespace XairrosX.Tests.AI;

/// <summary>Unsupported operators and inconsistent shapes are reported with the node and op named.</summary>
public class ModelErrorTests
{
    [Fact]
    public void UnsupportedOperatorNamesNodeAndOp()
    {
        var b = new ModelBuilder(17, 1);
        string x = b.Input("x", 2, 3);
        b.Output(b.Node("NonMaxSuppression", [x]));
        var e = Assert.Throws<OnnxNotSupportedException>(() => InferenceSession.Load(b.Build()));
        Assert.Contains("NonMaxSuppression", e.Message);
        Assert.Contains("not supported", e.Message);
    }

    [Fact]
    public void MismatchedMatMulNamesNodeAndShapes()
    {
        var b = new ModelBuilder(17, 2);
        string x = b.Input("x", 2, 3);
        b.Output(b.Node("MatMul", [x, b.Weight(1, 4, 5)]));
        using var session = InferenceSession.Load(b.Build());
        using Tensor input = Tensor.Create(XairrosX.AI.Tensors.TensorDataType.Float, [2, 3]);
        var e = Assert.Throws<OnnxModelException>(() => session.Run([input]));
        Assert.Contains("MatMul node 'MatMul_", e.Message);
        Assert.Contains("[2,3] × [4,5]", e.Message);
    }

    [Fact]
    public void BadReshapeAndBadAttributeAreModelErrors()
    {
        var b = new ModelBuilder(17, 3);
        string x = b.Input("x", 2, 3);
        b.Output(b.Node("Reshape", [x, b.Int64Constant(4, -1, 2)]));
        using var session = InferenceSession.Load(b.Build());
        using Tensor input = Tensor.Create(XairrosX.AI.Tensors.TensorDataType.Float, [2, 3]);
        Assert.Contains("Reshape node", Assert.Throws<OnnxModelException>(() => session.Run([input])).Message);

        var c = new ModelBuilder(17, 4);
        string y = c.Input("x", 1, 1, 4, 4);
        c.Output(c.Node("Conv", [y, c.Weight(1, 1, 1, 2, 2)], ("auto_pad", "SIDEWAYS")));
        using var conv = InferenceSession.Load(c.Build());
        using Tensor image = Tensor.Create(XairrosX.AI.Tensors.TensorDataType.Float, [1, 1, 4, 4]);
        Assert.Contains("auto_pad 'SIDEWAYS'", Assert.Throws<OnnxModelException>(() => conv.Run([image])).Message);
    }

    [Fact]
    public void WrongInputsAreArgumentErrors()
    {
        var b = new ModelBuilder(17, 5);
        string x = b.Input("x", 2, 3);
        b.Output(b.Node("Relu", [x]));
        using var session = InferenceSession.Load(b.Build());
        using Tensor wrongShape = Tensor.Create(XairrosX.AI.Tensors.TensorDataType.Float, [3, 3]);
        using Tensor wrongType = Tensor.Create(XairrosX.AI.Tensors.TensorDataType.Int64, [2, 3]);
        Assert.Throws<ArgumentException>(() => session.Run([wrongShape]));
        Assert.Contains("must be FLOAT", Assert.Throws<ArgumentException>(() => session.Run([wrongType])).Message);
        Assert.Throws<ArgumentException>(() => session.Run([]));
    }

    [Fact]
    public void ReversedNodeOrderIsSortedAndCyclesAreRejected()
    {
        var b = new ModelBuilder(17, 6);
        string x = b.Input("x", 1, 4);
        string h = b.Node("Relu", [x]);
        string y = b.Node("Sigmoid", [h]);
        b.Output(y);
        b.Graph.Nodes.Reverse();
        using (var session = InferenceSession.Load(b.Build()))
        {
            using Tensor input = Tensor.FromSpan<float>([-1f, 0f, 1f, 2f], [1, 4]);
            float[] output = session.Run([input])[0].Span<float>().ToArray();
            Assert.Equal(0.5f, output[0], 6);
            Assert.Equal(1f / (1f + MathF.Exp(-2f)), output[3], 6);
        }
        b.Graph.Nodes[0].Inputs[0] = y; // Sigmoid now reads its own consumer's output: a cycle
        b.Graph.Nodes[1].Inputs[0] = b.Graph.Nodes[0].Outputs[0];
        Assert.Contains("cycle", Assert.Throws<OnnxModelException>(() => InferenceSession.Load(b.Build())).Message);
    }
}
