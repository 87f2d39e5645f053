using XairrosX.Plugs.Runtime;

namespace XairrosX.Plugs.Memory.Gc;

/// <summary>What a sweep found.</summary>
internal struct SweepResult
{
    public ulong LiveBytes;
    public ulong LiveObjects;
    public ulong FreeBytes;
}

/// <summary>
/// The sweep: walks every segment object by object, clears the mark bits of survivors, and turns each
/// maximal run of dead objects and old free blocks (plus a segment's untouched tail) into one free block
/// on a rebuilt free list; the start-map bits of objects swallowed by a run are cleared. Non-moving:
/// survivors stay where they are, so interior pointers and pinned objects need nothing special.
/// </summary>
internal static unsafe class Sweeper
{
    public static SweepResult SweepAll(MethodTable* freeType, ref FreeList freeList)
    {
        var result = new SweepResult();
        freeList.Clear();
        for (int i = 0; i < SegmentTable.Count; i++) SweepSegment(SegmentTable.Get(i), freeType, ref freeList, ref result);
        return result;
    }

    /// <summary>Sweeps one segment (exposed for the host tests).</summary>
    public static void SweepSegment(HeapSegment* segment, MethodTable* freeType, ref FreeList freeList, ref SweepResult result)
    {
        byte* run = null;
        byte* end = segment->Used;
        ulong* map = segment->StartMap;
        for (byte* block = segment->Start; block < end;)
        {
            nuint* typeWord = (nuint*)(block + ObjectLayout.HeaderSize);
            nuint word = *typeWord;
            nuint size = ManagedHeap.SizeInHeap(block, (MethodTable*)(word & ~(nuint)1));
            if ((word & 1) != 0)
            {
                *typeWord = word & ~(nuint)1;
                result.LiveBytes += size;
                result.LiveObjects++;
                if (run != null)
                {
                    Release(segment, run, block, freeType, ref freeList, ref result, zeroed: false);
                    run = null;
                }
            }
            else if (run == null)
            {
                run = block;
            }
            else
            {
                ObjectStartMap.Clear(map, (nuint)(block - segment->Start) / ObjectStartMap.GranuleSize);
            }
            block += size;
        }
        bool tailOnly = false;
        if (end < segment->End)
        {
            if (run == null)
            {
                run = end;
                tailOnly = true;
                ObjectStartMap.Set(map, (nuint)(end - segment->Start) / ObjectStartMap.GranuleSize);
            }
            segment->Used = segment->End;
        }
        if (run != null) Release(segment, run, segment->End, freeType, ref freeList, ref result, tailOnly);
    }

    private static void Release(HeapSegment* segment, byte* start, byte* end, MethodTable* freeType, ref FreeList freeList, ref SweepResult result, bool zeroed)
    {
        nuint size = (nuint)(end - start);
        FreeBlock.Format(start, size, freeType, zeroed);
        freeList.Add(start);
        result.FreeBytes += size;
    }
}
