using XairrosX.AI.Kernels;
using XairrosX.AI.Onnx;

namespace XairrosX.AI.Runtime.Operators;

/// <summary>The window attributes Conv and the pooling operators share, validated for 2-D use.</summary>
internal sealed class SpatialAttributes
{
    public long[]? KernelShape;
    public int[] Strides = [1, 1];
    public int[] Dilations = [1, 1];
    public int[] Pads = [0, 0, 0, 0];
    public string AutoPad = "NOTSET";
    public bool CeilMode;

    public static SpatialAttributes Read(OnnxNode node, Func<string, long[]?> ints, Func<string, string, string> str, Func<string, long, long> integer)
    {
        var s = new SpatialAttributes
        {
            KernelShape = ints("kernel_shape"),
            AutoPad = str("auto_pad", "NOTSET"),
            CeilMode = integer("ceil_mode", 0) != 0,
        };
        s.Strides = Pair(node, ints("strides"), "strides", 2) ?? s.Strides;
        s.Dilations = Pair(node, ints("dilations"), "dilations", 2) ?? s.Dilations;
        s.Pads = Pair(node, ints("pads"), "pads", 4) ?? s.Pads;
        if (s.KernelShape != null && s.KernelShape.Length != 2)
            throw new OnnxNotSupportedException($"{node.Describe()}: only 2-D windows are supported (kernel_shape has {s.KernelShape.Length} dims)");
        return s;
    }

    private static int[]? Pair(OnnxNode node, long[]? values, string name, int count)
    {
        if (values == null) return null;
        if (values.Length != count) throw new OnnxNotSupportedException($"{node.Describe()}: {name} must have {count} values for 2-D windows, has {values.Length}");
        var r = new int[count];
        for (int i = 0; i < count; i++)
        {
            if (values[i] < 0 || values[i] > 1 << 20) throw new OnnxModelException($"{node.Describe()}: {name}[{i}] = {values[i]} is out of range");
            r[i] = (int)values[i];
        }
        return r;
    }

    public ConvGeometry Geometry(int channels, int h, int w, int kh, int kw)
        => ConvGeometry.Create(channels, h, w, kh, kw, Strides[0], Strides[1], Dilations[0], Dilations[1], Pads, AutoPad, CeilMode);
}
