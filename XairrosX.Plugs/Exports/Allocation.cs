using System;
using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory;
using XairrosX.Plugs.Runtime;

namespace XairrosX.Plugs.Exports;

/// <summary>
/// Allocation helpers that ilc-generated code and CoreLib call:
/// RhpNewFast, RhpNewFinalizable, RhpNewArrayFast, RhpNewPtrArrayFast, RhNewString,
/// RhAllocateNewArray, RhAllocateNewObject. All return the new object's address; they throw
/// OverflowException for bad lengths and OutOfMemoryException when the heap is exhausted.
/// </summary>
internal static unsafe class Allocation
{
    [UnmanagedCallersOnly(EntryPoint = "RhpNewFast")]
    private static void* NewFast(MethodTable* type) => NewObject(type);

    // Finalizers are not run: the collector is non-finalizing (documented in XairrosX.Plugs/README.md),
    // so a finalizable object is allocated like any other and freed, when it dies, without its finalizer.
    [UnmanagedCallersOnly(EntryPoint = "RhpNewFinalizable")]
    private static void* NewFinalizable(MethodTable* type) => NewObject(type);

    [UnmanagedCallersOnly(EntryPoint = "RhpNewArrayFast")]
    private static void* NewArrayFast(MethodTable* type, nint length) => NewArray(type, length);

    [UnmanagedCallersOnly(EntryPoint = "RhpNewPtrArrayFast")]
    private static void* NewPtrArrayFast(MethodTable* type, nint length) => NewArray(type, length);

    [UnmanagedCallersOnly(EntryPoint = "RhNewString")]
    private static void* NewString(MethodTable* type, nint length) => NewArray(type, length);

    [UnmanagedCallersOnly(EntryPoint = "RhAllocateNewArray")]
    private static void AllocateNewArray(MethodTable* type, uint length, uint flags, void** result)
        => *result = NewArray(type, (nint)length);

    [UnmanagedCallersOnly(EntryPoint = "RhAllocateNewObject")]
    private static void AllocateNewObject(MethodTable* type, uint flags, void** result)
        => *result = NewObject(type);

    private static void* NewObject(MethodTable* type)
    {
        void* obj = ManagedHeap.Allocate(type, type->BaseSize);
        if (obj == null) ThrowOutOfMemory();
        return obj;
    }

    private static void* NewArray(MethodTable* type, nint length)
    {
        if ((nuint)length > ObjectLayout.MaxArrayLength) ThrowOverflow();
        void* obj = ManagedHeap.Allocate(type, ManagedHeap.ObjectSize(type, (nuint)length));
        if (obj == null) ThrowOutOfMemory();
        *(int*)((byte*)obj + ObjectLayout.ArrayLengthOffset) = (int)length;
        return obj;
    }

    private static void ThrowOverflow() => throw new OverflowException();

    private static void ThrowOutOfMemory() => throw new OutOfMemoryException();
}
