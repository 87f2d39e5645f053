using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime.Operators;

/// <summary>Decodes the value of a <c>Constant</c> node so it can be folded into the initializers.</summary>
internal static class ConstantValue
{
    public static Tensor FromNode(OnnxNode node)
    {
        if (node.Attributes.Count != 1) throw new OnnxModelException($"{node.Describe()}: needs exactly one value attribute");
        OnnxAttribute a = node.Attributes[0];
        switch (a.Name)
        {
            case "value":
                return (a.Tensor ?? throw new OnnxModelException($"{node.Describe()}: 'value' holds no tensor")).ToTensor();
            case "value_float":
                return Tensor.FromSpan<float>([a.Float], []);
            case "value_floats":
                return Tensor.FromSpan<float>(a.Floats.ToArray(), [a.Floats.Count]);
            case "value_int":
                return Tensor.FromSpan<long>([a.Int], []);
            case "value_ints":
                return Tensor.FromSpan<long>(a.Ints.ToArray(), [a.Ints.Count]);
            default:
                throw new OnnxNotSupportedException($"{node.Describe()}: constant attribute '{a.Name}' is not supported");
        }
    }
}
