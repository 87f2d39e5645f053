using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory;

namespace XairrosX.Plugs.Exports;

/// <summary>GC handle exports: RhpHandleAlloc, RhpHandleAllocDependent, RhHandleFree, RhHandleSet,
/// RhHandleGetDependent, RhHandleSetDependentSecondary.</summary>
internal static unsafe class Handles
{
    private const int DependentHandleType = 6;

    [UnmanagedCallersOnly(EntryPoint = "RhpHandleAlloc")]
    private static HandleTable.Slot* Alloc(nint target, int type) => HandleTable.Allocate(target, 0, type);

    [UnmanagedCallersOnly(EntryPoint = "RhpHandleAllocDependent")]
    private static HandleTable.Slot* AllocDependent(nint primary, nint secondary) => HandleTable.Allocate(primary, secondary, DependentHandleType);

    [UnmanagedCallersOnly(EntryPoint = "RhHandleFree")]
    private static void Free(HandleTable.Slot* handle) => HandleTable.Free(handle);

    [UnmanagedCallersOnly(EntryPoint = "RhHandleSet")]
    private static void Set(HandleTable.Slot* handle, nint target) => handle->Target = target;

    [UnmanagedCallersOnly(EntryPoint = "RhHandleGetDependent")]
    private static nint GetDependent(HandleTable.Slot* handle, nint* secondary)
    {
        *secondary = handle->Secondary;
        return handle->Target;
    }

    [UnmanagedCallersOnly(EntryPoint = "RhHandleSetDependentSecondary")]
    private static void SetDependentSecondary(HandleTable.Slot* handle, nint secondary) => handle->Secondary = secondary;
}
