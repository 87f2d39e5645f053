using System.Globalization;
using System.Text;

namespace XairrosX.AI.Service;

/// <summary>
/// The kernel shell's <c>ai</c> command on top of <see cref="ModelService"/>: parses the arguments,
/// calls the service and returns the text to print. Files are read through the caller's delegate
/// (initrd, disk), so this stays free of I/O and runs the same on the host.
/// </summary>
public static class AiShellCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage =
        "usage: ai load <name> <path> | ai list | ai info <name> | ai run <name> <input.pb>... |\n" +
        "       ai bench <name> [iterations] | ai quantize <name> <newname> | ai unload <name>";

    /// <summary>
    /// Runs one <c>ai</c> command. <paramref name="args"/> excludes the word "ai". User errors come
    /// back as text starting with "ai: "; nothing is thrown for them.
    /// </summary>
    public static string Execute(ModelService service, IReadOnlyList<string> args, Func<string, byte[]> readFile)
    {
        if (args.Count == 0) return Usage;
        try
        {
            switch (args[0])
            {
                case "load" when args.Count == 3:
                    {
                        byte[] bytes = Read(readFile, args[2]);
                        ModelInfo info = service.Load(args[1], bytes);
                        return $"loaded {info.Name}: {info.NodeCount} nodes, {string.Join(", ", info.Inputs)} -> {string.Join(", ", info.Outputs)}";
                    }
                case "list" when args.Count == 1:
                    {
                        IReadOnlyList<ModelInfo> models = service.List();
                        if (models.Count == 0) return "no models loaded";
                        var sb = new StringBuilder();
                        foreach (ModelInfo m in models)
                        {
                            if (sb.Length > 0) sb.Append('\n');
                            sb.Append(m.Name).Append("  ").Append(m.NodeCount).Append(" nodes  ")
                              .Append(string.Join(", ", m.Inputs)).Append(" -> ").Append(string.Join(", ", m.Outputs));
                        }
                        return sb.ToString();
                    }
                case "info" when args.Count == 2:
                    return service.Info(args[1]).ToString();
                case "run" when args.Count >= 2:
                    {
                        var inputs = new List<byte[]>();
                        for (int i = 2; i < args.Count; i++) inputs.Add(Read(readFile, args[i]));
                        return service.RunFormatted(args[1], inputs);
                    }
                case "bench" when args.Count is 2 or 3:
                    {
                        int iterations = 100;
                        if (args.Count == 3 && (!int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations <= 0))
                            return $"ai: iterations must be a positive number, not '{args[2]}'";
                        return service.Bench(args[1], iterations).ToString();
                    }
                case "quantize" when args.Count == 3:
                    {
                        (ModelInfo info, Quantization.QuantizationReport report) = service.Quantize(args[1], args[2]);
                        return $"quantized {args[1]} -> {info.Name} ({string.Join(", ", info.Operators)})\nint8 vs fp32: {report}";
                    }
                case "unload" when args.Count == 2:
                    return service.Unload(args[1]) ? $"unloaded {args[1]}" : $"ai: no model named '{args[1]}' is loaded";
                default:
                    return Usage;
            }
        }
        catch (ModelServiceException e)
        {
            return "ai: " + e.Message;
        }
    }

    private static byte[] Read(Func<string, byte[]> readFile, string path)
    {
        try
        {
            return readFile(path);
        }
        catch (Exception e)
        {
            throw new ModelServiceException($"cannot read '{path}': {e.Message}", e);
        }
    }
}
