using XairrosX.AI.Onnx;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime;

/// <summary>
/// Everything fixed for one set of input shapes: inferred types and shapes of all values, the
/// memory plan, and the arena tensors each node writes. Rebuilt only when input shapes change
/// (or, for value-dependent shapes such as a Reshape fed by a graph input, when those values change).
/// </summary>
internal sealed class ExecutionPlan : IDisposable
{
    private readonly int[][] _inputShapes;
    private readonly TensorDataType[] _inputTypes;
    private readonly byte[]?[] _inputValues;

    private ExecutionPlan(int[][] inputShapes, TensorDataType[] inputTypes, byte[]?[] inputValues, Tensor?[] values, ValueType[] types, TensorArena arena, MemoryPlan memory, NativeBuffer? scratch)
    {
        _inputShapes = inputShapes;
        _inputTypes = inputTypes;
        _inputValues = inputValues;
        Values = values;
        Types = types;
        Arena = arena;
        Memory = memory;
        Scratch = scratch;
    }

    public Tensor?[] Values { get; }
    public ValueType[] Types { get; }
    public TensorArena Arena { get; }
    public MemoryPlan Memory { get; }
    public NativeBuffer? Scratch { get; }

    public bool Matches(IReadOnlyList<Tensor> inputs)
    {
        for (int i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].DataType != _inputTypes[i] || !inputs[i].Shape.SequenceEqual(_inputShapes[i])) return false;
            byte[]? v = _inputValues[i];
            if (v != null && !inputs[i].Contiguous().Bytes().SequenceEqual(v)) return false;
        }
        return true;
    }

    public static ExecutionPlan Build(SessionGraph g, IReadOnlyList<Tensor> inputs)
    {
        int valueCount = g.ValueNames.Length;
        var types = new ValueType?[valueCount];
        for (int v = 0; v < valueCount; v++)
            if (g.Constants[v] is Tensor c) types[v] = new ValueType { DataType = c.DataType, Shape = c.Shape.ToArray(), Value = c };
        for (int i = 0; i < inputs.Count; i++)
        {
            Tensor t = inputs[i];
            // Int64 inputs may decide shapes (Reshape); their values are visible to inference.
            types[g.InputIndices[i]] = new ValueType { DataType = t.DataType, Shape = t.Shape.ToArray(), Value = t.DataType == TensorDataType.Int64 ? t.Contiguous() : null };
        }

        bool readRuntimeValues = false;
        var lastUse = new int[valueCount];
        var producer = new int[valueCount];
        Array.Fill(producer, -1);
        long scratch = 0;
        for (int n = 0; n < g.Operators.Length; n++)
        {
            Operator op = g.Operators[n];
            int[] ins = g.NodeInputs[n];
            var inputTypes = new ValueType?[ins.Length];
            for (int i = 0; i < ins.Length; i++)
            {
                if (ins[i] < 0) continue;
                inputTypes[i] = types[ins[i]] ?? throw new OnnxModelException($"{op.Node.Describe()}: input '{g.ValueNames[ins[i]]}' is not produced by any earlier node");
                lastUse[ins[i]] = n;
            }
            var ctx = new ShapeContext(op.Node, op.Opset, inputTypes, g.NodeOutputs[n].Length);
            try
            {
                op.InferShapes(ctx);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException)
            {
                throw new OnnxModelException($"{op.Node.Describe()}: {e.Message}", e);
            }
            readRuntimeValues |= ctx.ReadRuntimeValue;
            scratch = Math.Max(scratch, ctx.ScratchBytes);
            int[] outs = g.NodeOutputs[n];
            for (int o = 0; o < outs.Length; o++)
            {
                if (outs[o] < 0) continue;
                types[outs[o]] = ctx.Output(o);
                producer[outs[o]] = n;
                lastUse[outs[o]] = Math.Max(lastUse[outs[o]], n);
            }
        }
        foreach (int o in g.OutputIndices)
        {
            if (types[o] == null) throw new OnnxModelException($"graph output '{g.ValueNames[o]}' is never produced");
            lastUse[o] = g.Operators.Length;
        }

        // Views share their source's buffer, so the source must live as long as the view.
        var root = new int[valueCount];
        for (int v = 0; v < valueCount; v++) root[v] = v;
        for (int n = 0; n < g.Operators.Length; n++)
            if (g.Operators[n].OutputIsViewOfInput && g.NodeOutputs[n][0] >= 0)
                root[g.NodeOutputs[n][0]] = root[g.NodeInputs[n][0]];
        for (int v = valueCount - 1; v >= 0; v--)
            if (root[v] != v) lastUse[root[v]] = Math.Max(lastUse[root[v]], lastUse[v]);

        var planned = new List<int>();
        var lifetimes = new List<BufferLifetime>();
        for (int v = 0; v < valueCount; v++)
        {
            if (producer[v] < 0 || root[v] != v || types[v] == null) continue;
            ValueType t = types[v]!;
            planned.Add(v);
            lifetimes.Add(new BufferLifetime((long)TensorShape.ElementCount(t.Shape) * TensorDataTypes.ElementSize(t.DataType), producer[v], lastUse[v]));
        }
        MemoryPlan memory = MemoryPlan.Create(lifetimes.ToArray());
        var arena = new TensorArena(memory.TotalBytes);
        var values = new Tensor?[valueCount];
        for (int v = 0; v < valueCount; v++) values[v] = g.Constants[v];
        for (int i = 0; i < planned.Count; i++)
        {
            int v = planned[i];
            values[v] = arena.TensorAt(memory.Offsets[i], types[v]!.DataType, types[v]!.Shape);
        }

        var shapes = new int[inputs.Count][];
        var planInputTypes = new TensorDataType[inputs.Count];
        var inputValues = new byte[]?[inputs.Count];
        for (int i = 0; i < inputs.Count; i++)
        {
            shapes[i] = inputs[i].Shape.ToArray();
            planInputTypes[i] = inputs[i].DataType;
            if (readRuntimeValues && inputs[i].DataType == TensorDataType.Int64) inputValues[i] = inputs[i].Contiguous().Bytes().ToArray();
        }
        var finalTypes = new ValueType[valueCount];
        for (int v = 0; v < valueCount; v++) finalTypes[v] = types[v] ?? new ValueType();
        NativeBuffer? scratchBuffer = scratch > 0 ? new NativeBuffer(scratch) : null;
        return new ExecutionPlan(shapes, planInputTypes, inputValues, values, finalTypes, arena, memory, scratchBuffer);
    }

    public void Dispose()
    {
        Arena.Dispose();
        Scratch?.Dispose();
    }
}
