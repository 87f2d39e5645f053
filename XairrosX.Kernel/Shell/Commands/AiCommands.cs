using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using XairrosX.AI.Quantization;
using XairrosX.AI.Service;
using XairrosX.Plugs.Memory;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// ai load/list/info/run/bench/unload/quantize: the kernel's model service (XairrosX.AI's ModelService) with
/// model and input files read through System.IO from the VFS (the initrd's /models, or /tmp).
/// </summary>
internal static class AiCommands
{
    private static readonly ModelService s_service = new();
    // Load time per model until its first run, for the start-up figure (load → first result).
    private static readonly Dictionary<string, double> s_loadMilliseconds = new(StringComparer.Ordinal);

    /// <summary>The service the shell drives (also what kernel code would call).</summary>
    public static ModelService Service => s_service;

    public static IEnumerable<ShellCommand> All() =>
    [
        new("ai", "<load|list|info|run|bench|unload|quantize> …", "ONNX model service (ai help for details)", Run),
    ];

    private const string Usage = "usage: ai load <name> <path> | ai list | ai info <name> | ai run <name> <input.pb>… | ai bench <name> [iterations] | ai unload <name> | ai quantize <name> <newname>";

    private static int Run(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count == 0) return c.Error(Usage);
        try
        {
            return a[0] switch
            {
                "load" when a.Count == 3 => Load(c, a[1], a[2]),
                "list" when a.Count == 1 => List(c),
                "info" when a.Count == 2 => Info(c, a[1]),
                "run" when a.Count >= 3 => RunModel(c, a),
                "bench" when a.Count is 2 or 3 => Bench(c, a),
                "unload" when a.Count == 2 => s_service.Unload(a[1]) ? Say(c, $"unloaded {a[1]}") : c.Error($"ai: no model named '{a[1]}' is loaded"),
                "quantize" when a.Count == 3 => Quantize(c, a[1], a[2]),
                "help" => Say(c, Usage),
                _ => c.Error(Usage),
            };
        }
        catch (ModelServiceException e)
        {
            return c.Error("ai: " + e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return c.Error("ai: " + e.Message);
        }
    }

    private static int Say(ShellContext c, string text)
    {
        c.Out.WriteLine(text);
        return 0;
    }

    private static int Load(ShellContext c, string name, string path)
    {
        byte[] bytes = File.ReadAllBytes(FileCommands.FullPath(path));
        long start = Stopwatch.GetTimestamp();
        ModelInfo info = s_service.Load(name, bytes);
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        s_loadMilliseconds[name] = ms;
        c.Out.WriteLine($"loaded {name}: {bytes.Length} bytes, opset {info.Opset}, {info.NodeCount} nodes, {info.WeightBytes} bytes of weights, in {Ms(ms)} ms");
        return 0;
    }

    private static int List(ShellContext c)
    {
        IReadOnlyList<ModelInfo> models = s_service.List();
        if (models.Count == 0) return Say(c, "no models loaded");
        foreach (ModelInfo m in models)
            c.Out.WriteLine($"{m.Name}: opset {m.Opset}, {m.NodeCount} nodes, inputs {string.Join(" ", m.Inputs)}, outputs {string.Join(" ", m.Outputs)}");
        return 0;
    }

    private static int Info(ShellContext c, string name) => Say(c, s_service.Info(name).ToString());

    private static int RunModel(ShellContext c, IReadOnlyList<string> a)
    {
        var inputs = new List<byte[]>();
        for (int i = 2; i < a.Count; i++) inputs.Add(File.ReadAllBytes(FileCommands.FullPath(a[i])));
        long start = Stopwatch.GetTimestamp();
        string text = s_service.RunFormatted(a[1], inputs);
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        c.Out.WriteLine(text);
        if (s_loadMilliseconds.Remove(a[1], out double loadMs))
            c.Out.WriteLine($"run: {Ms(ms)} ms (first run: shape inference and memory plan included); start-up load -> first result {Ms(loadMs + ms)} ms");
        else c.Out.WriteLine($"run: {Ms(ms)} ms");
        return 0;
    }

    private static int Bench(ShellContext c, IReadOnlyList<string> a)
    {
        int iterations = 100;
        if (a.Count == 3 && (!int.TryParse(a[2], out iterations) || iterations <= 0 || iterations > 1_000_000))
            return c.Error("ai bench: iterations must be a number from 1 to 1000000");
        ulong allocatedBefore = ManagedHeap.AllocatedBytes;
        BenchResult result = s_service.Bench(a[1], iterations);
        ulong allocated = ManagedHeap.AllocatedBytes - allocatedBefore;
        c.Out.WriteLine($"{a[1]}: {result}");
        c.Out.WriteLine($"managed allocation: {allocated / (ulong)(iterations + 1)} bytes per inference");
        return 0;
    }

    private static int Quantize(ShellContext c, string name, string newName)
    {
        (ModelInfo info, QuantizationReport report) = s_service.Quantize(name, newName);
        c.Out.WriteLine($"quantized {name} -> {newName}: {info.NodeCount} nodes, ops {string.Join(", ", info.Operators)}");
        c.Out.WriteLine($"int8 vs fp32: {report}");
        return 0;
    }

    private static string Ms(double ms) => ms.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
