using XairrosX.Drivers.Diagnostics;

namespace XairrosX.Plugs.Memory.Gc;

/// <summary>One heap segment: a 2 MiB-aligned run of memory holding objects back to back.</summary>
public unsafe struct HeapSegment
{
    /// <summary>First byte (the header word of the first object).</summary>
    public byte* Start;
    /// <summary>One past the last byte.</summary>
    public byte* End;
    /// <summary>Objects and free blocks fill [Start, Used); [Used, End) is untouched zeroed memory.</summary>
    public byte* Used;
    /// <summary>Object-start bitmap (<see cref="ObjectStartMap"/>) covering [Start, End).</summary>
    public ulong* StartMap;
}

/// <summary>
/// The heap's segments and an address-to-segment index: one 16-bit entry per 2 MiB of physical address
/// space (segment number + 1, or 0), so "is this word a heap address, and of which segment" is one load.
/// Metadata lives in page-allocator memory, never in the managed heap.
/// </summary>
public static unsafe class SegmentTable
{
    /// <summary>Granularity and alignment of segments.</summary>
    public const nuint Granularity = 2 * 1024 * 1024;
    /// <summary>Most segments the heap may have.</summary>
    public const int MaxSegments = 4096;
    private const int GranularityShift = 21;
    private static HeapSegment* s_segments;
    private static ushort* s_index;
    private static nuint s_indexEntries;
    private static int s_count;
    private static nuint s_low, s_high;

    /// <summary>Number of segments.</summary>
    public static int Count => s_count;

    /// <summary>Segment <paramref name="i"/>.</summary>
    public static HeapSegment* Get(int i) => &s_segments[i];

    /// <summary>Lowest heap address (inclusive) and highest (exclusive): a quick filter before <see cref="Find"/>.</summary>
    public static nuint Low => s_low;

    /// <summary>One past the highest heap address.</summary>
    public static nuint High => s_high;

    /// <summary>Adds a segment of <paramref name="bytes"/> at <paramref name="start"/>; false when the table is full.</summary>
    public static bool Add(byte* start, nuint bytes, ulong* startMap)
    {
        if (s_segments == null)
        {
            s_segments = (HeapSegment*)PageAllocator.AllocatePagesOrPanic((nuint)(MaxSegments * sizeof(HeapSegment)));
            s_indexEntries = (nuint)(PageAllocator.HighestAddress >> GranularityShift) + 1;
            s_index = (ushort*)PageAllocator.AllocatePagesOrPanic(s_indexEntries * sizeof(ushort));
        }
        if (s_count == MaxSegments) return false;
        nuint first = (nuint)start >> GranularityShift;
        nuint last = ((nuint)start + bytes - 1) >> GranularityShift;
        if (last >= s_indexEntries) Panic.Fatal("heap segment above the highest usable address");
        HeapSegment* s = &s_segments[s_count];
        s->Start = start;
        s->End = start + bytes;
        s->Used = start;
        s->StartMap = startMap;
        s_count++;
        for (nuint g = first; g <= last; g++) s_index[g] = (ushort)s_count;
        if (s_count == 1 || (nuint)start < s_low) s_low = (nuint)start;
        if ((nuint)s->End > s_high) s_high = (nuint)s->End;
        return true;
    }

    /// <summary>The segment containing <paramref name="address"/>, or null.</summary>
    public static HeapSegment* Find(nuint address)
    {
        if (address - s_low >= s_high - s_low) return null;
        ushort entry = s_index[address >> GranularityShift];
        return entry == 0 ? null : &s_segments[entry - 1];
    }
}
