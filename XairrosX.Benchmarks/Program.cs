using BenchmarkDotNet.Running;

namespace XairrosX.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project XairrosX.Benchmarks -- --filter '*Name*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // CPU-time probe of the AI figures (see AI/CpuTimeProbe.cs): BenchmarkDotNet measures wall time only.
        if (args.Length > 0 && args[0] == "ai-cputime")
        {
            AI.CpuTimeProbe.Run();
            return;
        }
        if (args.Length > 0 && args[0] == "memory-fragmentation")
        {
            Memory.FragmentationProbe.Run();
            return;
        }
        if (args.Length > 0 && args[0] == "secp256k1-cputime")
        {
            Crypto.Secp256k1CpuTimeProbe.Run();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
