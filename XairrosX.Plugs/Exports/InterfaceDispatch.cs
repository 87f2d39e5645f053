using System.Runtime.InteropServices;

namespace XairrosX.Plugs.Exports;

/// <summary>
/// Interface dispatch cells (rhbinder.h, release/10.0): the call site calls through a cell whose stub is
/// RhpInitialDynamicInterfaceDispatch (Native/runtime.asm); that stub asks CoreLib's RhpCidResolve, which
/// asks these exports for the cell's interface and slot: RhpGetDispatchCellInfo,
/// RhpSearchDispatchCellCache, RhpUpdateDispatchCellCache. After the first resolution a cell becomes a
/// monomorphic inline cache: its stub turns into xx_interface_dispatch_cached (Native/runtime.asm), which
/// jumps straight to the target while the receiver's MethodTable is the cached one, and its cache word
/// points at a <see cref="CacheEntry"/> that also keeps the interface and slot the cell stood for.
/// </summary>
internal static unsafe class InterfaceDispatch
{
    [StructLayout(LayoutKind.Sequential)]
    private struct DispatchCell
    {
        public nuint Stub;
        public nuint Cache;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct DispatchCellInfo
    {
        public int CellType;          // 0 InterfaceAndSlot, 1 MetadataToken, 2 VTableOffset
        public void* InterfaceType;
        public ushort InterfaceSlot;
        public byte HasCache;
        public uint MetadataToken;
        public uint VTableOffset;
    }

    // Layout shared with xx_interface_dispatch_cached: the MethodTable at 16, the target at 24.
    [StructLayout(LayoutKind.Sequential)]
    private struct CacheEntry
    {
        public void* InterfaceType;
        public nuint Slot;
        public void* InstanceType;
        public void* Target;
    }

    [DllImport("*", EntryPoint = "xx_interface_dispatch_cached_stub"), SuppressGCTransition]
    private static extern nuint CachedStub();

    private const nuint CachePointerMask = 0x3;
    private const nuint IsInterfaceRelativePointer = 0x3;
    private const nuint IsIndirectedInterfaceRelativePointer = 0x2;
    private const nuint IsInterfacePointerOrMetadataToken = 0x1;
    private const nuint MaxVTableOffsetPlusOne = 0x1000;

    [UnmanagedCallersOnly(EntryPoint = "RhpGetDispatchCellInfo")]
    private static void GetDispatchCellInfo(DispatchCell* cell, DispatchCellInfo* info)
    {
        *info = default;
        nuint cache = cell->Cache;
        if (cell->Stub == CachedStub())
        {
            var entry = (CacheEntry*)cache;
            info->CellType = 0;
            info->InterfaceType = entry->InterfaceType;
            info->InterfaceSlot = (ushort)entry->Slot;
            info->HasCache = 1;
            return;
        }
        if (cache < MaxVTableOffsetPlusOne && (cache & CachePointerMask) == 0)
        {
            info->CellType = 2;
            info->VTableOffset = (uint)cache;
            info->HasCache = 1;
            return;
        }
        // The slot and cell kind are stored once per run of cells, in the terminating cell (null stub).
        DispatchCell* last = cell;
        while (last->Stub != 0) last++;
        nuint flags = last->Cache;
        info->CellType = (int)(flags >> 16);
        if (info->CellType == 0)
        {
            info->InterfaceSlot = (ushort)flags;
            switch (cache & CachePointerMask)
            {
                case IsInterfacePointerOrMetadataToken:
                    info->InterfaceType = (void*)(cache & ~CachePointerMask);
                    break;
                case IsInterfaceRelativePointer:
                case IsIndirectedInterfaceRelativePointer:
                    nuint target = (nuint)(&cell->Cache) + (nuint)(nint)(int)(uint)cache;
                    target &= ~CachePointerMask;
                    info->InterfaceType = (cache & CachePointerMask) == IsInterfaceRelativePointer ? (void*)target : *(void**)target;
                    break;
            }
        }
        else
        {
            info->MetadataToken = (uint)(cache >> 2);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "RhpSearchDispatchCellCache")]
    private static void* SearchDispatchCellCache(DispatchCell* cell, void* instanceType) => null;

    // Only interface-and-slot cells are cached (metadata-token and vtable-offset cells keep resolving).
    [UnmanagedCallersOnly(EntryPoint = "RhpUpdateDispatchCellCache")]
    private static void* UpdateDispatchCellCache(DispatchCell* cell, void* target, void* instanceType, DispatchCellInfo* info)
    {
        if (info->CellType != 0 || info->InterfaceType == null) return target;
        nuint stub = CachedStub();
        CacheEntry* entry;
        if (cell->Stub == stub) entry = (CacheEntry*)cell->Cache;
        else
        {
            entry = (CacheEntry*)Memory.NativeHeap.Allocate((nuint)sizeof(CacheEntry));
            if (entry == null) return target;
            entry->InterfaceType = info->InterfaceType;
            entry->Slot = info->InterfaceSlot;
        }
        // The stub compares the type and then jumps to the target; clearing the type first means a thread
        // preempted between these stores sees no match (and resolves) rather than a stale target.
        System.Threading.Volatile.Write(ref *(nint*)&entry->InstanceType, 0);
        System.Threading.Volatile.Write(ref *(nint*)&entry->Target, (nint)target);
        System.Threading.Volatile.Write(ref *(nint*)&entry->InstanceType, (nint)instanceType);
        cell->Cache = (nuint)entry;
        cell->Stub = stub;
        return target;
    }
}
