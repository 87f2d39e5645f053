using System.Numerics;
using System.Runtime.CompilerServices;
using XairrosX.Plugs.Memory.Buddy;

namespace XairrosX.Plugs.Memory.Slab;

/// <summary>
/// Fixed-size kernel objects by size class: one <see cref="SlabCache"/> per power of two from 16 B to 2 KiB
/// over a shared <see cref="BuddyAllocator"/>. A request goes to the smallest class that holds it; the caller
/// gives the same size back on free (as with kmem_cache objects, the size is known to the caller). Must not
/// move once initialized (keep it in a static or unmanaged memory). Not thread-safe.
/// </summary>
public unsafe struct SlabAllocator
{
    /// <summary>log2 of the smallest class.</summary>
    public const int MinClassShift = 4;
    /// <summary>Number of size classes (16 B … 2 KiB).</summary>
    public const int ClassCount = 8;
    /// <summary>Largest object the size classes serve.</summary>
    public const uint MaxObjectSize = 1u << (MinClassShift + ClassCount - 1);

    [InlineArray(ClassCount)]
    private struct Caches { private SlabCache _first; }
    private Caches _caches;

    /// <summary>Sets up every size class over <paramref name="pages"/>.</summary>
    public void Initialize(BuddyAllocator* pages)
    {
        for (int c = 0; c < ClassCount; c++) _caches[c].Initialize(pages, 1u << (MinClassShift + c));
    }

    /// <summary>The cache of size class <paramref name="index"/> (0 = 16 B).</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef] public ref SlabCache Cache(int index) => ref _caches[index];

    /// <summary>Index of the class serving <paramref name="size"/> bytes, or −1 above <see cref="MaxObjectSize"/>.</summary>
    public static int ClassOf(uint size)
    {
        if (size > MaxObjectSize) return -1;
        if (size <= 1u << MinClassShift) return 0;
        return 32 - BitOperations.LeadingZeroCount(size - 1) - MinClassShift;
    }

    /// <summary>An object of at least <paramref name="size"/> bytes; null when out of memory or too large.</summary>
    public void* Allocate(uint size)
    {
        int c = ClassOf(size);
        return c < 0 ? null : _caches[c].Allocate();
    }

    /// <summary>Frees an object allocated with the same <paramref name="size"/>; false when it is not one.</summary>
    public bool Free(void* p, uint size)
    {
        int c = ClassOf(size);
        return c >= 0 && _caches[c].Free(p);
    }

    /// <summary>Returns every empty slab of every class to the buddy allocator; how many.</summary>
    public int Shrink()
    {
        int released = 0;
        for (int c = 0; c < ClassCount; c++) released += _caches[c].Shrink();
        return released;
    }

    /// <summary>Validates every cache; null when all invariants hold.</summary>
    public string Validate()
    {
        for (int c = 0; c < ClassCount; c++)
            if (_caches[c].Validate() is string problem) return $"class {16 << c} B: {problem}";
        return null;
    }
}
