using System.Runtime.InteropServices;
using XairrosX.Drivers.Diagnostics;
using XairrosX.Drivers.Platform;
using XairrosX.Plugs.Memory;

namespace XairrosX.Plugs.Threading;

/// <summary>
/// Creates kernel threads: a control block from the native heap and a stack from the page allocator with an
/// unmapped guard page under it (running into it is a double fault on the IST stack, reported as a stack
/// overflow of that thread). The page allocator cannot free, so the stacks of dead threads are kept on a list
/// and reused by threads asking for the same size.
/// </summary>
internal static unsafe class ThreadFactory
{
    /// <summary>Stack size of a thread that does not ask for one (CoreLib's default too).</summary>
    public const nint DefaultStackBytes = 256 * 1024;
    private const nint GuardBytes = 4096;
    private const nint MinimumStackBytes = 16 * 1024;

    private struct FreeStack { public FreeStack* Next; public nint Bytes; }
    private static FreeStack* s_freeStacks;
    private static KernelThread* s_freeBlocks;

    [DllImport("*", EntryPoint = "xx_thread_start_address"), SuppressGCTransition]
    private static extern nint ThreadStartAddress();

    /// <summary>
    /// Creates a ready thread running <paramref name="startRoutine"/>(<paramref name="parameter"/>) (an unmanaged
    /// function pointer, as the PAL's pthread_create shape has it). Returns null when memory is short.
    /// </summary>
    public static KernelThread* Create(nint startRoutine, nint parameter, nint stackBytes, byte priority)
    {
        if (!Scheduler.Started) return null;
        KernelThread* t = Prepare(stackBytes, (nint)(delegate* unmanaged<KernelThread*, void>)&ThreadMain);
        if (t == null) return null;
        t->StartRoutine = startRoutine;
        t->StartParameter = parameter;
        t->Priority = priority > 4 ? (byte)4 : priority;
        ulong flags = InterruptState.Disable();
        Scheduler.Admit(t);
        InterruptState.Restore(flags);
        return t;
    }

    /// <summary>The idle thread: halts until an interrupt whenever nothing else is ready.</summary>
    public static KernelThread* CreateIdle()
    {
        KernelThread* t = Prepare(MinimumStackBytes, (nint)(delegate* unmanaged<KernelThread*, void>)&IdleMain);
        if (t == null) Panic.Fatal("scheduler: no memory for the idle thread");
        t->Id = 0;
        t->State = ThreadRunState.Ready; // never queued: picked when nothing else is ready
        t->SetName("idle");
        return t;
    }

    private static KernelThread* Prepare(nint stackBytes, nint entry)
    {
        if (stackBytes <= 0) stackBytes = DefaultStackBytes;
        if (stackBytes < MinimumStackBytes) stackBytes = MinimumStackBytes;
        stackBytes = (stackBytes + 4095) & ~(nint)4095;

        ulong flags = InterruptState.Disable();
        KernelThread* t = s_freeBlocks;
        if (t != null) s_freeBlocks = t->NextAll;
        byte* stackBase = TakeStack(stackBytes);
        InterruptState.Restore(flags);
        if (t == null) t = (KernelThread*)NativeHeap.Allocate((nuint)sizeof(KernelThread));
        if (stackBase == null) stackBase = NewStack(stackBytes);
        if (t == null || stackBase == null) return null;

        *t = default;
        t->State = ThreadRunState.Blocked; // not runnable until admitted
        t->StackBase = (nint)stackBase;
        t->StackBytes = stackBytes;
        t->GuardLow = (ulong)stackBase;
        t->GuardHigh = (ulong)stackBase + (ulong)GuardBytes;
        t->StackLow = (nint)stackBase + GuardBytes;
        t->StackHigh = (nint)stackBase + GuardBytes + stackBytes;

        // The first switch pops r15 … rbp and returns into xx_thread_start with r12 = t, r13 = entry.
        nint* sp = (nint*)t->StackHigh;
        *--sp = 0;
        *--sp = ThreadStartAddress();
        *--sp = 0;                 // rbp
        *--sp = 0;                 // rbx
        *--sp = (nint)t;           // r12
        *--sp = entry;             // r13
        *--sp = 0;                 // r14
        *--sp = 0;                 // r15
        t->SavedRsp = (nint)sp;
        return t;
    }

    private static byte* TakeStack(nint bytes)
    {
        fixed (FreeStack** head = &s_freeStacks)
        {
            for (FreeStack** link = head; *link != null; link = &(*link)->Next)
            {
                FreeStack* s = *link;
                if (s->Bytes != bytes) continue;
                *link = s->Next;
                return (byte*)s - GuardBytes;
            }
        }
        return null;
    }

    private static byte* NewStack(nint bytes)
    {
        ulong flags = InterruptState.Disable();
        byte* stackBase = (byte*)PageAllocator.AllocatePages((nuint)(bytes + GuardBytes));
        if (stackBase != null) PageTables.UnmapPage((ulong)stackBase, &AllocateTable);
        InterruptState.Restore(flags);
        return stackBase;
    }

    private static void* AllocateTable(nuint bytes) => PageAllocator.AllocatePagesOrPanic(bytes);

    /// <summary>Returns a dead thread's stack and control block for reuse. Interrupts off.</summary>
    public static void Recycle(KernelThread* t)
    {
        var s = (FreeStack*)(t->StackBase + GuardBytes);
        s->Bytes = t->StackBytes;
        s->Next = s_freeStacks;
        s_freeStacks = s;
        t->NextAll = s_freeBlocks;
        s_freeBlocks = t;
    }

    [UnmanagedCallersOnly]
    private static void ThreadMain(KernelThread* self)
    {
        Scheduler.AfterSwitch();
        Cpu.EnableInterrupts();
        ((delegate* unmanaged<nint, nint>)self->StartRoutine)(self->StartParameter);
        ThreadExit.Run();
    }

    [UnmanagedCallersOnly]
    private static void IdleMain(KernelThread* self)
    {
        Scheduler.AfterSwitch();
        while (true)
        {
            Cpu.DisableInterrupts();
            Scheduler.IdleCheck();
            Cpu.EnableInterruptsAndHalt();
        }
    }
}
