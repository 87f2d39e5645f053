using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory;

namespace XairrosX.Plugs.Pal;

/// <summary>
/// Native memory exports of the PAL, over <see cref="NativeHeap"/>: SystemNative_Malloc, Calloc, Realloc,
/// Free, AlignedAlloc, AlignedRealloc, AlignedFree, and MMap/MUnmap/MProtect (anonymous mappings only;
/// the kernel has one address space, so protection changes are accepted and not enforced).
/// </summary>
internal static unsafe class MemoryPal
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Malloc")]
    private static void* Malloc(nuint size) => NativeHeap.Allocate(size == 0 ? 1 : size);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Calloc")]
    private static void* Calloc(nuint count, nuint size)
    {
        nuint total = count * size;
        if (size != 0 && total / size != count) return null;
        void* p = NativeHeap.Allocate(total == 0 ? 1 : total);
        if (p != null) System.Runtime.CompilerServices.Unsafe.InitBlockUnaligned(p, 0, (uint)total);
        return p;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Realloc")]
    private static void* Realloc(void* p, nuint size) => NativeHeap.Reallocate(p, size == 0 ? 1 : size);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Free")]
    private static void Free(void* p) => NativeHeap.Free(p);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_AlignedAlloc")]
    private static void* AlignedAlloc(nuint alignment, nuint size) => NativeHeap.AlignedAllocate(alignment, size == 0 ? 1 : size);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_AlignedFree")]
    private static void AlignedFree(void* p) => NativeHeap.AlignedFree(p);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_AlignedRealloc")]
    private static void* AlignedRealloc(void* p, nuint alignment, nuint size)
    {
        void* q = NativeHeap.AlignedAllocate(alignment, size == 0 ? 1 : size);
        if (q == null || p == null) return q;
        byte* raw = (byte*)((void**)p)[-1];
        nuint old = NativeHeap.UsableSize(raw) - (nuint)((byte*)p - raw);
        System.Runtime.CompilerServices.Unsafe.CopyBlockUnaligned(q, p, (uint)(old < size ? old : size));
        NativeHeap.AlignedFree(p);
        return q;
    }

    private const int MapAnonymous = 0x10; // PAL_MAP_ANONYMOUS (the PAL's own flag values, not Linux's)

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_MMap")]
    private static void* MMap(void* address, ulong length, int protection, int flags, nint fd, long offset)
    {
        if ((flags & MapAnonymous) == 0 || length == 0) { Errno.Fail(Errno.ENOTSUP); return (void*)-1; }
        ulong interrupts = Threading.InterruptState.Disable();
        void* p = PageAllocator.AllocatePages((nuint)length);
        Threading.InterruptState.Restore(interrupts);
        if (p == null) { Errno.Fail(Errno.ENOMEM); return (void*)-1; }
        return p;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_MUnmap")]
    private static int MUnmap(void* address, ulong length) => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_MProtect")]
    private static int MProtect(void* address, ulong length, int protection) => 0;
}
