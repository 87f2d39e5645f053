using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using XairrosX.Plugs.Exceptions;

namespace XairrosX.Plugs.Threading;

/// <summary>Where a kernel thread is in its life.</summary>
public enum ThreadRunState : byte
{
    /// <summary>In a run queue, waiting for the CPU.</summary>
    Ready,
    /// <summary>On the CPU.</summary>
    Running,
    /// <summary>Waiting on a wait queue and/or a deadline; takes no CPU.</summary>
    Blocked,
    /// <summary>Finished; its stack is recycled once the scheduler has left it.</summary>
    Dead,
}

/// <summary>
/// A kernel thread's control block, in unmanaged memory (the collector never moves or frees it, and the
/// scheduler touches it with interrupts off). <see cref="SavedRsp"/> must stay the first field: the
/// context switch (Native/threads.asm) stores the stack pointer through its address.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KernelThread
{
    /// <summary>Stack pointer of a thread that is not running (its registers are pushed below it).</summary>
    public nint SavedRsp;
    /// <summary>Kernel thread id (1 = the boot thread, 0 = the idle thread).</summary>
    public int Id;
    /// <summary>Life-cycle state.</summary>
    public ThreadRunState State;
    /// <summary>0 (lowest) … 4 (highest), as <see cref="System.Threading.ThreadPriority"/>.</summary>
    public byte Priority;
    /// <summary>The thread's errno (the PAL's SystemNative_GetErrNo/SetErrNo).</summary>
    public int Errno;
    /// <summary>Nesting depth of preemption-disabled sections (saved per thread across switches).</summary>
    public int PreemptDisable;
    /// <summary>Links in the run queue or the wait queue the thread is on.</summary>
    public KernelThread* Next, Previous;
    /// <summary>The wait queue the thread is blocked on, or null.</summary>
    public WaitQueue* BlockedOn;
    /// <summary>Link in the deadline-ordered list of timed waits.</summary>
    public KernelThread* NextTimed;
    /// <summary>Link in the list of every live thread.</summary>
    public KernelThread* NextAll;
    /// <summary>Nanoseconds since boot at which a timed wait ends; 0 = none.</summary>
    public ulong WakeAtNs;
    /// <summary>Whether the last wait ended by its deadline rather than by a wake-up.</summary>
    public bool TimedOut;
    /// <summary>Usable stack: [StackLow, StackHigh); a guard page sits below StackLow when one could be made.</summary>
    public nint StackLow, StackHigh;
    /// <summary>The guard page under the stack ([GuardLow, GuardHigh)), reported as a stack overflow when hit.</summary>
    public ulong GuardLow, GuardHigh;
    /// <summary>Base of the stack allocation (guard page included) and its size, for recycling.</summary>
    public nint StackBase, StackBytes;
    /// <summary>The thread's [ThreadStatic] root (CoreLib's object[][] of thread-static blocks): a GC root.</summary>
    public nint ThreadStaticRoot;
    /// <summary>The function the thread runs (CoreLib's ThreadEntryPoint) and its argument.</summary>
    public nint StartRoutine, StartParameter;
    /// <summary>CPU time used, in TSC ticks, and the TSC when the thread last got the CPU.</summary>
    public ulong CpuTicks, RunningSince;
    /// <summary>Times the thread was switched to.</summary>
    public ulong Switches;
    /// <summary>Per-thread state of the exception dispatcher (funclet invocations in progress).</summary>
    public Dispatcher.DispatchState Exceptions;
    /// <summary>Thread name (UTF-16, NUL-terminated, truncated).</summary>
    public NameBuffer Name;

    /// <summary>Fixed storage for <see cref="Name"/>.</summary>
    [InlineArray(NameCapacity)]
    public struct NameBuffer { private char _first; }

    /// <summary>Characters kept of a thread name (including the terminator).</summary>
    public const int NameCapacity = 32;

    /// <summary>Sets the name from a span (truncating).</summary>
    public void SetName(ReadOnlySpan<char> name)
    {
        int n = System.Math.Min(name.Length, NameCapacity - 1);
        for (int i = 0; i < n; i++) Name[i] = name[i];
        Name[n] = '\0';
    }

    /// <summary>A thread's name as a span (empty when unnamed).</summary>
    public static ReadOnlySpan<char> NameOf(KernelThread* t)
    {
        ReadOnlySpan<char> all = new(&t->Name, NameCapacity);
        int end = all.IndexOf('\0');
        return end < 0 ? all : all.Slice(0, end);
    }
}

/// <summary>A FIFO of blocked threads, linked through <see cref="KernelThread.Next"/>/<see cref="KernelThread.Previous"/>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct WaitQueue
{
    /// <summary>First and last waiter.</summary>
    public KernelThread* Head, Tail;

    /// <summary>Whether no thread waits.</summary>
    public readonly bool IsEmpty => Head == null;

    /// <summary>Appends a thread (interrupts off).</summary>
    public void Enqueue(KernelThread* t)
    {
        t->Next = null;
        t->Previous = Tail;
        if (Tail != null) Tail->Next = t; else Head = t;
        Tail = t;
    }

    /// <summary>Removes and returns the first thread, or null (interrupts off).</summary>
    public KernelThread* Dequeue()
    {
        KernelThread* t = Head;
        if (t != null) Remove(t);
        return t;
    }

    /// <summary>Unlinks a thread that is on this queue (interrupts off).</summary>
    public void Remove(KernelThread* t)
    {
        if (t->Previous != null) t->Previous->Next = t->Next; else Head = t->Next;
        if (t->Next != null) t->Next->Previous = t->Previous; else Tail = t->Previous;
        t->Next = t->Previous = null;
    }
}
