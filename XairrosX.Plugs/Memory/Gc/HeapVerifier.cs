using XairrosX.Plugs.Runtime;

namespace XairrosX.Plugs.Memory.Gc;

/// <summary>
/// Checks the heap's invariants (for tests and the gc verify command): every segment walks object by
/// object exactly to its used end, each object start is in the start map, and every reference field of
/// every object holds null, an address outside the heap (frozen image objects), or the start of an
/// allocated object — never a free block or the inside of an object (a dangling pointer left by a bad
/// sweep). Allocation-free; the current allocation region is retired first so the heap is walkable.
/// </summary>
public static unsafe class HeapVerifier
{
    private struct ReferenceChecker : IReferenceVisitor
    {
        public nint BadSlot;
        public nint BadValue;

        public void Visit(nint* slot)
        {
            nint value = *slot;
            if (value == 0 || BadSlot != 0 || IsObjectStart((nuint)value)) return;
            if ((nuint)value - SegmentTable.Low >= SegmentTable.High - SegmentTable.Low) return;
            if (SegmentTable.Find((nuint)value) == null) return;
            BadSlot = (nint)slot;
            BadValue = value;
        }
    }

    /// <summary>Returns null when the heap is consistent, else what is wrong.</summary>
    public static string Verify()
    {
        // Stop the world for the walk: another thread allocating meanwhile would open a new region mid-walk.
        ulong flags = Threading.InterruptState.Disable();
        string problem = VerifyStopped();
        Threading.InterruptState.Restore(flags);
        return problem;
    }

    private static string VerifyStopped()
    {
        if (GarbageCollector.InProgress) return "a collection is running";
        ManagedHeap.RetireRegion();
        MethodTable* freeType = ManagedHeap.FreeType;
        for (int i = 0; i < SegmentTable.Count; i++)
        {
            HeapSegment* segment = SegmentTable.Get(i);
            byte* block = segment->Start;
            while (block < segment->Used)
            {
                var type = (MethodTable*)*(nuint*)(block + ObjectLayout.HeaderSize);
                if (type == null || ((nuint)type & 7) != 0) return $"segment {i}: bad MethodTable word at {(nuint)block:x}";
                if (!ObjectStartMap.IsSet(segment->StartMap, (nuint)(block - segment->Start) / ObjectStartMap.GranuleSize))
                    return $"segment {i}: object at {(nuint)block:x} missing from the start map";
                nuint size = ManagedHeap.SizeInHeap(block, type);
                if (size < FreeBlock.MinSize || block + size > segment->Used) return $"segment {i}: object at {(nuint)block:x} has size {size}";
                if (type != freeType)
                {
                    var checker = new ReferenceChecker();
                    GcDescWalker.VisitReferences(block + ObjectLayout.HeaderSize, type, ref checker);
                    if (checker.BadSlot != 0)
                        return $"object at {(nuint)block + 8:x} (type {(nuint)type:x}) field +{(nuint)checker.BadSlot - (nuint)block - 8} refers to {(nuint)checker.BadValue:x}, {Describe((nuint)checker.BadValue)}";
                }
                block += size;
            }
            if (block != segment->Used) return $"segment {i}: walk ended at {(nuint)block:x}, used end {(nuint)segment->Used:x}";
        }
        return null;
    }

    private static string Describe(nuint value)
    {
        HeapSegment* segment = SegmentTable.Find(value);
        nint granule = ObjectStartMap.FindStartAtOrBelow(segment->StartMap, (value - (nuint)segment->Start) / ObjectStartMap.GranuleSize);
        if (granule < 0) return "before the segment's first object";
        byte* block = segment->Start + granule * ObjectStartMap.GranuleSize;
        var type = (MethodTable*)*(nuint*)(block + ObjectLayout.HeaderSize);
        string kind = type == ManagedHeap.FreeType ? "a free block" : $"an object of type {(nuint)type:x}";
        return $"inside {kind} at {(nuint)block + 8:x} (offset {value - (nuint)block - 8}, size {ManagedHeap.SizeInHeap(block, type)})";
    }

    private static bool IsObjectStart(nuint value)
    {
        HeapSegment* segment = SegmentTable.Find(value);
        if (segment == null || (value & 7) != 0 || value < (nuint)segment->Start + ObjectLayout.HeaderSize || value >= (nuint)segment->Used) return false;
        byte* block = (byte*)value - ObjectLayout.HeaderSize;
        if (!ObjectStartMap.IsSet(segment->StartMap, (nuint)(block - segment->Start) / ObjectStartMap.GranuleSize)) return false;
        return !FreeBlock.IsFree(block, ManagedHeap.FreeType);
    }
}
