using System.Numerics;

namespace XairrosX.Plugs.Memory.Gc;

/// <summary>
/// One bit per 8-byte granule of a segment, set where an object (or a free block) begins. The
/// conservative stack scan uses it to find the object an interior pointer falls into: the nearest set
/// bit at or below the pointer's granule. Allocation sets the bit; the sweep clears the bits of dead
/// objects that merge into a larger free block. Allocation-free; works on any memory (host-testable).
/// </summary>
public static unsafe class ObjectStartMap
{
    /// <summary>Bytes per granule (one bit each).</summary>
    public const int GranuleSize = 8;

    /// <summary>Bytes of bitmap needed for <paramref name="segmentBytes"/> of heap.</summary>
    public static nuint BytesFor(nuint segmentBytes) => (segmentBytes / GranuleSize + 63) / 64 * 8;

    /// <summary>Marks granule <paramref name="granule"/> as an object start.</summary>
    public static void Set(ulong* map, nuint granule) => map[granule >> 6] |= 1UL << (int)(granule & 63);

    /// <summary>Clears the start mark of granule <paramref name="granule"/>.</summary>
    public static void Clear(ulong* map, nuint granule) => map[granule >> 6] &= ~(1UL << (int)(granule & 63));

    /// <summary>True when granule <paramref name="granule"/> starts an object.</summary>
    public static bool IsSet(ulong* map, nuint granule) => (map[granule >> 6] & (1UL << (int)(granule & 63))) != 0;

    /// <summary>The nearest object start at or below <paramref name="granule"/>, or -1 when there is none.</summary>
    public static nint FindStartAtOrBelow(ulong* map, nuint granule)
    {
        nuint word = granule >> 6;
        int bit = (int)(granule & 63);
        // Keep bits 0..bit of the first word.
        ulong bits = map[word] & (bit == 63 ? ulong.MaxValue : (1UL << (bit + 1)) - 1);
        while (true)
        {
            if (bits != 0) return (nint)(word * 64 + (nuint)(63 - BitOperations.LeadingZeroCount(bits)));
            if (word == 0) return -1;
            word--;
            bits = map[word];
        }
    }
}
