using BenchmarkDotNet.Running;

namespace XairrosX.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project XairrosX.Benchmarks -- --filter '*Name*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
