using XairrosX.AI.Onnx;

namespace XairrosX.AI.Runtime.Operators;

/// <summary>Maps ONNX operator names to implementations; the one place that lists what the engine runs.</summary>
internal static class OperatorRegistry
{
    /// <summary>Every supported operator type of the default domain.</summary>
    public static readonly string[] Supported =
    [
        "Add", "Sub", "Mul", "Div", "Relu", "Sigmoid", "Tanh", "Gelu", "Identity", "Softmax",
        "MatMul", "Gemm", "Conv", "MaxPool", "AveragePool", "LayerNormalization", "BatchNormalization",
        "Transpose", "Concat", "Reshape", "Flatten", "QuantizeLinear", "DequantizeLinear",
        "QLinearMatMul", "MatMulInteger", "Constant",
    ];

    public static Operator Create(OnnxNode node, int opset) => node.OpType switch
    {
        "Add" or "Sub" or "Mul" or "Div" => new BinaryOperator(node, opset),
        "Relu" or "Sigmoid" or "Tanh" or "Gelu" => new UnaryOperator(node, opset),
        "Identity" => new IdentityOperator(node, opset),
        "Softmax" => new SoftmaxOperator(node, opset),
        "MatMul" => new MatMulOperator(node, opset),
        "Gemm" => new GemmOperator(node, opset),
        "Conv" => new ConvOperator(node, opset),
        "MaxPool" or "AveragePool" => new PoolOperator(node, opset),
        "LayerNormalization" => new LayerNormOperator(node, opset),
        "BatchNormalization" => new BatchNormOperator(node, opset),
        "Transpose" => new TransposeOperator(node, opset),
        "Concat" => new ConcatOperator(node, opset),
        "Reshape" => new ReshapeOperator(node, opset),
        "Flatten" => new FlattenOperator(node, opset),
        "QuantizeLinear" => new QuantizeOperator(node, opset),
        "DequantizeLinear" => new DequantizeOperator(node, opset),
        "QLinearMatMul" or "MatMulInteger" => new IntegerMatMulOperator(node, opset),
        _ => throw new OnnxNotSupportedException($"{node.Describe()}: operator '{node.OpType}' is not supported (opset {opset})"),
    };
}
