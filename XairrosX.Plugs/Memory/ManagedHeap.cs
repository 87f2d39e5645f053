using System.Runtime.CompilerServices;
using XairrosX.Drivers.Diagnostics;
using XairrosX.Plugs.Runtime;

namespace XairrosX.Plugs.Memory;

/// <summary>
/// The managed object heap. Objects are laid out back to back in segments taken from
/// <see cref="PageAllocator"/> in 2 MiB units: [header word][MethodTable*][fields…], each allocation
/// exactly the object's size (BaseSize + ComponentSize × length, 8-byte aligned), so the heap can be
/// walked object by object — the property a mark-sweep collector needs.
/// Contract for the collector that plugs in here: <see cref="Allocate"/> returns zeroed memory for one
/// object or null when memory is exhausted; it is the only way objects come into existence.
/// </summary>
public static unsafe class ManagedHeap
{
    /// <summary>Granularity of heap segments.</summary>
    public const nuint SegmentSize = 2 * 1024 * 1024;
    private static byte* s_cursor;
    private static byte* s_limit;
    private static ulong s_allocatedBytes;
    private static ulong s_allocationCount;
    private static ulong s_segmentBytes;
    private static int s_segmentCount;

    /// <summary>Bytes of objects allocated since boot.</summary>
    public static ulong AllocatedBytes => s_allocatedBytes;
    /// <summary>Objects allocated since boot.</summary>
    public static ulong AllocationCount => s_allocationCount;
    /// <summary>Bytes of segments the heap holds.</summary>
    public static ulong SegmentBytes => s_segmentBytes;
    /// <summary>Number of segments.</summary>
    public static int SegmentCount => s_segmentCount;

    /// <summary>Allocates an object of <paramref name="size"/> bytes (header included) and stores its
    /// MethodTable; returns the object pointer (just past the header), or null when out of memory.</summary>
    internal static void* Allocate(MethodTable* type, nuint size)
    {
        size = (size + 7) & ~(nuint)7;
        if ((nuint)(s_limit - s_cursor) < size && !Grow(size)) return null;
        byte* block = s_cursor;
        s_cursor += size;
        s_allocatedBytes += size;
        s_allocationCount++;
        void* obj = block + ObjectLayout.HeaderSize;
        *(MethodTable**)obj = type;
        return obj;
    }

    /// <summary>Allocates or panics: for the runtime's own start-up, where no exception can be thrown yet.</summary>
    internal static void* AllocateOrPanic(MethodTable* type, nuint size)
    {
        void* obj = Allocate(type, size);
        if (obj == null) Panic.Fatal("managed heap exhausted");
        return obj;
    }

    private static bool Grow(nuint size)
    {
        // The header of the first object sits at the segment start; a segment ends exactly where its
        // last object ends, so a walk of a segment stops at its cursor.
        nuint needed = size + ObjectLayout.HeaderSize;
        nuint bytes = needed <= SegmentSize ? SegmentSize : (needed + SegmentSize - 1) & ~(SegmentSize - 1);
        byte* segment = (byte*)PageAllocator.AllocatePages(bytes, SegmentSize);
        if (segment == null) return false;
        s_cursor = segment;
        s_limit = segment + bytes;
        s_segmentBytes += bytes;
        s_segmentCount++;
        return true;
    }

    /// <summary>Size in bytes of an object of a type with the given element count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nuint ObjectSize(MethodTable* type, nuint length) => type->BaseSize + type->ComponentSize * length;
}
