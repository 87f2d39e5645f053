using System.Diagnostics;
using System.Text;
using XairrosX.AI.Onnx;
using XairrosX.AI.Quantization;
using XairrosX.AI.Runtime;
using XairrosX.AI.Tensors;

namespace XairrosX.AI.Service;

/// <summary>A request the service cannot serve (unknown name, duplicate name, bad input); the message is shell-ready.</summary>
public sealed class ModelServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelServiceException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public ModelServiceException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// Named models for the kernel shell (<c>ai load/list/info/run/bench/quantize/unload</c>) and for
/// kernel threads. Bytes come from the caller (initrd, disk); the service does no I/O. Each model
/// has its own session and lock, so different models can serve different threads at once.
/// </summary>
public sealed class ModelService : IDisposable
{
    private const int RememberedInputs = 16;

    private sealed class Entry(string name, InferenceSession session, long bytes)
    {
        public string Name { get; } = name;
        public InferenceSession Session { get; } = session;
        public long ModelBytes { get; } = bytes;
        public object Gate { get; } = new();
        public List<Tensor[]> RecentInputs { get; } = new();
    }

    private readonly Dictionary<string, Entry> _models = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Loaded model names, sorted.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_gate)
            {
                var names = new List<string>(_models.Keys);
                names.Sort(StringComparer.Ordinal);
                return names;
            }
        }
    }

    /// <summary>Parses and prepares a model under <paramref name="name"/>.</summary>
    /// <exception cref="ModelServiceException">Name in use, or the model is invalid (message says why).</exception>
    public ModelInfo Load(string name, ReadOnlySpan<byte> modelBytes)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ModelServiceException("model name is empty");
        lock (_gate) if (_models.ContainsKey(name)) throw new ModelServiceException($"model '{name}' is already loaded; unload it first");
        InferenceSession session;
        try
        {
            session = InferenceSession.Load(modelBytes);
        }
        catch (Exception e) when (e is OnnxFormatException or OnnxNotSupportedException or OnnxModelException)
        {
            throw new ModelServiceException($"cannot load '{name}': {e.Message}", e);
        }
        var entry = new Entry(name, session, modelBytes.Length);
        lock (_gate)
        {
            if (!_models.TryAdd(name, entry))
            {
                session.Dispose();
                throw new ModelServiceException($"model '{name}' is already loaded; unload it first");
            }
        }
        return Info(name);
    }

    /// <summary>Unloads a model and frees its memory; false if no such model.</summary>
    public bool Unload(string name)
    {
        Entry? entry;
        lock (_gate)
        {
            if (!_models.Remove(name, out entry)) return false;
        }
        lock (entry.Gate)
        {
            entry.Session.Dispose();
            foreach (Tensor[] set in entry.RecentInputs) foreach (Tensor t in set) t.Dispose();
        }
        return true;
    }

    /// <summary>Info of every loaded model.</summary>
    public IReadOnlyList<ModelInfo> List()
    {
        var list = new List<ModelInfo>();
        foreach (string n in Names) list.Add(Info(n));
        return list;
    }

    /// <summary>Inputs, outputs, operators and memory of a model.</summary>
    public ModelInfo Info(string name)
    {
        Entry e = Get(name);
        lock (e.Gate)
        {
            InferenceSession s = e.Session;
            var inputs = new List<string>();
            foreach (OnnxValueInfo v in s.Inputs) inputs.Add(ModelInfo.Describe(v));
            var outputs = new List<string>();
            foreach (OnnxValueInfo v in s.Outputs) outputs.Add(ModelInfo.Describe(v));
            return new ModelInfo(name, s.Model.DefaultOpset, inputs, outputs, s.OperatorTypes, s.NodeCount, e.ModelBytes, s.WeightBytes, s.ArenaBytes, s.ScratchBytes);
        }
    }

    /// <summary>Runs a model and returns copies of its outputs (the caller owns them).</summary>
    public Tensor[] Run(string name, IReadOnlyList<Tensor> inputs)
    {
        Entry e = Get(name);
        lock (e.Gate)
        {
            Tensor[] outputs = RunLocked(e, inputs);
            Remember(e, inputs);
            return outputs;
        }
    }

    /// <summary>Runs with inputs given as serialized TensorProtos (<c>input_0.pb</c> …) and returns the formatted outputs.</summary>
    public string RunFormatted(string name, IReadOnlyList<byte[]> inputProtos, int maxValues = TensorFormatter.DefaultMaxValues)
    {
        var inputs = new List<Tensor>();
        try
        {
            for (int i = 0; i < inputProtos.Count; i++)
            {
                try
                {
                    inputs.Add(OnnxTensorProto.Parse(inputProtos[i]).ToTensor());
                }
                catch (Exception ex) when (ex is OnnxFormatException or OnnxNotSupportedException)
                {
                    throw new ModelServiceException($"input {i}: {ex.Message}", ex);
                }
            }
            Tensor[] outputs = Run(name, inputs);
            Entry e = Get(name);
            var sb = new StringBuilder();
            for (int i = 0; i < outputs.Length; i++)
            {
                if (i > 0) sb.Append('\n');
                sb.Append(TensorFormatter.Format(outputs[i], e.Session.Outputs[i].Name, maxValues));
                outputs[i].Dispose();
            }
            return sb.ToString();
        }
        finally
        {
            foreach (Tensor t in inputs) t.Dispose();
        }
    }

    /// <summary>
    /// Times <paramref name="iterations"/> runs (after one warm-up) on the model's most recent
    /// inputs, or on zero tensors of the declared shapes (unknown dimensions as 1).
    /// </summary>
    public BenchResult Bench(string name, int iterations = 100)
    {
        if (iterations <= 0) throw new ModelServiceException("iterations must be positive");
        Entry e = Get(name);
        lock (e.Gate)
        {
            bool synthetic = e.RecentInputs.Count == 0;
            Tensor[] inputs = synthetic ? SyntheticInputs(e.Session, null) : e.RecentInputs[^1];
            RunLocked(e, inputs, copy: false);
            var samples = new double[iterations];
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < iterations; i++)
            {
                long t0 = Stopwatch.GetTimestamp();
                e.Session.Run(inputs);
                samples[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }
            double total = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (synthetic) foreach (Tensor t in inputs) t.Dispose();
            Array.Sort(samples);
            double mean = 0;
            foreach (double s in samples) mean += s;
            return new BenchResult(iterations, Percentile(samples, 0.50), Percentile(samples, 0.99), mean / iterations, iterations / Math.Max(total, 1e-12));
        }
    }

    /// <summary>
    /// Post-training int8 quantization of <paramref name="name"/> into a new model <paramref name="newName"/>,
    /// calibrated on the model's recent run inputs (random [0,1) inputs if it never ran).
    /// Returns the new model's info and the output difference against fp32 on the calibration inputs.
    /// </summary>
    public (ModelInfo Info, QuantizationReport Report) Quantize(string name, string newName)
    {
        Entry e = Get(name);
        byte[] bytes;
        var calibration = new List<IReadOnlyList<Tensor>>();
        lock (e.Gate)
        {
            if (e.RecentInputs.Count > 0) foreach (Tensor[] set in e.RecentInputs) calibration.Add(set);
            else
            {
                var rng = new Random(1);
                for (int i = 0; i < 8; i++) calibration.Add(SyntheticInputs(e.Session, rng));
            }
            try
            {
                bytes = OnnxWriter.Serialize(PostTrainingQuantizer.Quantize(e.Session.Model, calibration));
            }
            catch (Exception ex) when (ex is OnnxModelException or OnnxNotSupportedException or ArgumentException)
            {
                throw new ModelServiceException($"cannot quantize '{name}': {ex.Message}", ex);
            }
        }
        Load(newName, bytes);
        Entry q = Get(newName);
        QuantizationReport report;
        lock (e.Gate) lock (q.Gate) report = QuantizationReport.Compare(e.Session, q.Session, calibration);
        return (Info(newName), report);
    }

    private static Tensor[] RunLocked(Entry e, IReadOnlyList<Tensor> inputs, bool copy = true)
    {
        try
        {
            return copy ? e.Session.RunAndCopy(inputs) : e.Session.Run(inputs);
        }
        catch (Exception ex) when (ex is OnnxModelException or OnnxNotSupportedException or ArgumentException)
        {
            throw new ModelServiceException($"{e.Name}: {ex.Message}", ex);
        }
    }

    private static void Remember(Entry e, IReadOnlyList<Tensor> inputs)
    {
        var copy = new Tensor[inputs.Count];
        for (int i = 0; i < copy.Length; i++) copy[i] = inputs[i].Clone();
        e.RecentInputs.Add(copy);
        if (e.RecentInputs.Count > RememberedInputs)
        {
            foreach (Tensor t in e.RecentInputs[0]) t.Dispose();
            e.RecentInputs.RemoveAt(0);
        }
    }

    private static Tensor[] SyntheticInputs(InferenceSession s, Random? rng)
    {
        var inputs = new Tensor[s.Inputs.Count];
        for (int i = 0; i < inputs.Length; i++)
        {
            OnnxValueInfo v = s.Inputs[i];
            long[] dims = v.Dims ?? [];
            var shape = new int[dims.Length];
            for (int d = 0; d < shape.Length; d++) shape[d] = dims[d] > 0 ? (int)dims[d] : 1;
            if (!TensorDataTypes.IsSupported(v.ElementType)) throw new ModelServiceException($"input '{v.Name}' has unsupported type {TensorDataTypes.Name(v.ElementType)}");
            Tensor t = Tensor.Create(v.ElementType, shape);
            if (rng != null && t.DataType == TensorDataType.Float)
            {
                Span<float> data = t.Span<float>();
                for (int k = 0; k < data.Length; k++) data[k] = (float)rng.NextDouble();
            }
            inputs[i] = t;
        }
        return inputs;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private Entry Get(string name)
    {
        lock (_gate)
        {
            if (_models.TryGetValue(name, out Entry? e)) return e;
        }
        throw new ModelServiceException($"no model named '{name}' is loaded");
    }

    /// <summary>Unloads every model.</summary>
    public void Dispose()
    {
        foreach (string n in Names) Unload(n);
    }
}
