using System.Runtime.InteropServices;
using XairrosX.Drivers.Diagnostics;
using XairrosX.Drivers.Platform;

namespace XairrosX.Plugs.Memory.Gc;

/// <summary>
/// A stop-the-world, non-moving, non-generational mark-sweep collector over <see cref="ManagedHeap"/>.
/// One collection: retire the allocation region (segments become walkable), mark from the roots
/// (<see cref="Roots"/>: conservative stacks and image data, precise handles and the thread-static root),
/// trace precisely through GCDesc (<see cref="Marker"/>), settle dependent and weak handles, sweep into
/// free lists (<see cref="Sweeper"/>), set the next budget. Entry goes through gc.asm, which pushes the
/// callee-saved registers so that references held only in registers are on the scanned stack.
/// No finalizers: objects with finalizers are freed without running them (GC.SuppressFinalize and
/// ReRegisterForFinalize are accepted and do nothing). Never runs before the kernel enables it.
/// </summary>
public static unsafe class GarbageCollector
{
    /// <summary>Why a collection ran.</summary>
    public enum Reason
    {
        /// <summary>The allocation budget was spent.</summary>
        Budget = 0,
        /// <summary>No free block or new segment could hold an allocation.</summary>
        OutOfMemory = 1,
        /// <summary>GC.Collect or the kernel asked.</summary>
        Explicit = 2,
    }

    private const ulong InterruptFlag = 1 << 9;
    private static bool s_inProgress;

    /// <summary>True while a collection runs (allocation must not start another).</summary>
    public static bool InProgress => s_inProgress;

    [DllImport("*", EntryPoint = "xx_gc_collect_with_registers"), SuppressGCTransition]
    private static extern void CollectWithRegisters(int reason);

    /// <summary>Runs a full collection now (nothing happens before the kernel enabled collection).</summary>
    public static void Collect(Reason reason)
    {
        if (!ManagedHeap.CollectionEnabled || s_inProgress) return;
        CollectWithRegisters((int)reason);
    }

    // Called by gc.asm with the stack pointer below the pushed callee-saved registers.
    [UnmanagedCallersOnly(EntryPoint = "xx_gc_collect_on_stack")]
    private static void CollectOnStack(int reason, nint stackPointer)
    {
        // Interrupt handlers must not see objects while their MethodTable words carry mark bits.
        bool interruptsWereOn = (Cpu.ReadFlags() & InterruptFlag) != 0;
        Cpu.DisableInterrupts();
        s_inProgress = true;
        ulong start = Cpu.ReadTsc();
        ulong bytesBefore = GcStatistics.LiveBytes + ManagedHeap.AllocatedSinceCollection;
        ManagedHeap.RetireRegion();
        Marker.Begin();
        Roots.MarkAll(stackPointer);
        Roots.MarkDependents();
        Roots.ClearDeadWeakReferences();
        SweepResult sweep = Sweeper.SweepAll(ManagedHeap.FreeType, ref ManagedHeap.FreeLists);
        ManagedHeap.CollectionFinished(sweep.LiveBytes);
        GcStatistics.Record(start, Cpu.ReadTsc(), sweep, ManagedHeap.SegmentBytes, bytesBefore, Marker.PinnedObjects);
        s_inProgress = false;
        if (interruptsWereOn) Cpu.EnableInterrupts();
    }
}
