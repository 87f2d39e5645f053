using BenchmarkDotNet.Attributes;
using XairrosX.Kernel.Threading;

namespace XairrosX.Benchmarks.Threading;

/// <summary>
/// The host side of the kernel's <c>threads bench</c>: the same loops (ThreadingWorkloads.cs, linked from the
/// kernel) on the host's .NET runtime and Linux threads, so the kernel figures can be read as ratios.
/// Each benchmark reports time per operation (OperationsPerInvoke).
/// </summary>
[ShortRunJob]
public class ThreadingBenchmarks
{
    private const int YieldTrips = 20_000, Locks = 1_000_000, ContendedLocks = 400_000, PingPongs = 10_000, Starts = 500;

    [Benchmark(OperationsPerInvoke = YieldTrips)]
    public double YieldRoundTrip() => ThreadingWorkloads.YieldRoundTrip(YieldTrips);

    [Benchmark(OperationsPerInvoke = Locks)]
    public double UncontendedLock() => ThreadingWorkloads.UncontendedLock(Locks);

    [Benchmark(OperationsPerInvoke = ContendedLocks)]
    public double ContendedLock() => ThreadingWorkloads.ContendedLock(ContendedLocks);

    [Benchmark(OperationsPerInvoke = PingPongs)]
    public double MonitorPingPong() => ThreadingWorkloads.MonitorPingPong(PingPongs);

    [Benchmark(OperationsPerInvoke = Starts)]
    public double ThreadStartJoin() => ThreadingWorkloads.ThreadStartJoin(Starts);
}
