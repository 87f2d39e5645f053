using XairrosX.Drivers.Diagnostics;

namespace XairrosX.Plugs.Memory;

/// <summary>
/// Physical memory for the runtime before and after the managed heap exists: the kernel hands it the
/// usable RAM ranges from the boot memory map; it gives out page-aligned, zeroed blocks.
/// This is the boot-time allocator: a bump pointer per range, never freeing. The buddy allocator of
/// the memory-management work replaces it behind the same two calls (AddRange, AllocatePages).
/// Allocation-free and usable before module initialization (primitive statics only).
/// </summary>
public static unsafe class PageAllocator
{
    /// <summary>Size of a page.</summary>
    public const nuint PageSize = 4096;
    private const int MaxRanges = 32;
    private struct RangeTable { public fixed ulong Start[MaxRanges]; public fixed ulong End[MaxRanges]; }
    private static RangeTable s_ranges;
    private static int s_rangeCount;
    private static int s_current;
    private static ulong s_totalBytes, s_usedBytes, s_highestAddress;

    /// <summary>Bytes of RAM handed to the allocator.</summary>
    public static ulong TotalBytes => s_totalBytes;
    /// <summary>One past the highest usable address handed to the allocator.</summary>
    public static ulong HighestAddress => s_highestAddress;

    /// <summary>Bytes given out so far.</summary>
    public static ulong UsedBytes => s_usedBytes;

    /// <summary>Adds a usable physical range (page-aligned inward).</summary>
    public static void AddRange(ulong start, ulong end)
    {
        start = (start + PageSize - 1) & ~(ulong)(PageSize - 1);
        end &= ~(ulong)(PageSize - 1);
        if (end <= start || s_rangeCount == MaxRanges) return;
        s_ranges.Start[s_rangeCount] = start;
        s_ranges.End[s_rangeCount] = end;
        s_rangeCount++;
        s_totalBytes += end - start;
        if (end > s_highestAddress) s_highestAddress = end;
    }

    /// <summary>Allocates zeroed memory aligned to <paramref name="alignment"/> (a power of two ≥ 4096);
    /// returns null when RAM is exhausted.</summary>
    public static void* AllocatePages(nuint bytes, nuint alignment = PageSize)
    {
        bytes = (bytes + PageSize - 1) & ~(PageSize - 1);
        for (; s_current < s_rangeCount; s_current++)
        {
            ulong start = (s_ranges.Start[s_current] + alignment - 1) & ~((ulong)alignment - 1);
            if (start + bytes <= s_ranges.End[s_current])
            {
                s_usedBytes += start + bytes - s_ranges.Start[s_current];
                s_ranges.Start[s_current] = start + bytes;
                System.Runtime.CompilerServices.Unsafe.InitBlockUnaligned((void*)start, 0, (uint)bytes);
                return (void*)start;
            }
        }
        return null;
    }

    /// <summary>Like <see cref="AllocatePages"/> but panics when memory is exhausted.</summary>
    public static void* AllocatePagesOrPanic(nuint bytes, nuint alignment = PageSize)
    {
        void* p = AllocatePages(bytes, alignment);
        if (p == null) Panic.Fatal("out of physical memory");
        return p;
    }
}
