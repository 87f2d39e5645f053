using XairrosX.AI.Kernels;
using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime;

/// <summary>
/// Runs an ONNX model. Loading validates every node; the first <see cref="Run"/> for a given set of
/// input shapes infers all shapes and lays out one arena; later runs with the same shapes allocate
/// nothing but the small output array. Not thread-safe: one session per thread.
/// </summary>
public sealed class InferenceSession : IDisposable
{
    private readonly SessionGraph _graph;
    private readonly GemmWorkspace _gemm = new();
    private ExecutionPlan? _plan;
    private OpContext? _context;
    private long[]? _nodeTicks;

    /// <summary>Parses and prepares a model from its serialized bytes.</summary>
    /// <exception cref="OnnxFormatException">Corrupt or truncated bytes.</exception>
    /// <exception cref="OnnxNotSupportedException">Unsupported operator, type or attribute.</exception>
    /// <exception cref="OnnxModelException">Inconsistent graph.</exception>
    public static InferenceSession Load(ReadOnlySpan<byte> modelBytes) => new(OnnxParser.ParseModel(modelBytes));

    /// <summary>Prepares an already parsed model.</summary>
    public InferenceSession(OnnxModel model)
    {
        Model = model;
        _graph = new SessionGraph(model);
    }

    /// <summary>The parsed model.</summary>
    public OnnxModel Model { get; }

    /// <summary>Inputs to feed, in order (initializers excluded).</summary>
    public IReadOnlyList<OnnxValueInfo> Inputs => _graph.InputInfos;

    /// <summary>Outputs returned by <see cref="Run"/>, in order.</summary>
    public IReadOnlyList<OnnxValueInfo> Outputs => _graph.OutputInfos;

    /// <summary>Distinct operator types used, in first-use order.</summary>
    public IReadOnlyList<string> OperatorTypes
    {
        get
        {
            var list = new List<string>();
            foreach (Operator op in _graph.Operators) if (!list.Contains(op.Node.OpType)) list.Add(op.Node.OpType);
            return list;
        }
    }

    /// <summary>Number of nodes executed per run.</summary>
    public int NodeCount => _graph.Operators.Length;

    /// <summary>Bytes of weights and constants.</summary>
    public long WeightBytes => _graph.ConstantBytes;

    /// <summary>Bytes of the activation arena of the current plan (0 before the first run).</summary>
    public long ArenaBytes => _plan?.Memory.TotalBytes ?? 0;

    /// <summary>Bytes the activations would take without buffer reuse (0 before the first run).</summary>
    public long UnplannedBytes => _plan?.Memory.UnplannedBytes ?? 0;

    /// <summary>Bytes of scratch (im2col, GEMM packing) currently held.</summary>
    public long ScratchBytes => (_plan?.Scratch?.ByteLength ?? 0) + _gemm.ByteLength;

    /// <summary>
    /// Runs the model. The returned tensors are views into the session's arena: valid until the
    /// next run or disposal (Clone them to keep them).
    /// </summary>
    /// <exception cref="ArgumentException">Wrong number or types of inputs.</exception>
    /// <exception cref="OnnxModelException">A node rejected the input shapes.</exception>
    public Tensor[] Run(IReadOnlyList<Tensor> inputs)
    {
        ValidateInputs(inputs);
        if (_plan == null || !_plan.Matches(inputs))
        {
            _plan?.Dispose();
            _plan = null;
            _plan = ExecutionPlan.Build(_graph, inputs);
            _context = new OpContext(_plan.Values, _gemm) { Scratch = _plan.Scratch };
        }
        Tensor?[] values = _plan.Values;
        for (int i = 0; i < inputs.Count; i++) values[_graph.InputIndices[i]] = inputs[i].Contiguous();
        OpContext ctx = _context!;
        Operator[] ops = _graph.Operators;
        long[]? ticks = _nodeTicks;
        for (int n = 0; n < ops.Length; n++)
        {
            ctx.Bind(_graph.NodeInputs[n], _graph.NodeOutputs[n]);
            try
            {
                long start = ticks != null ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
                ops[n].Execute(ctx);
                if (ticks != null) ticks[n] += System.Diagnostics.Stopwatch.GetTimestamp() - start;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
            {
                throw new OnnxModelException($"{ops[n].Node.Describe()}: {e.Message}", e);
            }
        }
        var outputs = new Tensor[_graph.OutputIndices.Length];
        for (int i = 0; i < outputs.Length; i++) outputs[i] = values[_graph.OutputIndices[i]]!;
        return outputs;
    }

    /// <summary>When true, <see cref="Run"/> accumulates the time spent in each node (see <see cref="NodeProfile"/>).</summary>
    public bool Profiling
    {
        get => _nodeTicks != null;
        set => _nodeTicks = value ? new long[_graph.Operators.Length] : null;
    }

    /// <summary>Accumulated time per node since profiling was enabled: (node description, milliseconds).</summary>
    public IReadOnlyList<(string Node, double Milliseconds)> NodeProfile
    {
        get
        {
            var list = new List<(string, double)>();
            if (_nodeTicks == null) return list;
            for (int n = 0; n < _nodeTicks.Length; n++)
                list.Add((_graph.Operators[n].Node.Describe(), _nodeTicks[n] * 1000.0 / System.Diagnostics.Stopwatch.Frequency));
            return list;
        }
    }

    /// <summary>Runs and returns copies the caller owns.</summary>
    public Tensor[] RunAndCopy(IReadOnlyList<Tensor> inputs)
    {
        Tensor[] outputs = Run(inputs);
        var copies = new Tensor[outputs.Length];
        for (int i = 0; i < outputs.Length; i++) copies[i] = outputs[i].Clone();
        return copies;
    }

    private void ValidateInputs(IReadOnlyList<Tensor> inputs)
    {
        if (inputs.Count != _graph.InputIndices.Length)
            throw new ArgumentException($"model expects {_graph.InputIndices.Length} inputs, got {inputs.Count}");
        for (int i = 0; i < inputs.Count; i++)
        {
            OnnxValueInfo info = _graph.InputInfos[i];
            if (info.ElementType != TensorDataType.Undefined && info.ElementType != inputs[i].DataType)
                throw new ArgumentException($"input '{info.Name}' must be {TensorDataTypes.Name(info.ElementType)}, got {TensorDataTypes.Name(inputs[i].DataType)}");
            if (info.Dims is long[] dims && dims.Length != inputs[i].Rank)
                throw new ArgumentException($"input '{info.Name}' must have rank {dims.Length}, got shape {TensorShape.Format(inputs[i].Shape)}");
            if (info.Dims is long[] fixedDims)
                for (int d = 0; d < fixedDims.Length; d++)
                    if (fixedDims[d] >= 0 && fixedDims[d] != inputs[i].Shape[d] && info.DimParams?[d] == null)
                        throw new ArgumentException($"input '{info.Name}' must have shape compatible with declared dimension {d} = {fixedDims[d]}, got {TensorShape.Format(inputs[i].Shape)}");
        }
    }

    /// <summary>Frees the arena, scratch and weights.</summary>
    public void Dispose()
    {
        _plan?.Dispose();
        _plan = null;
        _gemm.Dispose();
        _graph.Dispose();
    }
}
