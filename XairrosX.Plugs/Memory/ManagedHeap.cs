using System.Runtime.CompilerServices;
using XairrosX.Drivers.Diagnostics;
using XairrosX.Plugs.Memory.Gc;
using XairrosX.Plugs.Runtime;

namespace XairrosX.Plugs.Memory;

/// <summary>
/// The managed object heap and its allocator. Objects lie back to back in segments (2 MiB-aligned, from
/// <see cref="PageAllocator"/>): [header word][MethodTable*][fields…], each exactly
/// <see cref="ObjectSize"/> bytes, so a segment can be walked object by object; free space is formatted
/// as free blocks (<see cref="FreeBlock"/>) so the walk never meets a hole. Every object start is
/// recorded in the segment's <see cref="ObjectStartMap"/> for the conservative stack scan.
/// Allocation bumps a pointer through a region: the untouched tail of a segment, or a piece carved from
/// a free block (then zeroed). A region always keeps <see cref="FreeBlock.MinSize"/> bytes in reserve, so
/// what is left when it is retired can be formatted as a free block. When a region runs out, the slow
/// path may start a collection (<see cref="GarbageCollector"/>): the allocation budget is spent, or no
/// memory is left. Not reentrant and not interrupt-safe: interrupt handlers must not allocate, and with
/// several threads the caller must serialize allocation (one kernel thread today).
/// </summary>
public static unsafe class ManagedHeap
{
    /// <summary>Granularity of heap segments.</summary>
    public const nuint SegmentSize = SegmentTable.Granularity;
    // Regions carved from free blocks are at most this big: zeroing ahead of use stays bounded.
    private const nuint RegionQuantum = 32 * 1024;
    // Larger objects bypass regions and are placed straight into a free block or a new segment.
    private const nuint LargeObjectSize = 16 * 1024;
    private const nuint MinimumBudget = 16 * 1024 * 1024;
    // Physical memory the heap leaves to the rest of the kernel (native heap, page tables, stacks), and
    // the part of it an out-of-memory exception may still use so that its dispatch can allocate.
    private const ulong KernelReserve = 16 * 1024 * 1024;
    private const ulong EmergencyReserve = 4 * 1024 * 1024;
    private static bool s_emergency;

    // The region's cursor, limit and counters live in the AllocationContext the asm fast paths share.
    private static HeapSegment* s_regionSegment;
    private static bool s_regionIsTail;      // the region is its segment's untouched tail
    private static ulong s_segmentBytes;
    private static ulong s_budget = MinimumBudget;
    private static FreeList s_freeList;
    private static MethodTable* s_freeType;
    private static bool s_collectionEnabled;

    /// <summary>Bytes of objects allocated since boot.</summary>
    public static ulong AllocatedBytes => AllocationContext.Current->AllocatedBytes;
    /// <summary>Objects allocated since boot.</summary>
    public static ulong AllocationCount => AllocationContext.Current->AllocationCount;
    /// <summary>Bytes of segments the heap holds.</summary>
    public static ulong SegmentBytes => s_segmentBytes;
    /// <summary>Number of segments.</summary>
    public static int SegmentCount => SegmentTable.Count;
    /// <summary>Bytes allocated since the last collection.</summary>
    public static ulong AllocatedSinceCollection => AllocationContext.Current->AllocatedSinceCollection;
    /// <summary>Bytes that may be allocated between collections before one is triggered.</summary>
    public static ulong Budget => s_budget;
    /// <summary>True once the kernel has switched collection on (<see cref="EnableCollection"/>).</summary>
    public static bool CollectionEnabled => s_collectionEnabled;
    /// <summary>Bytes in free blocks on the free lists.</summary>
    public static ulong FreeListBytes => s_freeList.TotalBytes;

    /// <summary>The MethodTable free blocks are formatted with (a private copy of byte[]'s head); null before collection is enabled.</summary>
    internal static MethodTable* FreeType => s_freeType;

    internal static ref FreeList FreeLists => ref s_freeList;

    /// <summary>
    /// Switches garbage collection on. Called once by the kernel in kmain, after the runtime and CoreLib
    /// are initialized: before that no collection may run (statics are being set up, handles created).
    /// Free blocks get their own MethodTable: a copy of byte[]'s fixed head (taken from a real byte[]) at
    /// an address of its own, so the ordinary size rule walks them and a real byte[] is never mistaken
    /// for free space.
    /// </summary>
    public static void EnableCollection()
    {
        if (s_collectionEnabled) return;
        byte[] probe = new byte[1];
        var byteArray = *(MethodTable**)Unsafe.As<byte[], nint>(ref probe);
        if (byteArray->ComponentSize != 1 || byteArray->BaseSize != FreeBlock.MinSize || byteArray->ContainsGCPointers)
            Panic.Fatal("byte[] does not have the layout free blocks need");
        var freeType = (MethodTable*)PageAllocator.AllocatePagesOrPanic(PageAllocator.PageSize);
        *freeType = *byteArray;
        s_freeType = freeType;
        Exports.Allocation.PreallocateOutOfMemory();
        s_collectionEnabled = true;
    }

    /// <summary>Allocates an object of <paramref name="size"/> bytes (header included) and stores its
    /// MethodTable; returns the object pointer (just past the header), or null when out of memory.
    /// The memory is zeroed.</summary>
    internal static void* Allocate(MethodTable* type, nuint size)
    {
        size = (size + 7) & ~(nuint)7;
        AllocationContext* context = AllocationContext.Current;
        byte* block = context->Cursor;
        if ((nuint)(context->Limit - block) < size)
        {
            block = AllocateSlow(size);
            if (block == null) return null;
        }
        else
        {
            context->Cursor = block + size;
            ObjectStartMap.Set(context->StartMap, (nuint)(block - context->SegmentStart) / ObjectStartMap.GranuleSize);
        }
        context->AllocatedBytes += size;
        context->AllocatedSinceCollection += size;
        context->AllocationCount++;
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

    /// <summary>Size in bytes of an object of a type with the given element count (before 8-byte rounding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nuint ObjectSize(MethodTable* type, nuint length) => type->BaseSize + type->ComponentSize * length;

    /// <summary>Size in bytes the object at <paramref name="block"/> occupies in its segment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nuint SizeInHeap(byte* block, MethodTable* type)
    {
        nuint size = type->BaseSize;
        uint component = type->ComponentSize;
        if (component != 0) size += component * (nuint)(*(uint*)(block + ObjectLayout.HeaderSize + ObjectLayout.ArrayLengthOffset));
        return (size + 7) & ~(nuint)7;
    }

    private static byte* AllocateSlow(nuint size)
    {
        if (size < FreeBlock.MinSize) size = FreeBlock.MinSize;
        RetireRegion();
        if (s_collectionEnabled && AllocatedSinceCollection >= s_budget && !GarbageCollector.InProgress)
            GarbageCollector.Collect(GarbageCollector.Reason.Budget);
        for (int attempt = 0; attempt < 2; attempt++)
        {
            byte* block = size >= LargeObjectSize ? PlaceLarge(size) : PlaceInNewRegion(size);
            if (block != null) return block;
            if (Grow(size))
            {
                block = size >= LargeObjectSize ? PlaceLarge(size) : PlaceInNewRegion(size);
                if (block != null) return block;
            }
            if (!s_collectionEnabled || GarbageCollector.InProgress) return null;
            GarbageCollector.Collect(GarbageCollector.Reason.OutOfMemory);
        }
        return null;
    }

    // A large object gets exactly its size from a free block (the rest goes back on the free list).
    private static byte* PlaceLarge(nuint size)
    {
        if (s_freeType == null) return PlaceInTail(size);
        byte* block = s_freeList.Take(size);
        if (block == null) return PlaceInTail(size);
        HeapSegment* segment = SegmentTable.Find((nuint)block);
        bool zeroed = FreeBlock.IsZeroed(block);
        SplitOff(segment, block, size, zeroed);
        Zero(block, size, zeroed);
        ObjectStartMap.Set(segment->StartMap, (nuint)(block - segment->Start) / ObjectStartMap.GranuleSize);
        return block;
    }

    // Before the first collection (and when no free block fits) objects go into the newest segment's tail.
    private static byte* PlaceInTail(nuint size)
    {
        int count = SegmentTable.Count;
        if (count == 0) return null;
        HeapSegment* segment = SegmentTable.Get(count - 1);
        if (!FreeList.Fits((nuint)(segment->End - segment->Used), size)) return null;
        byte* block = segment->Used;
        segment->Used += size;
        ObjectStartMap.Set(segment->StartMap, (nuint)(block - segment->Start) / ObjectStartMap.GranuleSize);
        return block;
    }

    // Opens a new region big enough for size (plus the reserve) and allocates the object at its start.
    private static byte* PlaceInNewRegion(nuint size)
    {
        nuint need = size + FreeBlock.MinSize;
        byte* start;
        nuint length;
        HeapSegment* segment;
        if (s_freeType != null && (start = s_freeList.Take(need)) != null)
        {
            segment = SegmentTable.Find((nuint)start);
            nuint available = FreeBlock.SizeOf(start);
            bool zeroed = FreeBlock.IsZeroed(start);
            length = need > RegionQuantum ? need : RegionQuantum;
            if (!FreeList.Fits(available, length)) length = available;
            SplitOff(segment, start, length, zeroed);
            Zero(start, length, zeroed);
            s_regionIsTail = false;
        }
        else
        {
            int count = SegmentTable.Count;
            if (count == 0) return null;
            segment = SegmentTable.Get(count - 1);
            length = (nuint)(segment->End - segment->Used);
            if (length < need) return null;
            start = segment->Used;
            s_regionIsTail = true;
        }
        s_regionSegment = segment;
        AllocationContext* context = AllocationContext.Current;
        context->SegmentStart = segment->Start;
        context->StartMap = segment->StartMap;
        context->Limit = start + length - FreeBlock.MinSize;
        context->Cursor = start + size;
        ObjectStartMap.Set(segment->StartMap, (nuint)(start - segment->Start) / ObjectStartMap.GranuleSize);
        return start;
    }

    // Keeps [block, block + used) and puts the rest of the free block back on the free list.
    private static void SplitOff(HeapSegment* segment, byte* block, nuint used, bool zeroed)
    {
        nuint available = FreeBlock.SizeOf(block);
        if (available == used) return;
        byte* rest = block + used;
        FreeBlock.Format(rest, available - used, s_freeType, zeroed);
        ObjectStartMap.Set(segment->StartMap, (nuint)(rest - segment->Start) / ObjectStartMap.GranuleSize);
        s_freeList.Add(rest);
    }

    private static void Zero(byte* block, nuint length, bool zeroedBeyondHead)
    {
        nuint bytes = zeroedBeyondHead ? FreeBlock.MinSize : length;
        Unsafe.InitBlockUnaligned(block, 0, (uint)bytes);
    }

    /// <summary>
    /// Ends the current allocation region so that its segment is walkable: a segment tail just records
    /// how far it is used; the unused rest of a carved region (at least <see cref="FreeBlock.MinSize"/>
    /// bytes, still zero) becomes a free block. Called by the slow path and before every collection.
    /// </summary>
    internal static void RetireRegion()
    {
        AllocationContext* context = AllocationContext.Current;
        byte* cursor = context->Cursor;
        if (cursor == null) return;
        HeapSegment* segment = s_regionSegment;
        byte* end = context->Limit + FreeBlock.MinSize;
        if (s_regionIsTail)
        {
            segment->Used = cursor;
        }
        else
        {
            FreeBlock.Format(cursor, (nuint)(end - cursor), s_freeType, zeroed: true);
            ObjectStartMap.Set(segment->StartMap, (nuint)(cursor - segment->Start) / ObjectStartMap.GranuleSize);
            s_freeList.Add(cursor);
        }
        context->Limit = null;
        context->Cursor = null;
        context->SegmentStart = null;
        context->StartMap = null;
        s_regionSegment = null;
    }

    /// <summary>
    /// Called when an allocation fails, just before OutOfMemoryException is thrown: lets the heap grow into
    /// the kernel reserve (all but <see cref="EmergencyReserve"/>) until the next collection, so that the
    /// exception's dispatch and the handler's first steps can allocate.
    /// </summary>
    internal static void EnterEmergency() => s_emergency = true;

    // A new segment: 2 MiB-aligned pages, its object-start map in its own last bytes (a separate
    // allocation would break the next segment's alignment and waste most of 2 MiB each time).
    private static bool Grow(nuint size)
    {
        nuint needed = size + FreeBlock.MinSize;
        nuint bytes = SegmentSize;
        while (bytes - ObjectStartMap.BytesFor(bytes) < needed) bytes += SegmentSize;
        ulong reserve = s_emergency ? EmergencyReserve : KernelReserve;
        if (PageAllocator.UsedBytes + bytes + reserve > PageAllocator.TotalBytes) return false;
        byte* segment = (byte*)PageAllocator.AllocatePages(bytes, SegmentSize);
        if (segment == null) return false;
        nuint mapBytes = ObjectStartMap.BytesFor(bytes);
        if (!SegmentTable.Add(segment, bytes - mapBytes, (ulong*)(segment + bytes - mapBytes))) return false;
        s_segmentBytes += bytes;
        return true;
    }

    /// <summary>Called by the collector after a sweep: restarts the budget from what survived.</summary>
    internal static void CollectionFinished(ulong liveBytes)
    {
        AllocationContext.Current->AllocatedSinceCollection = 0;
        s_emergency = false;
        s_budget = liveBytes > MinimumBudget ? liveBytes : MinimumBudget;
    }
}
