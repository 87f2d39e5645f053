using System.Runtime.CompilerServices;
using XairrosX.Plugs.Runtime;

namespace XairrosX.Plugs.Memory.Gc;

/// <summary>
/// The mark phase: a mark bit (bit 0 of the MethodTable word, free while a collection runs because
/// MethodTables are 8-byte aligned; the sweep clears it) and an explicit mark stack of objects whose
/// fields are still to be traced. Fields are traced precisely through <see cref="GcDescWalker"/>. When the
/// fixed-size mark stack is full, the object stays marked but untraced and the address range of such
/// objects is remembered; <see cref="Drain"/> then rescans that range for marked objects and traces them
/// (the overflow scheme of the .NET GC), so marking needs no memory beyond the stack.
/// </summary>
internal static unsafe class Marker
{
    private const int Capacity = 64 * 1024;
    private static byte** s_stack;
    private static int s_count;
    private static nuint s_overflowLow, s_overflowHigh;
    private static ulong s_pinnedObjects;

    /// <summary>Objects kept alive by conservative roots (pinned in place) in this collection.</summary>
    public static ulong PinnedObjects => s_pinnedObjects;

    public static void Begin()
    {
        if (s_stack == null) s_stack = (byte**)PageAllocator.AllocatePagesOrPanic((nuint)(Capacity * sizeof(byte*)));
        s_count = 0;
        s_overflowLow = nuint.MaxValue;
        s_overflowHigh = 0;
        s_pinnedObjects = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static MethodTable* TypeOf(byte* obj) => (MethodTable*)(*(nuint*)obj & ~(nuint)1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsMarked(byte* obj) => (*(nuint*)obj & 1) != 0;

    /// <summary>True when the object survives: outside the heap (frozen, image) or marked.</summary>
    public static bool IsAlive(nint value)
    {
        if ((nuint)value - SegmentTable.Low >= SegmentTable.High - SegmentTable.Low) return true;
        return IsMarked((byte*)value);
    }

    /// <summary>Marks a precise reference: null, an object outside the heap (frozen), or a heap object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MarkReference(nint value)
    {
        if ((nuint)value - SegmentTable.Low >= SegmentTable.High - SegmentTable.Low) return;
        MarkObject((byte*)value);
    }

    private static void MarkObject(byte* obj)
    {
        nuint word = *(nuint*)obj;
        if ((word & 1) != 0) return;
        *(nuint*)obj = word | 1;
        if (!((MethodTable*)word)->ContainsGCPointers) return;
        if (s_count < Capacity)
        {
            s_stack[s_count++] = obj;
            return;
        }
        if ((nuint)obj < s_overflowLow) s_overflowLow = (nuint)obj;
        if ((nuint)obj > s_overflowHigh) s_overflowHigh = (nuint)obj;
    }

    /// <summary>
    /// Marks the object a conservative root points into (anywhere in [header, end)), if it is one.
    /// With <paramref name="exactOnly"/>, only a word equal to an object pointer counts (image data,
    /// where references are stored as whole object pointers and page-table entries must not match).
    /// </summary>
    public static void MarkConservative(nuint value, bool exactOnly)
    {
        HeapSegment* segment = SegmentTable.Find(value);
        if (segment == null || value >= (nuint)segment->Used) return;
        byte* block;
        if (exactOnly)
        {
            if ((value & 7) != 0 || value < (nuint)segment->Start + ObjectLayout.HeaderSize) return;
            block = (byte*)value - ObjectLayout.HeaderSize;
            if (!ObjectStartMap.IsSet(segment->StartMap, (nuint)(block - segment->Start) / ObjectStartMap.GranuleSize)) return;
        }
        else
        {
            nint granule = ObjectStartMap.FindStartAtOrBelow(segment->StartMap, (value - (nuint)segment->Start) / ObjectStartMap.GranuleSize);
            if (granule < 0) return;
            block = segment->Start + granule * ObjectStartMap.GranuleSize;
        }
        byte* obj = block + ObjectLayout.HeaderSize;
        MethodTable* type = TypeOf(obj);
        if (type == ManagedHeap.FreeType) return;
        if (value >= (nuint)(block + ManagedHeap.SizeInHeap(block, type))) return;
        if (!IsMarked(obj)) s_pinnedObjects++;
        MarkObject(obj);
    }

    /// <summary>Scans [low, high) word by word as conservative roots.</summary>
    public static void ScanRange(nuint low, nuint high, bool exactOnly)
    {
        low = (low + 7) & ~(nuint)7;
        nuint heapLow = SegmentTable.Low, heapSpan = SegmentTable.High - heapLow;
        for (nuint p = low; p + 8 <= high; p += 8)
        {
            nuint value = *(nuint*)p;
            if (value - heapLow < heapSpan) MarkConservative(value, exactOnly);
        }
    }

    private struct MarkVisitor : IReferenceVisitor
    {
        public void Visit(nint* slot) => MarkReference(*slot);
    }

    /// <summary>Traces everything reachable from the marked objects on the stack (and overflowed ones).</summary>
    public static void Drain()
    {
        while (true)
        {
            DrainStack();
            if (s_overflowHigh == 0) return;
            nuint low = s_overflowLow, high = s_overflowHigh;
            s_overflowLow = nuint.MaxValue;
            s_overflowHigh = 0;
            RescanOverflow(low, high);
        }
    }

    private static void DrainStack()
    {
        var visitor = new MarkVisitor();
        while (s_count > 0)
        {
            byte* obj = s_stack[--s_count];
            GcDescWalker.VisitReferences(obj, TypeOf(obj), ref visitor);
        }
    }

    private static void RescanOverflow(nuint low, nuint high)
    {
        var visitor = new MarkVisitor();
        for (int i = 0; i < SegmentTable.Count; i++)
        {
            HeapSegment* segment = SegmentTable.Get(i);
            if ((nuint)segment->Used <= low || (nuint)segment->Start > high) continue;
            for (byte* block = segment->Start; block < segment->Used;)
            {
                byte* obj = block + ObjectLayout.HeaderSize;
                MethodTable* type = TypeOf(obj);
                if (IsMarked(obj) && (nuint)obj >= low && (nuint)obj <= high)
                {
                    GcDescWalker.VisitReferences(obj, type, ref visitor);
                    DrainStack();
                }
                block += ManagedHeap.SizeInHeap(block, type);
            }
        }
    }
}
