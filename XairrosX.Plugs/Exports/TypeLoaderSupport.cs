using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory;
using XairrosX.Plugs.Runtime;

namespace XairrosX.Plugs.Exports;

/// <summary>
/// What reflection and the type loader of CoreLib ask the runtime for: RhFindBlob, RhGetCodeTarget,
/// RhGetTargetOfUnboxingAndInstantiatingStub, RhNewInterfaceDispatchCell, RhGetGCDescSize,
/// RhGetGeneration, RhRegisterForGCReporting, RhUnregisterForGCReporting.
/// </summary>
internal static unsafe class TypeLoaderSupport
{
    // ReadyToRunSectionType.ReadonlyBlobRegionStart/End (ModuleHeaders.h).
    private const uint ReadonlyBlobRegionStart = 300, ReadonlyBlobRegionEnd = 399;

    [UnmanagedCallersOnly(EntryPoint = "RhFindBlob")]
    private static int FindBlob(ModuleInit.TypeManager** handle, uint blobId, byte** blob, uint* length)
    {
        uint section = ReadonlyBlobRegionStart + blobId;
        *blob = null;
        *length = 0;
        if (section > ReadonlyBlobRegionEnd) return 0;
        int size;
        void* start = ModuleInit.FindSection(*handle, (int)section, &size);
        if (start == null) return 0;
        *blob = (byte*)start;
        *length = (uint)size;
        return 1;
    }

    // No jump stubs or unboxing stubs are indirected in a statically linked image: code targets are direct.
    [UnmanagedCallersOnly(EntryPoint = "RhGetCodeTarget")]
    private static void* GetCodeTarget(void* codeAddress) => codeAddress;

    [UnmanagedCallersOnly(EntryPoint = "RhGetTargetOfUnboxingAndInstantiatingStub")]
    private static void* GetTargetOfUnboxingAndInstantiatingStub(void* codeAddress) => null;

    [DllImport("*", EntryPoint = "xx_interface_dispatch_stub"), SuppressGCTransition]
    private static extern nuint InterfaceDispatchStub();

    // A run of one cell plus its terminator: {stub, interface | 1}, {0, slot} (rhbinder.h encoding).
    [UnmanagedCallersOnly(EntryPoint = "RhNewInterfaceDispatchCell")]
    private static nuint* NewInterfaceDispatchCell(void* interfaceType, int slot)
    {
        var cell = (nuint*)NativeHeap.Allocate((nuint)(4 * sizeof(nuint)));
        if (cell == null) return null;
        cell[0] = InterfaceDispatchStub();
        cell[1] = (nuint)interfaceType | 1;
        cell[2] = 0;
        cell[3] = (nuint)(ushort)slot;
        return cell;
    }

    // GCDesc sits just before the MethodTable: a series count, then the series (see the collector).
    [UnmanagedCallersOnly(EntryPoint = "RhGetGCDescSize")]
    private static int GetGCDescSize(MethodTable* type)
    {
        if (!type->ContainsGCPointers) return 0;
        nint series = ((nint*)type)[-1];
        return series >= 0 ? sizeof(nint) + (int)series * 2 * sizeof(nint) : 2 * sizeof(nint) + (int)(-series) * sizeof(nint);
    }

    [UnmanagedCallersOnly(EntryPoint = "RhGetGeneration")]
    private static int GetGeneration(nint obj) => 0;

    // Stack-allocated GC reporting frames: the collector scans stacks conservatively, so nothing to record.
    [UnmanagedCallersOnly(EntryPoint = "RhRegisterForGCReporting")]
    private static void RegisterForGCReporting(void* frame) { }

    [UnmanagedCallersOnly(EntryPoint = "RhUnregisterForGCReporting")]
    private static void UnregisterForGCReporting(void* frame) { }
}
