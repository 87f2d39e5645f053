using System;
using System.Runtime.InteropServices;
using XairrosX.Drivers.Diagnostics;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Timers;

namespace XairrosX.Plugs.Threading;

/// <summary>
/// The kernel's thread scheduler (one CPU): strict priorities 0–4 with round robin inside a priority, a
/// time slice of <see cref="QuantumMilliseconds"/>, preemption from the timer tick, and an idle thread that
/// halts the CPU until the next interrupt. Threads block on <see cref="WaitQueue"/>s with an optional
/// deadline (the timed-wait list is ordered by deadline and drained by the tick).
///
/// Every queue is changed with interrupts off. A switch saves the callee-saved registers on the old stack
/// (Native/threads.asm); a thread preempted by the timer switches from inside the interrupt handler, so its
/// interrupt frame and full vector state (XSAVE in isr_common) stay on its own stack until it resumes.
/// The tick does not switch while the interrupted code is in .text.nopreempt (allocation fast paths,
/// interface-dispatch stubs) or inside <see cref="DisablePreemption"/>; it marks the switch pending instead.
/// </summary>
public static unsafe partial class Scheduler
{
    /// <summary>Time slice before a thread yields to another of the same priority.</summary>
    public const int QuantumMilliseconds = 10;
    private const int PriorityLevels = 5;

    [StructLayout(LayoutKind.Sequential)]
    private struct RunQueues
    {
        public WaitQueue P0, P1, P2, P3, P4;
    }

    private static KernelThread s_bootThread;
    private static KernelThread* s_current;
    private static KernelThread* s_idle;
    private static KernelThread* s_all;
    private static KernelThread* s_timed;
    private static KernelThread* s_zombie;
    private static RunQueues s_ready;
    private static int s_readyCount;
    private static bool s_started, s_preemptPending;
    private static ulong s_sliceStart, s_quantumTicks, s_ticks, s_switches, s_preemptions;
    private static ulong s_noPreemptStart, s_noPreemptEnd;
    private static int s_nextId = 2;

    [DllImport("*", EntryPoint = "xx_context_switch"), SuppressGCTransition]
    private static extern void ContextSwitch(nint* saveRsp, nint nextRsp);

    [DllImport("*", EntryPoint = "xx_nopreempt_range"), SuppressGCTransition]
    private static extern void NoPreemptRange(ulong* start, ulong* end);

    [DllImport("*", EntryPoint = "xx_kernel_stack_bounds"), SuppressGCTransition]
    private static extern void BootStackBounds(nint* low, nint* high);

    /// <summary>The running thread (the boot thread until <see cref="Start"/>, and always valid).</summary>
    internal static KernelThread* Current
    {
        get
        {
            if (s_current != null) return s_current;
            fixed (KernelThread* boot = &s_bootThread) return boot;
        }
    }

    /// <summary>Whether the scheduler runs (threads can be created).</summary>
    public static bool Started => s_started;

    /// <summary>Threads ended by an exception nobody caught.</summary>
    public static int UnhandledExceptionExits => s_unhandledExits;
    private static int s_unhandledExits;

    /// <summary>Counts a thread ended by an unhandled exception.</summary>
    internal static void CountUnhandled() => s_unhandledExits++;

    /// <summary>Timer ticks seen.</summary>
    public static ulong Ticks => s_ticks;

    /// <summary>Thread switches since start, and how many of them the timer forced.</summary>
    public static ulong Switches => s_switches;

    /// <summary>Switches forced by the timer (time slice over, or a higher priority became ready).</summary>
    public static ulong Preemptions => s_preemptions;

    /// <summary>
    /// Makes the boot thread a scheduled thread (id 1, "main") and creates the idle thread. The timer that
    /// calls <see cref="OnTimerTick"/> is started by the kernel afterwards.
    /// </summary>
    public static void Start()
    {
        if (s_started) return;
        ulong flags = InterruptState.Disable();
        KernelThread* boot = Current;
        nint low, high;
        BootStackBounds(&low, &high);
        boot->Id = 1;
        boot->Priority = 2;
        boot->State = ThreadRunState.Running;
        boot->StackLow = low + 4096; // KernelEntry unmapped the lowest page as the boot stack's guard
        boot->GuardLow = (ulong)low;
        boot->GuardHigh = (ulong)low + 4096;
        boot->StackHigh = high;
        boot->SetName("main");
        boot->RunningSince = Cpu.ReadTsc();
        boot->NextAll = null;
        s_all = boot;
        s_current = boot;
        ulong start, end;
        NoPreemptRange(&start, &end);
        s_noPreemptStart = start;
        s_noPreemptEnd = end;
        s_quantumTicks = Tsc.Frequency * QuantumMilliseconds / 1000;
        s_idle = ThreadFactory.CreateIdle();
        Panic.DescribeContext = &DescribeCurrent;
        s_sliceStart = Cpu.ReadTsc();
        s_started = true;
        InterruptState.Restore(flags);
    }

    /// <summary>Gives the CPU to another ready thread of at least the same priority, if there is one.</summary>
    public static void Yield()
    {
        if (!s_started) return;
        ulong flags = InterruptState.Disable();
        KernelThread* self = s_current;
        if (self != s_idle && HighestReadyPriority() >= self->Priority)
        {
            MakeReady(self);
            SwitchTo(PickNext());
        }
        InterruptState.Restore(flags);
    }

    /// <summary>
    /// Blocks the current thread on <paramref name="queue"/> (may be null) until <see cref="Wake"/> or, when
    /// <paramref name="deadlineNs"/> is not 0, until that time since boot. Interrupts must be off; they are
    /// off again on return. Returns false when the deadline ended the wait.
    /// </summary>
    internal static bool Block(WaitQueue* queue, ulong deadlineNs)
    {
        KernelThread* self = s_current;
        if (self == s_idle) Panic.Fatal("scheduler: the idle thread cannot block");
        if (self->PreemptDisable > 0) Panic.Fatal("scheduler: blocking with preemption disabled");
        self->State = ThreadRunState.Blocked;
        self->TimedOut = false;
        if (queue != null)
        {
            queue->Enqueue(self);
            self->BlockedOn = queue;
        }
        if (deadlineNs != 0) InsertTimed(self, deadlineNs);
        SwitchTo(PickNext());
        return !self->TimedOut;
    }

    /// <summary>Makes a blocked thread ready (removing it from its queue and deadline). Interrupts off.</summary>
    internal static void Wake(KernelThread* t)
    {
        if (t->State != ThreadRunState.Blocked) return;
        if (t->BlockedOn != null)
        {
            t->BlockedOn->Remove(t);
            t->BlockedOn = null;
        }
        if (t->WakeAtNs != 0) RemoveTimed(t);
        MakeReady(t);
        if (t->Priority > s_current->Priority || s_current == s_idle) s_preemptPending = true;
    }

    /// <summary>Wakes the first thread of a queue, if any; returns whether one was woken. Interrupts off.</summary>
    internal static bool WakeOne(WaitQueue* queue)
    {
        KernelThread* t = queue->Head;
        if (t == null) return false;
        Wake(t);
        return true;
    }

    /// <summary>Puts the current thread to sleep for at least <paramref name="nanoseconds"/>, using no CPU.</summary>
    public static void Sleep(ulong nanoseconds)
    {
        if (!s_started)
        {
            ulong until = Tsc.NanosecondsSinceBoot() + nanoseconds;
            while (Tsc.NanosecondsSinceBoot() < until) Cpu.Pause();
            return;
        }
        if (nanoseconds == 0) { Yield(); return; }
        ulong flags = InterruptState.Disable();
        Block(null, Tsc.NanosecondsSinceBoot() + nanoseconds);
        InterruptState.Restore(flags);
    }

    /// <summary>Starts a preemption-disabled section (nests): the timer will not switch threads until the
    /// matching <see cref="EnablePreemption"/>. For longer runtime sections (file-system calls) that may be
    /// interrupted but must not interleave with another thread.</summary>
    public static void DisablePreemption() => Current->PreemptDisable++;

    /// <summary>Ends a preemption-disabled section, taking a switch that the timer deferred meanwhile.</summary>
    public static void EnablePreemption()
    {
        KernelThread* self = Current;
        if (--self->PreemptDisable == 0 && s_preemptPending && s_started && InterruptState.Enabled) PreemptNow();
    }

    /// <summary>
    /// The timer's work, called from its interrupt handler (interrupts off, end-of-interrupt already sent) with
    /// the interrupted instruction pointer: wakes expired timed waits, then switches when the slice is over or a
    /// higher priority is ready — unless the interrupted code must not be left now.
    /// </summary>
    public static void OnTimerTick(ulong interruptedRip)
    {
        if (!s_started) return;
        s_ticks++;
        ulong now = Tsc.NanosecondsSinceBoot();
        while (s_timed != null && s_timed->WakeAtNs <= now)
        {
            KernelThread* t = s_timed;
            t->TimedOut = true;
            Wake(t);
        }
        KernelThread* self = s_current;
        int best = HighestReadyPriority();
        bool sliceOver = Cpu.ReadTsc() - s_sliceStart >= s_quantumTicks;
        bool switchWanted = self == s_idle ? best >= 0 : best > self->Priority || (sliceOver && best == self->Priority) || s_preemptPending;
        if (!switchWanted) return;
        if (self->PreemptDisable > 0 || (interruptedRip >= s_noPreemptStart && interruptedRip < s_noPreemptEnd))
        {
            s_preemptPending = true;
            return;
        }
        s_preemptions++;
        PreemptNow();
    }

    // Interrupts off or on; switches to the best ready thread if it has at least our priority.
    private static void PreemptNow()
    {
        ulong flags = InterruptState.Disable();
        s_preemptPending = false;
        KernelThread* self = s_current;
        int best = HighestReadyPriority();
        if (self == s_idle ? best >= 0 : best >= self->Priority)
        {
            if (self != s_idle) MakeReady(self); else self->State = ThreadRunState.Ready;
            SwitchTo(PickNext());
        }
        InterruptState.Restore(flags);
    }

    private static void DescribeCurrent()
    {
        XairrosX.Drivers.Console.KernelConsole.Write("on ");
        WriteThreadLabel(Current);
        XairrosX.Drivers.Console.KernelConsole.Write("\n");
    }

    /// <summary>Writes "thread N (name)" to the kernel console (allocation-free: usable in reports).</summary>
    internal static void WriteThreadLabel(KernelThread* t)
    {
        XairrosX.Drivers.Console.KernelConsole.Write("thread ");
        XairrosX.Drivers.Console.KernelConsole.WriteDecimal((ulong)t->Id);
        XairrosX.Drivers.Console.KernelConsole.Write(" (");
        XairrosX.Drivers.Console.KernelConsole.Write(KernelThread.NameOf(t));
        XairrosX.Drivers.Console.KernelConsole.Write(")");
    }

    /// <summary>Takes a switch that a wake-up of a higher-priority thread asked for, when switching is allowed here.</summary>
    internal static void PreemptIfPending()
    {
        if (s_preemptPending && s_started && Current->PreemptDisable == 0 && InterruptState.Enabled) PreemptNow();
    }

    /// <summary>The idle thread's check (interrupts off): runs whatever became ready.</summary>
    internal static void IdleCheck()
    {
        s_preemptPending = false;
        if (HighestReadyPriority() < 0) return;
        s_idle->State = ThreadRunState.Ready;
        SwitchTo(PickNext());
    }

    /// <summary>Sets the current thread's priority (0 lowest … 4 highest; 2 is normal).</summary>
    public static void SetCurrentPriority(int priority)
    {
        Current->Priority = (byte)System.Math.Clamp(priority, 0, PriorityLevels - 1);
        Yield();
    }

    /// <summary>Ends the current thread: it is unlinked, and its stack is recycled after the switch away.</summary>
    internal static void ExitCurrent()
    {
        Cpu.DisableInterrupts();
        KernelThread* self = s_current;
        if (self->Id == 1) Panic.Fatal("scheduler: the boot thread cannot exit");
        self->State = ThreadRunState.Dead;
        Unlink(self);
        s_zombie = self;
        SwitchTo(PickNext());
        Panic.Fatal("scheduler: a dead thread was resumed");
    }

    // Interrupts off. Switches from the current thread (whose state the caller has set) to `next`.
    private static void SwitchTo(KernelThread* next)
    {
        KernelThread* prev = s_current;
        if (next == prev)
        {
            prev->State = ThreadRunState.Running;
            return;
        }
        if (next->State != ThreadRunState.Ready) Panic.Fatal("scheduler: switching to a thread that is not ready");
        if (InterruptState.Enabled) Panic.Fatal("scheduler: switch with interrupts on");
        ulong now = Cpu.ReadTsc();
        prev->CpuTicks += now - prev->RunningSince;
        next->RunningSince = now;
        next->State = ThreadRunState.Running;
        next->Switches++;
        s_switches++;
        s_sliceStart = now;
        s_current = next;
        Panic.SetStackGuard(next->GuardLow, next->GuardHigh);
        ContextSwitch(&prev->SavedRsp, next->SavedRsp);
        AfterSwitch();
    }

    /// <summary>Runs on the thread that just got the CPU: frees the thread that died to give it.</summary>
    internal static void AfterSwitch()
    {
        KernelThread* dead = s_zombie;
        if (dead == null || dead == s_current) return;
        s_zombie = null;
        ThreadFactory.Recycle(dead);
    }

    // The checks are cheap and turn a queue corruption into a report at its cause.
    private static void MakeReady(KernelThread* t)
    {
        if (t->State == ThreadRunState.Ready || t->State == ThreadRunState.Dead || t == s_idle) Panic.Fatal("scheduler: a thread was made ready twice");
        t->State = ThreadRunState.Ready;
        Queue(t->Priority)->Enqueue(t);
        s_readyCount++;
    }

    private static KernelThread* PickNext()
    {
        for (int p = PriorityLevels - 1; p >= 0; p--)
        {
            WaitQueue* q = Queue(p);
            if (q->IsEmpty) continue;
            s_readyCount--;
            return q->Dequeue();
        }
        return s_idle;
    }

    private static int HighestReadyPriority()
    {
        if (s_readyCount == 0) return -1;
        for (int p = PriorityLevels - 1; p >= 0; p--)
            if (!Queue(p)->IsEmpty) return p;
        return -1;
    }

    private static WaitQueue* Queue(int priority)
    {
        fixed (WaitQueue* first = &s_ready.P0) return first + priority;
    }

    private static void InsertTimed(KernelThread* t, ulong deadlineNs)
    {
        t->WakeAtNs = deadlineNs;
        fixed (KernelThread** head = &s_timed)
        {
            KernelThread** link = head;
            while (*link != null && (*link)->WakeAtNs <= deadlineNs) link = &(*link)->NextTimed;
            t->NextTimed = *link;
            *link = t;
        }
    }

    private static void RemoveTimed(KernelThread* t)
    {
        fixed (KernelThread** head = &s_timed)
        {
            KernelThread** link = head;
            while (*link != null && *link != t) link = &(*link)->NextTimed;
            if (*link == t) *link = t->NextTimed;
        }
        t->NextTimed = null;
        t->WakeAtNs = 0;
    }

    /// <summary>Adds a new thread to the list of live threads and makes it ready. Interrupts off.</summary>
    internal static void Admit(KernelThread* t)
    {
        t->Id = s_nextId++;
        t->NextAll = s_all;
        s_all = t;
        MakeReady(t);
        if (t->Priority > s_current->Priority) s_preemptPending = true;
    }

    private static void Unlink(KernelThread* t)
    {
        fixed (KernelThread** head = &s_all)
        {
            KernelThread** link = head;
            while (*link != null && *link != t) link = &(*link)->NextAll;
            if (*link == t) *link = t->NextAll;
        }
    }

    /// <summary>The list of live threads (boot thread included, idle thread excluded). Interrupts off to walk it.</summary>
    internal static KernelThread* AllThreads => s_all;

    /// <summary>The idle thread.</summary>
    internal static KernelThread* IdleThread => s_idle;
}
