using System.Numerics;

namespace XairrosX.Plugs.Memory.Gc;

/// <summary>
/// Free blocks by size class: bucket b holds blocks of [2^b, 2^(b+1)) bytes, each list linked through
/// the blocks' header words (see <see cref="FreeBlock"/>). The sweep rebuilds the lists from scratch
/// after every collection; the allocator takes blocks out and puts split-off remainders back.
/// A taken block is acceptable when its size equals the request or leaves at least
/// <see cref="FreeBlock.MinSize"/> bytes, so that every remainder can itself be formatted as a block.
/// </summary>
public unsafe struct FreeList
{
    /// <summary>Number of size classes (blocks up to 2^48 bytes).</summary>
    public const int BucketCount = 48;
    private const int FirstFitProbes = 16;
    private fixed ulong _heads[BucketCount];
    private nuint _totalBytes;
    private nuint _blockCount;

    /// <summary>Bytes held in free blocks on the lists.</summary>
    public readonly nuint TotalBytes => _totalBytes;

    /// <summary>Number of blocks on the lists.</summary>
    public readonly nuint BlockCount => _blockCount;

    /// <summary>Size class of a block of <paramref name="size"/> bytes.</summary>
    public static int BucketOf(nuint size) => 63 - BitOperations.LeadingZeroCount((ulong)size);

    /// <summary>Empties every list (the blocks themselves are left as they are).</summary>
    public void Clear()
    {
        for (int i = 0; i < BucketCount; i++) _heads[i] = 0;
        _totalBytes = 0;
        _blockCount = 0;
    }

    /// <summary>Puts a formatted free block on its list (most recently freed first).</summary>
    public void Add(byte* block)
    {
        nuint size = FreeBlock.SizeOf(block);
        int b = BucketOf(size);
        FreeBlock.SetNext(block, (byte*)_heads[b]);
        _heads[b] = (ulong)block;
        _totalBytes += size;
        _blockCount++;
    }

    /// <summary>True when a block of <paramref name="size"/> can serve a request of <paramref name="need"/> bytes.</summary>
    public static bool Fits(nuint size, nuint need) => size == need || size >= need + FreeBlock.MinSize;

    /// <summary>Removes and returns a block that <see cref="Fits"/> <paramref name="need"/> bytes, or null.
    /// Looks first-fit at a few blocks of the request's own class, then takes from larger classes.</summary>
    public byte* Take(nuint need)
    {
        for (int b = BucketOf(need); b < BucketCount; b++)
        {
            byte* previous = null;
            byte* block = (byte*)_heads[b];
            for (int probes = 0; block != null && probes < FirstFitProbes; probes++)
            {
                nuint size = FreeBlock.SizeOf(block);
                if (Fits(size, need))
                {
                    byte* next = FreeBlock.Next(block);
                    if (previous == null) _heads[b] = (ulong)next; else FreeBlock.SetNext(previous, next);
                    FreeBlock.SetNext(block, null);
                    _totalBytes -= size;
                    _blockCount--;
                    return block;
                }
                previous = block;
                block = FreeBlock.Next(block);
            }
        }
        return null;
    }
}
