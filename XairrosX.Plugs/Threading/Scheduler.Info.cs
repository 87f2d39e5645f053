using System;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Timers;

namespace XairrosX.Plugs.Threading;

/// <summary>One thread as the <c>threads</c> command shows it.</summary>
/// <param name="Id">Kernel thread id (0 idle, 1 the boot thread).</param>
/// <param name="Name">Name given by Thread.Name or the kernel.</param>
/// <param name="State">Life-cycle state.</param>
/// <param name="Priority">0 lowest … 4 highest.</param>
/// <param name="CpuNanoseconds">CPU time used.</param>
/// <param name="Switches">Times the thread got the CPU.</param>
/// <param name="IsCurrent">Whether it is the thread asking.</param>
public readonly record struct ThreadInfo(int Id, string Name, ThreadRunState State, int Priority, ulong CpuNanoseconds, ulong Switches, bool IsCurrent);

public static unsafe partial class Scheduler
{
    private const int SnapshotCapacity = 256;

    private struct RawInfo
    {
        public KernelThread* Thread;
        public int Id;
        public ThreadRunState State;
        public int Priority;
        public ulong CpuTicks, Switches;
        public KernelThread.NameBuffer Name;
    }

    /// <summary>Live threads (the idle thread first), copied with interrupts off and described afterwards.</summary>
    public static ThreadInfo[] Snapshot()
    {
        if (!s_started) return Array.Empty<ThreadInfo>();
        RawInfo* raw = stackalloc RawInfo[SnapshotCapacity];
        int count = 0;
        KernelThread* self;
        ulong flags = InterruptState.Disable();
        ulong now = Cpu.ReadTsc();
        self = s_current;
        Capture(raw, ref count, s_idle, now);
        for (KernelThread* t = s_all; t != null && count < SnapshotCapacity; t = t->NextAll) Capture(raw, ref count, t, now);
        InterruptState.Restore(flags);

        var result = new ThreadInfo[count];
        ulong frequency = Tsc.Frequency == 0 ? 1 : Tsc.Frequency;
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<char> name = raw[i].Name;
            int end = name.IndexOf('\0');
            string text = (end < 0 ? name : name.Slice(0, end)).ToString();
            ulong ns = (ulong)((UInt128)raw[i].CpuTicks * 1_000_000_000 / frequency);
            result[i] = new ThreadInfo(raw[i].Id, text, raw[i].State, raw[i].Priority, ns, raw[i].Switches, raw[i].Thread == self);
        }
        return result;
    }

    private static void Capture(RawInfo* raw, ref int count, KernelThread* t, ulong now)
    {
        ref RawInfo r = ref raw[count++];
        r.Thread = t;
        r.Id = t->Id;
        r.State = t->State;
        r.Priority = t->Priority;
        r.CpuTicks = t->CpuTicks + (t == s_current ? now - t->RunningSince : 0);
        r.Switches = t->Switches;
        r.Name = t->Name;
    }
}
