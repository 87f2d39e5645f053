using System;
using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory;
using XairrosX.Plugs.Runtime;

namespace XairrosX.Plugs.Exports;

/// <summary>
/// Allocation helpers that ilc-generated code and CoreLib call. RhpNewFast, RhpNewFinalizable,
/// RhpNewArrayFast, RhpNewPtrArrayFast and RhNewString are assembly fast paths (Native/alloc.asm) that
/// jump here (xx_alloc_object_slow, xx_alloc_array_slow) when the region is exhausted or the length is
/// bad; RhAllocateNewArray and RhAllocateNewObject are C#. All return the new object's address; they
/// throw OverflowException for bad lengths and OutOfMemoryException when the heap is exhausted.
/// </summary>
internal static unsafe class Allocation
{
    [UnmanagedCallersOnly(EntryPoint = "xx_alloc_object_slow")]
    private static void* ObjectSlowPath(MethodTable* type) => NewObject(type);

    [UnmanagedCallersOnly(EntryPoint = "xx_alloc_array_slow")]
    private static void* ArraySlowPath(MethodTable* type, nint length) => NewArray(type, length);

    [UnmanagedCallersOnly(EntryPoint = "RhAllocateNewArray")]
    private static void AllocateNewArray(MethodTable* type, uint length, uint flags, void** result)
        => *result = NewArray(type, (nint)length);

    [UnmanagedCallersOnly(EntryPoint = "RhAllocateNewObject")]
    private static void AllocateNewObject(MethodTable* type, uint flags, void** result)
        => *result = NewObject(type);

    // The heap's slow path runs with interrupts off: another thread must not bump the shared allocation
    // context or see a half-refilled region (the fast paths are in .text.nopreempt for the same reason).
    // An array's length is stored before interrupts come back on: a collection started by another thread
    // walks the heap by object sizes, and an array without its length would derail the walk.
    private static void* Allocate(MethodTable* type, nuint size, int arrayLength = -1)
    {
        ulong flags = Threading.InterruptState.Disable();
        void* obj = ManagedHeap.Allocate(type, size);
        if (obj != null && arrayLength >= 0) *(int*)((byte*)obj + ObjectLayout.ArrayLengthOffset) = arrayLength;
        Threading.InterruptState.Restore(flags);
        return obj;
    }

    private static void* NewObject(MethodTable* type)
    {
        void* obj = Allocate(type, type->BaseSize);
        if (obj == null) ThrowOutOfMemory();
        return obj;
    }

    private static void* NewArray(MethodTable* type, nint length)
    {
        if ((nuint)length > ObjectLayout.MaxArrayLength) ThrowOverflow();
        void* obj = Allocate(type, ManagedHeap.ObjectSize(type, (nuint)length), (int)length);
        if (obj == null) ThrowOutOfMemory();
        return obj;
    }

    private static void ThrowOverflow() => throw new OverflowException();

    // Made while memory is plentiful: when the heap is exhausted, allocating the exception could fail too.
    private static OutOfMemoryException s_outOfMemory;

    /// <summary>Creates the exception thrown when the heap is exhausted (at kmain, with the collector).</summary>
    internal static void PreallocateOutOfMemory() => s_outOfMemory ??= new OutOfMemoryException();

    private static void ThrowOutOfMemory()
    {
        ManagedHeap.EnterEmergency();
        throw s_outOfMemory ?? new OutOfMemoryException();
    }
}
