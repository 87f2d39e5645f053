using System.Runtime.InteropServices;

namespace XairrosX.Plugs.Exports;

/// <summary>
/// Interface dispatch cells (rhbinder.h, release/10.0): the call site calls through a cell whose stub is
/// RhpInitialDynamicInterfaceDispatch (Native/runtime.asm); that stub asks CoreLib's RhpCidResolve, which
/// asks these exports for the cell's interface and slot: RhpGetDispatchCellInfo,
/// RhpSearchDispatchCellCache, RhpUpdateDispatchCellCache. Resolution is not cached yet: every
/// interface call through an unresolved cell resolves again (correct, slower).
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

    [UnmanagedCallersOnly(EntryPoint = "RhpUpdateDispatchCellCache")]
    private static void* UpdateDispatchCellCache(DispatchCell* cell, void* target, void* instanceType, DispatchCellInfo* info) => target;
}
