using System.Runtime.InteropServices;
using XairrosX.Drivers.Diagnostics;

namespace XairrosX.Plugs.Memory.Gc;

/// <summary>
/// The collector's roots and the handle rules.
/// Stacks are scanned CONSERVATIVELY: every aligned word from the stack pointer to the top of the stack
/// (callee-saved registers are pushed there first by gc.asm) that points anywhere inside a heap object
/// keeps that object alive, and since the collector never moves objects, also pins it. ilc does emit
/// precise GC info for every method, but decoding it (and the unwinding to find each frame's live
/// slots, funclets included) is future work; conservative scanning is correct with a non-moving
/// collector and costs only some retained garbage when a dead word happens to look like a pointer.
/// Handles: Normal, Pinned and every other strong type are roots (CoreLib keeps all GC static bases alive
/// through one Normal handle made in InitializeModules, so statics are covered here); Weak and
/// WeakTrackResurrection targets are cleared when they die (no finalization, so the two are the same);
/// a Dependent handle keeps its secondary alive while its primary lives (iterated to a fixed point).
/// Every thread's stack (the running one from the collecting frame, the others from their saved stack pointers)
/// and every thread's [ThreadStatic] root slot are roots. Writable image data (.data, .bss without the boot stack) is
/// scanned conservatively for exact object pointers, for runtime code that keeps an object address in a
/// non-GC static; frozen image objects are never freed and are not traced.
/// </summary>
internal static unsafe class Roots
{
    private const int Weak = 0, WeakTrackResurrection = 1, Dependent = 6;

    [DllImport("*", EntryPoint = "xx_kernel_stack_bounds"), SuppressGCTransition]
    private static extern void KernelStackBounds(nint* low, nint* high);

    [DllImport("*", EntryPoint = "xx_gc_image_data_bounds"), SuppressGCTransition]
    private static extern void ImageDataBounds(nint* low, nint* high);

    public static void MarkAll(nint stackPointer)
    {
        nint low, high;
        KernelStackBounds(&low, &high);
        Threading.KernelThread* self = Threading.Scheduler.Current;
        nint top = stackPointer >= self->StackLow && stackPointer < self->StackHigh ? self->StackHigh : 0;
        if (top == 0)
        {
            if (stackPointer < low || stackPointer >= high) Panic.Fatal("gc: collecting on a stack the collector does not know");
            top = high;
        }
        Marker.ScanRange((nuint)stackPointer, (nuint)top, exactOnly: false);
        MarkThreads(self);

        nint dataLow, dataHigh;
        ImageDataBounds(&dataLow, &dataHigh);
        if (low > dataLow && high < dataHigh)
        {
            Marker.ScanRange((nuint)dataLow, (nuint)low, exactOnly: true);
            Marker.ScanRange((nuint)high, (nuint)dataHigh, exactOnly: true);
        }
        else
        {
            Marker.ScanRange((nuint)dataLow, (nuint)dataHigh, exactOnly: true);
        }

        HandleTable.Slot* slots = HandleTable.Slots;
        int count = HandleTable.HighWater;
        for (int i = 0; i < count; i++)
        {
            nint type = slots[i].Type;
            if (type < 0 || type == Weak || type == WeakTrackResurrection || type == Dependent) continue;
            if (slots[i].Target != 0) Marker.MarkReference(slots[i].Target);
        }
        Marker.Drain();
    }

    // Every thread's [ThreadStatic] root, and the stacks of the threads that are not running: each from its
    // saved stack pointer (its callee-saved registers, or for a preempted thread its whole interrupt frame,
    // are stored below that) to its top.
    // The exceptions whose handlers are running on a thread are kept by its dispatcher state as well.
    private static void MarkThreads(Threading.KernelThread* self)
    {
        MarkThreadState(self);
        for (Threading.KernelThread* t = Threading.Scheduler.AllThreads; t != null; t = t->NextAll)
        {
            if (t == self) continue;
            MarkThreadState(t);
            Marker.ScanRange((nuint)t->SavedRsp, (nuint)t->StackHigh, exactOnly: false);
        }
    }

    private static void MarkThreadState(Threading.KernelThread* t)
    {
        Marker.MarkReference(t->ThreadStaticRoot);
        ref Exceptions.Dispatcher.DispatchState dispatch = ref t->Exceptions;
        for (int i = 0; i < dispatch.InvocationCount; i++) Marker.MarkReference(dispatch.Invocations[i].Exception);
    }

    /// <summary>Marks dependent secondaries of live primaries until nothing changes.</summary>
    public static void MarkDependents()
    {
        HandleTable.Slot* slots = HandleTable.Slots;
        int count = HandleTable.HighWater;
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = 0; i < count; i++)
            {
                if (slots[i].Type != Dependent) continue;
                nint primary = slots[i].Target, secondary = slots[i].Secondary;
                if (primary == 0 || secondary == 0 || !Marker.IsAlive(primary) || Marker.IsAlive(secondary)) continue;
                Marker.MarkReference(secondary);
                changed = true;
            }
            if (changed) Marker.Drain();
        }
    }

    /// <summary>Clears weak handles whose targets died, and dependent handles whose primaries died.</summary>
    public static void ClearDeadWeakReferences()
    {
        HandleTable.Slot* slots = HandleTable.Slots;
        int count = HandleTable.HighWater;
        for (int i = 0; i < count; i++)
        {
            nint type = slots[i].Type;
            if (type != Weak && type != WeakTrackResurrection && type != Dependent) continue;
            if (slots[i].Target == 0 || Marker.IsAlive(slots[i].Target)) continue;
            slots[i].Target = 0;
            slots[i].Secondary = 0;
        }
    }
}
