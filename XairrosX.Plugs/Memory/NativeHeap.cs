using System.Runtime.CompilerServices;

namespace XairrosX.Plugs.Memory;

/// <summary>
/// malloc/free for the PAL (NativeMemory, Marshal.AllocHGlobal, native buffers of the BCL).
/// Small blocks come from power-of-two size classes (16 B … 2 KiB) carved from 64 KiB chunks; larger
/// blocks are page runs. Every block carries a 16-byte header with its size so free and realloc need no
/// lookup; freed blocks go to per-class free lists (large ones to a first-fit list). Allocation-free.
/// </summary>
public static unsafe class NativeHeap
{
    private const int MinClassShift = 4, MaxClassShift = 11, ClassCount = MaxClassShift - MinClassShift + 1;
    private const nuint HeaderSize = 16, ChunkSize = 64 * 1024;
    private struct FreeLists { public fixed ulong Head[ClassCount]; }
    private struct Block { public nuint Size; public Block* Next; }
    private static FreeLists s_free;
    private static Block* s_largeFree;
    private static byte* s_chunkCursor, s_chunkLimit;
    private static ulong s_inUse;

    /// <summary>Bytes currently allocated (headers included).</summary>
    public static ulong BytesInUse => s_inUse;

    /// <summary>Allocates at least <paramref name="size"/> bytes, 16-byte aligned; null when out of memory.</summary>
    public static void* Allocate(nuint size)
    {
        ulong flags = Threading.InterruptState.Disable();
        void* p = AllocateLocked(size);
        Threading.InterruptState.Restore(flags);
        return p;
    }

    // Every entry point runs its body with interrupts off: threads share the size-class lists.
    private static void* AllocateLocked(nuint size)
    {
        nuint total = size + HeaderSize;
        Block* b;
        if (total <= (1u << MaxClassShift))
        {
            int cls = ClassOf(total);
            nuint classSize = (nuint)1 << (cls + MinClassShift);
            b = (Block*)s_free.Head[cls];
            if (b != null) s_free.Head[cls] = (ulong)b->Next;
            else
            {
                if ((nuint)(s_chunkLimit - s_chunkCursor) < classSize)
                {
                    s_chunkCursor = (byte*)PageAllocator.AllocatePages(ChunkSize);
                    if (s_chunkCursor == null) return null;
                    s_chunkLimit = s_chunkCursor + ChunkSize;
                }
                b = (Block*)s_chunkCursor;
                s_chunkCursor += classSize;
            }
            b->Size = classSize;
        }
        else
        {
            nuint pages = (total + PageAllocator.PageSize - 1) & ~(PageAllocator.PageSize - 1);
            b = TakeLarge(pages);
            if (b == null)
            {
                b = (Block*)PageAllocator.AllocatePages(pages);
                if (b == null) return null;
                b->Size = pages;
            }
        }
        b->Next = null;
        s_inUse += b->Size;
        return (byte*)b + HeaderSize;
    }

    private static Block* TakeLarge(nuint bytes)
    {
        Block* previous = null;
        for (Block* b = s_largeFree; b != null; previous = b, b = b->Next)
        {
            if (b->Size < bytes) continue;
            if (previous == null) s_largeFree = b->Next; else previous->Next = b->Next;
            return b;
        }
        return null;
    }

    /// <summary>Frees a block from <see cref="Allocate"/> (null is ignored).</summary>
    public static void Free(void* p)
    {
        if (p == null) return;
        ulong flags = Threading.InterruptState.Disable();
        FreeLocked(p);
        Threading.InterruptState.Restore(flags);
    }

    private static void FreeLocked(void* p)
    {
        Block* b = (Block*)((byte*)p - HeaderSize);
        s_inUse -= b->Size;
        if (b->Size <= (1u << MaxClassShift))
        {
            int cls = ClassOf(b->Size);
            b->Next = (Block*)s_free.Head[cls];
            s_free.Head[cls] = (ulong)b;
        }
        else
        {
            b->Next = s_largeFree;
            s_largeFree = b;
        }
    }

    /// <summary>Usable size of a block.</summary>
    public static nuint UsableSize(void* p) => p == null ? 0 : ((Block*)((byte*)p - HeaderSize))->Size - HeaderSize;

    /// <summary>Resizes a block, moving it when needed.</summary>
    public static void* Reallocate(void* p, nuint size)
    {
        if (p == null) return Allocate(size);
        nuint old = UsableSize(p);
        if (size <= old) return p;
        void* q = Allocate(size);
        if (q == null) return null;
        Unsafe.CopyBlockUnaligned(q, p, (uint)old);
        Free(p);
        return q;
    }

    /// <summary>Allocates with an alignment (a power of two); free with <see cref="AlignedFree"/>.</summary>
    public static void* AlignedAllocate(nuint alignment, nuint size)
    {
        if (alignment < 16) alignment = 16;
        byte* raw = (byte*)Allocate(size + alignment + 16);
        if (raw == null) return null;
        byte* aligned = (byte*)(((nuint)raw + 16 + alignment - 1) & ~(alignment - 1));
        ((void**)aligned)[-1] = raw;
        return aligned;
    }

    /// <summary>Frees a block from <see cref="AlignedAllocate"/>.</summary>
    public static void AlignedFree(void* p)
    {
        if (p != null) Free(((void**)p)[-1]);
    }

    private static int ClassOf(nuint total)
    {
        int shift = MinClassShift;
        while (((nuint)1 << shift) < total) shift++;
        return shift - MinClassShift;
    }
}
