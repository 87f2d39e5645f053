using XairrosX.AI.Onnx;
using XairrosX.AI.Runtime.Operators;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Runtime;

/// <summary>
/// The model graph resolved to integer value ids: constants decoded, Constant nodes folded,
/// each remaining node bound to an <see cref="Operator"/>. Independent of input shapes.
/// </summary>
internal sealed class SessionGraph : IDisposable
{
    public SessionGraph(OnnxModel model)
    {
        int opset = model.DefaultOpset;
        var index = new Dictionary<string, int>();
        var names = new List<string>();
        int Id(string name)
        {
            if (!index.TryGetValue(name, out int id))
            {
                id = names.Count;
                index[name] = id;
                names.Add(name);
            }
            return id;
        }

        var constants = new Dictionary<int, Tensor>();
        foreach (OnnxTensorProto init in model.Graph.Initializers)
        {
            if (init.Name.Length == 0) throw new OnnxFormatException("an initializer has no name");
            int id = Id(init.Name);
            if (!constants.TryAdd(id, init.ToTensor())) throw new OnnxFormatException($"initializer '{init.Name}' is defined twice");
        }

        var inputs = new List<int>();
        var inputInfos = new List<OnnxValueInfo>();
        foreach (OnnxValueInfo vi in model.Graph.Inputs)
        {
            int id = Id(vi.Name);
            if (constants.ContainsKey(id)) continue;
            inputs.Add(id);
            inputInfos.Add(vi);
        }

        var ops = new List<Operator>();
        var nodeInputs = new List<int[]>();
        var nodeOutputs = new List<int[]>();
        foreach (OnnxNode node in TopologicalOrder(model.Graph))
        {
            if (node.Domain.Length > 0 && node.Domain != "ai.onnx")
                throw new OnnxNotSupportedException($"{node.Describe()}: operator domain '{node.Domain}' is not supported");
            if (node.OpType == "Constant")
            {
                if (node.Outputs.Count != 1) throw new OnnxModelException($"{node.Describe()}: needs exactly one output");
                int id = Id(node.Outputs[0]);
                if (!constants.TryAdd(id, ConstantValue.FromNode(node))) throw new OnnxModelException($"{node.Describe()}: output '{node.Outputs[0]}' is defined twice");
                continue;
            }
            if (ConstantFolder.AllInputsConstant(node, name => index.TryGetValue(name, out int c) && constants.ContainsKey(c)))
            {
                // Evaluated once at load: weight reshapes, DequantizeLinear of int8 weights, …
                var constInputs = new Tensor?[node.Inputs.Count];
                for (int i = 0; i < constInputs.Length; i++) constInputs[i] = node.Inputs[i].Length > 0 ? constants[index[node.Inputs[i]]] : null;
                Tensor?[] folded = ConstantFolder.Evaluate(node, opset, constInputs);
                for (int o = 0; o < folded.Length; o++)
                    if (folded[o] is Tensor t && !constants.TryAdd(Id(node.Outputs[o]), t))
                        throw new OnnxModelException($"{node.Describe()}: output '{node.Outputs[o]}' is defined twice");
                continue;
            }
            ops.Add(OperatorRegistry.Create(node, opset));
            var ins = new int[node.Inputs.Count];
            for (int i = 0; i < ins.Length; i++) ins[i] = node.Inputs[i].Length == 0 ? -1 : Id(node.Inputs[i]);
            var outs = new int[node.Outputs.Count];
            for (int i = 0; i < outs.Length; i++) outs[i] = node.Outputs[i].Length == 0 ? -1 : Id(node.Outputs[i]);
            nodeInputs.Add(ins);
            nodeOutputs.Add(outs);
        }

        var outputs = new List<int>();
        foreach (OnnxValueInfo vi in model.Graph.Outputs) outputs.Add(Id(vi.Name));

        ValueNames = names.ToArray();
        Constants = new Tensor?[names.Count];
        foreach (KeyValuePair<int, Tensor> kv in constants) Constants[kv.Key] = kv.Value;
        InputIndices = inputs.ToArray();
        InputInfos = inputInfos.ToArray();
        OutputIndices = outputs.ToArray();
        OutputInfos = model.Graph.Outputs.ToArray();
        Operators = ops.ToArray();
        NodeInputs = nodeInputs.ToArray();
        NodeOutputs = nodeOutputs.ToArray();
        Opset = opset;
    }

    /// <summary>
    /// Nodes in dependency order. ONNX requires graphs to be sorted already, but some exporters
    /// write them reversed; a stable Kahn sort accepts those and still keeps sorted graphs unchanged.
    /// </summary>
    private static List<OnnxNode> TopologicalOrder(OnnxGraph graph)
    {
        var producedBy = new Dictionary<string, int>();
        for (int n = 0; n < graph.Nodes.Count; n++)
            foreach (string o in graph.Nodes[n].Outputs)
                if (o.Length > 0 && !producedBy.TryAdd(o, n))
                    throw new OnnxModelException($"value '{o}' is produced by more than one node");
        var order = new List<OnnxNode>(graph.Nodes.Count);
        var state = new byte[graph.Nodes.Count]; // 0 new, 1 visiting, 2 done
        var stack = new Stack<(int Node, int NextInput)>();
        for (int start = 0; start < graph.Nodes.Count; start++)
        {
            if (state[start] != 0) continue;
            stack.Push((start, 0));
            state[start] = 1;
            while (stack.Count > 0)
            {
                (int n, int next) = stack.Pop();
                List<string> inputs = graph.Nodes[n].Inputs;
                if (next < inputs.Count)
                {
                    stack.Push((n, next + 1));
                    if (producedBy.TryGetValue(inputs[next], out int dep))
                    {
                        if (state[dep] == 1) throw new OnnxModelException($"{graph.Nodes[n].Describe()}: the graph has a cycle through '{inputs[next]}'");
                        if (state[dep] == 0)
                        {
                            state[dep] = 1;
                            stack.Push((dep, 0));
                        }
                    }
                    continue;
                }
                state[n] = 2;
                order.Add(graph.Nodes[n]);
            }
        }
        return order;
    }

    public string[] ValueNames { get; }
    public Tensor?[] Constants { get; }
    public int[] InputIndices { get; }
    public OnnxValueInfo[] InputInfos { get; }
    public int[] OutputIndices { get; }
    public OnnxValueInfo[] OutputInfos { get; }
    public Operator[] Operators { get; }
    public int[][] NodeInputs { get; }
    public int[][] NodeOutputs { get; }
    public int Opset { get; }

    public long ConstantBytes
    {
        get
        {
            long total = 0;
            foreach (Tensor? t in Constants) total += t?.ByteLength ?? 0;
            return total;
        }
    }

    public void Dispose()
    {
        foreach (Tensor? t in Constants) t?.Dispose();
    }
}
