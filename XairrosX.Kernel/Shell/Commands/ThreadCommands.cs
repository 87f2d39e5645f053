using System;
using System.Collections.Generic;
using System.Globalization;
using XairrosX.Plugs.Threading;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// threads: one line per kernel thread — id, name, state, priority, CPU time and switches — then the
/// scheduler's totals (ticks, switches, preemptions, threads ended by unhandled exceptions).
/// </summary>
internal static class ThreadCommands
{
    public static IEnumerable<ShellCommand> All() =>
    [
        new("threads", "", "kernel threads: id, name, state, priority, CPU time", Threads),
    ];

    private static int Threads(ShellContext c, IReadOnlyList<string> args)
    {
        if (args.Count != 0) return c.Error("usage: threads");
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
}
