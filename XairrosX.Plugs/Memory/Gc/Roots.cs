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
/// The [ThreadStatic] root slot is a root. Writable image data (.data, .bss without the boot stack) is
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

    /// <summary>
    /// Hook for the scheduler: given the collecting thread's stack pointer, returns the top of that
    /// thread's stack (0 = unknown). Null means the boot thread's stack (the only one today).
    /// </summary>
    public static delegate*<nint, nint> CurrentStackTop;

    /// <summary>
    /// Hook for the scheduler: reports the stacks of all other (stopped) threads by calling
    /// <see cref="GarbageCollector.ScanStack"/> for each, from its saved stack pointer (with its saved
    /// registers pushed below) to its top. Null while there is one thread.
    /// </summary>
    public static delegate*<void> OtherStacks;

    public static void MarkAll(nint stackPointer)
    {
        nint low, high;
        KernelStackBounds(&low, &high);
        nint top = CurrentStackTop != null ? CurrentStackTop(stackPointer) : 0;
        if (top == 0)
        {
            if (stackPointer < low || stackPointer >= high) Panic.Fatal("gc: collecting on a stack the collector does not know");
            top = high;
        }
        Marker.ScanRange((nuint)stackPointer, (nuint)top, exactOnly: false);
        if (OtherStacks != null) OtherStacks();

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

        Marker.MarkReference(*Exports.Threads.ThreadStaticRoot);

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
