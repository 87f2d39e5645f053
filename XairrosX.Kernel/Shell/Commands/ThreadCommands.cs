using System;
using System.Collections.Generic;
using System.Globalization;
using XairrosX.Plugs.Threading;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// threads: one line per kernel thread — id, name, state, priority, CPU time and switches — then the
/// scheduler's totals (ticks, switches, preemptions, threads ended by unhandled exceptions).
/// threads bench: the loops of <see cref="Threading.ThreadingWorkloads"/> (also timed on the host by
/// XairrosX.Benchmarks/Threading), in ns per operation; under TCG these are emulator times.
/// </summary>
internal static class ThreadCommands
{
    public static IEnumerable<ShellCommand> All() =>
    [
        new("threads", "[bench]", "kernel threads: id, name, state, priority, CPU time; or the threading benchmarks", Threads),
    ];

    private static int Threads(ShellContext c, IReadOnlyList<string> args)
    {
        if (args.Count == 1 && args[0] == "bench") return Bench(c);
        if (args.Count != 0) return c.Error("usage: threads [bench]");
        ThreadInfo[] threads = Scheduler.Snapshot();
        if (threads.Length == 0) return c.Error("threads: the scheduler is not running");
        var o = c.Out;
        o.WriteLine("  id  name                    state     prio   cpu ms  switches");
        foreach (ThreadInfo t in threads)
        {
            string state = t.Id == 0 ? (t.State == ThreadRunState.Running ? "running" : "idle") : t.State.ToString().ToLowerInvariant();
            string name = string.IsNullOrEmpty(t.Name) ? "-" : t.Name;
            string cpu = (t.CpuNanoseconds / 1e6).ToString("F1", CultureInfo.InvariantCulture);
            o.WriteLine($"{(t.IsCurrent ? "*" : " ")}{t.Id,3}  {name,-22}  {state,-8}  {t.Priority,4}  {cpu,7}  {t.Switches,8}");
        }
        o.WriteLine($"ticks {Scheduler.Ticks}, switches {Scheduler.Switches}, preemptions {Scheduler.Preemptions}, unhandled-exception exits {Scheduler.UnhandledExceptionExits}");
        return 0;
    }

    private static int Bench(ShellContext c)
    {
        var o = c.Out;
        o.WriteLine($"threads bench: Stopwatch {System.Diagnostics.Stopwatch.Frequency} Hz, one CPU, tick {Threading.PreemptionTimer.FrequencyHz} Hz");
        Line(o, "yield round trip", Threading.ThreadingWorkloads.YieldRoundTrip(20_000));
        Line(o, "uncontended lock", Threading.ThreadingWorkloads.UncontendedLock(1_000_000));
        Line(o, "contended lock (2 threads)", Threading.ThreadingWorkloads.ContendedLock(400_000));
        Line(o, "Monitor.Wait/Pulse round trip", Threading.ThreadingWorkloads.MonitorPingPong(10_000));
        Line(o, "thread start + join", Threading.ThreadingWorkloads.ThreadStartJoin(500));
        return 0;
    }

    private static void Line(System.IO.TextWriter o, string what, double ns) =>
        o.WriteLine($"threads bench: {what,-30} {ns.ToString("F1", CultureInfo.InvariantCulture),10} ns/op");
}
