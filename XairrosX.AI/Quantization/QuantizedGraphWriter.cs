using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Quantization;

/// <summary>Emits the quantized replacement nodes and their int8 weights / scale initializers.</summary>
internal sealed class QuantizedGraphWriter
{
    private readonly OnnxGraph _graph;
    private readonly Dictionary<string, CalibrationRange> _ranges;
    private readonly Dictionary<string, (string Scale, string Zero)> _activationParams = new();
    private readonly Dictionary<string, string> _quantizedActivations = new();
    private int _counter;

    public QuantizedGraphWriter(OnnxGraph graph, Dictionary<string, CalibrationRange> ranges)
    {
        _graph = graph;
        _ranges = ranges;
    }

    public List<OnnxTensorProto> NewInitializers { get; } = new();

    public void MatMul(OnnxNode node, OnnxTensorProto weight, bool transposed)
    {
        float[] w = Floats(weight);
        int rows = (int)weight.Dims[0], cols = (int)weight.Dims[1];
        int k = transposed ? cols : rows, n = transposed ? rows : cols;
        var kn = new float[k * n];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < n; j++) kn[i * n + j] = transposed ? w[j * cols + i] : w[i * cols + j];
        (sbyte[] q, float[] scales) = QuantizePerChannel(kn, k, n, channelIsColumn: true);
        string wq = Int8(q, [k, n]), ws = FloatInit(scales, [n]), wz = Int8(new sbyte[n], [n]);

        string xq = QuantizedActivation(node.Inputs[0]);
        (string xs, string xz) = ActivationParams(node.Inputs[0]);
        (string ys, string yz) = ActivationParams(node.Outputs[0]);
        string yq = Name("q");
        Add("QLinearMatMul", [xq, xs, xz, wq, ws, wz, ys, yz], yq);
        bool hasBias = node.OpType == "Gemm" && node.Inputs.Count > 2 && node.Inputs[2].Length > 0;
        string dequantized = hasBias ? Name("dq") : node.Outputs[0];
        Add("DequantizeLinear", [yq, ys, yz], dequantized);
        if (hasBias) Add("Add", [dequantized, node.Inputs[2]], node.Outputs[0]);
    }

    public void Conv(OnnxNode node, OnnxTensorProto weight)
    {
        float[] w = Floats(weight);
        int m = (int)weight.Dims[0], per = w.Length / Math.Max(m, 1);
        (sbyte[] q, float[] scales) = QuantizePerChannel(w, m, per, channelIsColumn: false);
        int[] dims = [(int)weight.Dims[0], (int)weight.Dims[1], (int)weight.Dims[2], (int)weight.Dims[3]];
        string wq = Int8(q, dims), ws = FloatInit(scales, [m]), wz = Int8(new sbyte[m], [m]);
        string wf = Name("w");
        var dq = Add("DequantizeLinear", [wq, ws, wz], wf);
        dq.Attributes.Add(new OnnxAttribute { Name = "axis", Type = OnnxAttributeType.Int, Int = 0 });

        string xq = QuantizedActivation(node.Inputs[0]);
        (string xs, string xz) = ActivationParams(node.Inputs[0]);
        string xf = Name("x");
        Add("DequantizeLinear", [xq, xs, xz], xf);
        var conv = new OnnxNode { Name = node.Name, OpType = "Conv" };
        conv.Inputs.AddRange([xf, wf]);
        for (int i = 2; i < node.Inputs.Count; i++) conv.Inputs.Add(node.Inputs[i]);
        conv.Outputs.AddRange(node.Outputs);
        conv.Attributes.AddRange(node.Attributes);
        _graph.Nodes.Add(conv);
    }

    /// <summary>Symmetric int8 per channel: scale = max|w| / 127 over the channel, zero point 0.</summary>
    internal static (sbyte[] Values, float[] Scales) QuantizePerChannel(float[] w, int outer, int inner, bool channelIsColumn)
    {
        int channels = channelIsColumn ? inner : outer;
        var scales = new float[channels];
        for (int i = 0; i < outer; i++)
            for (int j = 0; j < inner; j++)
            {
                int c = channelIsColumn ? j : i;
                scales[c] = Math.Max(scales[c], Math.Abs(w[i * inner + j]));
            }
        for (int c = 0; c < channels; c++) scales[c] = scales[c] > 0 ? scales[c] / 127f : 1f;
        var q = new sbyte[w.Length];
        for (int i = 0; i < outer; i++)
            for (int j = 0; j < inner; j++)
            {
                float s = scales[channelIsColumn ? j : i];
                q[i * inner + j] = (sbyte)Math.Clamp(MathF.Round(w[i * inner + j] / s, MidpointRounding.ToEven), -127, 127);
            }
        return (q, scales);
    }

    private string QuantizedActivation(string value)
    {
        if (_quantizedActivations.TryGetValue(value, out string? q)) return q;
        (string s, string z) = ActivationParams(value);
        q = Name("xq");
        Add("QuantizeLinear", [value, s, z], q);
        _quantizedActivations[value] = q;
        return q;
    }

    private (string Scale, string Zero) ActivationParams(string value)
    {
        if (_activationParams.TryGetValue(value, out var p)) return p;
        (float scale, byte zero) = _ranges[value].UInt8Parameters();
        p = (FloatInit([scale], []), ByteInit(zero));
        _activationParams[value] = p;
        return p;
    }

    private OnnxNode Add(string op, string[] inputs, string output)
    {
        var n = new OnnxNode { OpType = op, Name = Name(op) };
        n.Inputs.AddRange(inputs);
        n.Outputs.Add(output);
        _graph.Nodes.Add(n);
        return n;
    }

    private string Name(string prefix) => $"ptq_{prefix}_{_counter++}";

    private static float[] Floats(OnnxTensorProto t)
    {
        using Tensor tensor = t.ToTensor();
        return tensor.Span<float>().ToArray();
    }

    private string FloatInit(float[] values, int[] dims)
    {
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return Init(TensorDataType.Float, bytes, dims);
    }

    private string Int8(sbyte[] values, int[] dims)
    {
        var bytes = new byte[values.Length];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return Init(TensorDataType.Int8, bytes, dims);
    }

    private string ByteInit(byte value) => Init(TensorDataType.UInt8, [value], []);

    private string Init(TensorDataType type, byte[] raw, int[] dims)
    {
        string name = Name("init");
        var t = new OnnxTensorProto { Name = name, DataType = type, RawData = raw };
        foreach (int d in dims) t.Dims.Add(d);
        NewInitializers.Add(t);
        return name;
    }
}
