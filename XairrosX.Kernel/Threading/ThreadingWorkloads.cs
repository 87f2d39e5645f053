using System.Diagnostics;
using System.Threading;

namespace XairrosX.Kernel.Threading;

/// <summary>
/// The threading benchmarks' loops, plain BCL code shared by the kernel's <c>bench threads</c> and the host's
/// BenchmarkDotNet class (XairrosX.Benchmarks/Threading links this file), so both time the same C#.
/// Each returns nanoseconds per operation measured with Stopwatch.
/// </summary>
public static class ThreadingWorkloads
{
    private static readonly object s_gate = new();
    private static long s_counter;

    /// <summary>Two threads hand a turn back and forth, yielding while they wait: one round trip per operation.</summary>
    public static double YieldRoundTrip(int roundTrips)
    {
        int turn = 0;
        var partner = new Thread(() =>
        {
            for (int i = 0; i < roundTrips; i++)
            {
                while (Volatile.Read(ref turn) != 1) Thread.Yield();
                Volatile.Write(ref turn, 0);
            }
        });
        partner.Start();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < roundTrips; i++)
        {
            Volatile.Write(ref turn, 1);
            while (Volatile.Read(ref turn) != 0) Thread.Yield();
        }
        double ns = PerOperation(clock, roundTrips);
        partner.Join();
        return ns;
    }

    /// <summary><c>lock</c> taken and released by one thread (never contended).</summary>
    public static double UncontendedLock(int operations)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < operations; i++)
        {
            lock (s_gate) s_counter++;
        }
        return PerOperation(clock, operations);
    }

    /// <summary>Two threads increment one counter under the same <c>lock</c>; operations are the increments of both.</summary>
    public static double ContendedLock(int operations)
    {
        int each = operations / 2;
        var other = new Thread(() => Increment(each));
        var clock = Stopwatch.StartNew();
        other.Start();
        Increment(each);
        other.Join();
        return PerOperation(clock, each * 2);
    }

    /// <summary>Monitor.Wait/Pulse hand-off between two threads: one round trip per operation.</summary>
    public static double MonitorPingPong(int roundTrips)
    {
        var gate = new object();
        bool ping = false;
        var partner = new Thread(() =>
        {
            lock (gate)
            {
                for (int i = 0; i < roundTrips; i++)
                {
                    while (!ping) Monitor.Wait(gate);
                    ping = false;
                    Monitor.Pulse(gate);
                }
            }
        });
        partner.Start();
        var clock = Stopwatch.StartNew();
        lock (gate)
        {
            for (int i = 0; i < roundTrips; i++)
            {
                ping = true;
                Monitor.Pulse(gate);
                while (ping) Monitor.Wait(gate);
            }
        }
        double ns = PerOperation(clock, roundTrips);
        partner.Join();
        return ns;
    }

    /// <summary>Creating, starting and joining a thread that does nothing.</summary>
    public static double ThreadStartJoin(int threads)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < threads; i++)
        {
            var t = new Thread(static () => { });
            t.Start();
            t.Join();
        }
        return PerOperation(clock, threads);
    }

    private static void Increment(int count)
    {
        for (int i = 0; i < count; i++)
        {
            lock (s_gate) s_counter++;
        }
    }

    private static double PerOperation(Stopwatch clock, int operations) =>
        clock.Elapsed.TotalMilliseconds * 1_000_000 / operations;
}
