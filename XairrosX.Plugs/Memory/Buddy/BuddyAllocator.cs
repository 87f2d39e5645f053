using System.Runtime.CompilerServices;

namespace XairrosX.Plugs.Memory.Buddy;

/// <summary>
/// A binary buddy allocator over a list of physical ranges: blocks of 4 KiB × 2^order, order 0 (4 KiB) to
/// <see cref="MaxOrder"/> (1 GiB), each naturally aligned (address multiple of its size, relative to a
/// 1 GiB-aligned base, hence absolutely aligned).
/// <para>
/// Design: one doubly linked free list per order, its nodes stored inside the free blocks themselves; one
/// bitmap per order with a bit per block-sized slot, set exactly when that block is free and on its list
/// (the buddy test on free is one bit). The bitmaps are carved from the start of the first range big enough
/// when the allocator is sealed (first allocation, or <see cref="Seal"/>): no managed heap is needed, so
/// the kernel uses it before the GC heap exists; the host tests run it over a NativeMemory block.
/// </para>
/// <para>
/// Invariants (checked by <see cref="Validate"/>): a block is on list k iff its bit in bitmap k is set; no
/// two free blocks overlap; no free block has its free buddy on the same list (free coalesces eagerly);
/// free bytes = Σ count(k)·size(k). Not thread-safe: the caller serializes (the kernel with interrupts off).
/// </para>
/// Memory is not zeroed; the caller does that if it needs to.
/// </summary>
public unsafe struct BuddyAllocator
{
    /// <summary>log2 of the smallest block (4 KiB).</summary>
    public const int PageShift = 12;
    /// <summary>Smallest block size.</summary>
    public const ulong PageSize = 1UL << PageShift;
    /// <summary>Largest order: 4 KiB &lt;&lt; 18 = 1 GiB.</summary>
    public const int MaxOrder = 18;
    /// <summary>Number of orders (0 … <see cref="MaxOrder"/>).</summary>
    public const int OrderCount = MaxOrder + 1;
    /// <summary>Most ranges <see cref="AddRange"/> accepts.</summary>
    public const int MaxRanges = 32;

    private const ulong BaseAlignment = PageSize << MaxOrder;

    private struct FreeNode { public FreeNode* Next; public FreeNode* Previous; }

    private fixed ulong _rangeStart[MaxRanges];
    private fixed ulong _rangeEnd[MaxRanges];
    private fixed ulong _freeHead[OrderCount];
    private fixed ulong _freeCount[OrderCount];
    private fixed ulong _bitmap[OrderCount];
    private int _rangeCount;
    private bool _sealed;
    private ulong _base, _limit;
    private ulong _totalBytes, _freeBytes, _metadataBytes;

    /// <summary>Bytes of the ranges added (metadata included).</summary>
    public readonly ulong TotalBytes => _totalBytes;
    /// <summary>Bytes in free blocks.</summary>
    public readonly ulong FreeBytes => _freeBytes;
    /// <summary>Bytes taken by the bitmaps (carved from the first big-enough range).</summary>
    public readonly ulong MetadataBytes => _metadataBytes;
    /// <summary>True once the ranges are fixed and the bitmaps are carved.</summary>
    public readonly bool IsSealed => _sealed;
    /// <summary>Number of ranges added.</summary>
    public readonly int RangeCount => _rangeCount;

    /// <summary>Size in bytes of a block of <paramref name="order"/>.</summary>
    public static ulong BlockSize(int order) => PageSize << order;

    /// <summary>Smallest order whose block holds <paramref name="bytes"/> (−1 above 1 GiB).</summary>
    public static int OrderFor(ulong bytes)
    {
        if (bytes <= PageSize) return 0;
        int order = 64 - System.Numerics.BitOperations.LeadingZeroCount((bytes - 1) >> PageShift);
        return order > MaxOrder ? -1 : order;
    }

    /// <summary>Adds a range of memory (rounded inward to 4 KiB) before sealing; returns false when it is
    /// empty, the table is full, it overlaps a range already added, or the allocator is sealed.</summary>
    public bool AddRange(ulong start, ulong end)
    {
        start = (start + PageSize - 1) & ~(PageSize - 1);
        end &= ~(PageSize - 1);
        if (_sealed || end <= start || _rangeCount == MaxRanges) return false;
        for (int i = 0; i < _rangeCount; i++)
            if (start < _rangeEnd[i] && _rangeStart[i] < end) return false;
        _totalBytes += end - start;
        // Touching ranges merge, so that blocks can span the seam.
        for (int i = 0; i < _rangeCount; i++)
        {
            if (_rangeEnd[i] == start) { _rangeEnd[i] = end; return true; }
            if (_rangeStart[i] == end) { _rangeStart[i] = start; return true; }
        }
        _rangeStart[_rangeCount] = start;
        _rangeEnd[_rangeCount] = end;
        _rangeCount++;
        return true;
    }

    /// <summary>Start and end of range <paramref name="index"/> as added (the metadata is inside the first one
    /// big enough).</summary>
    public readonly (ulong Start, ulong End) Range(int index) => (_rangeStart[index], _rangeEnd[index]);

    /// <summary>Carves the bitmaps and puts every range on the free lists as maximal aligned blocks. Returns
    /// false when no range can hold the bitmaps. Idempotent.</summary>
    public bool Seal()
    {
        if (_sealed) return true;
        if (_rangeCount == 0) return false;
        ulong low = ulong.MaxValue, high = 0;
        for (int i = 0; i < _rangeCount; i++)
        {
            if (_rangeStart[i] < low) low = _rangeStart[i];
            if (_rangeEnd[i] > high) high = _rangeEnd[i];
        }
        _base = low & ~(BaseAlignment - 1);
        _limit = high;
        ulong metadata = 0;
        for (int k = 0; k < OrderCount; k++) metadata += BitmapWords(k) * 8;
        metadata = (metadata + PageSize - 1) & ~(PageSize - 1);
        int host = -1;
        for (int i = 0; i < _rangeCount && host < 0; i++)
            if (_rangeEnd[i] - _rangeStart[i] > metadata) host = i;
        if (host < 0) return false;
        ulong cursor = _rangeStart[host];
        Unsafe.InitBlockUnaligned((void*)cursor, 0, (uint)metadata);
        for (int k = 0; k < OrderCount; k++)
        {
            _bitmap[k] = cursor;
            cursor += BitmapWords(k) * 8;
        }
        _metadataBytes = metadata;
        _sealed = true;
        for (int i = 0; i < _rangeCount; i++)
        {
            ulong start = i == host ? _rangeStart[i] + metadata : _rangeStart[i];
            FreeRange(start, _rangeEnd[i]);
        }
        return true;
    }

    /// <summary>Allocates a block of <paramref name="order"/>; returns its address, or 0 when no block that
    /// large is free (or the order is out of range, or sealing failed).</summary>
    public ulong Allocate(int order)
    {
        if ((uint)order > MaxOrder || (!_sealed && !Seal())) return 0;
        int k = order;
        while (k <= MaxOrder && _freeHead[k] == 0) k++;
        if (k > MaxOrder) return 0;
        ulong block = _freeHead[k];
        Unlink(block, k);
        while (k > order)
        {
            k--;
            Link(block + BlockSize(k), k);
        }
        return block;
    }

    /// <summary>Frees a block that <see cref="Allocate"/> returned with the same order, merging it with its free
    /// buddies. Returns false (and changes nothing) when the address is misaligned or outside every range, or
    /// the block, a block containing it or one sharing its start is already free (a double free).</summary>
    public bool Free(ulong address, int order)
    {
        if (!_sealed || (uint)order > MaxOrder || !IsFreeable(address, order)) return false;
        FreeBlock(address, order);
        return true;
    }

    /// <summary>Frees [start, end) (4 KiB-aligned, inside one range, not free) as maximal aligned blocks: the
    /// inverse of keeping only part of a block. Returns false (changing nothing) when any piece fails
    /// <see cref="Free"/>'s checks.</summary>
    public bool FreeRange(ulong start, ulong end)
    {
        if (!_sealed || ((start | end) & (PageSize - 1)) != 0 || end < start) return false;
        for (ulong cursor = start; cursor < end;)
        {
            int order = LargestOrderAt(cursor, end);
            if (!IsFreeable(cursor, order)) return false;
            cursor += BlockSize(order);
        }
        for (ulong cursor = start; cursor < end;)
        {
            int order = LargestOrderAt(cursor, end);
            FreeBlock(cursor, order);
            cursor += BlockSize(order);
        }
        return true;
    }

    /// <summary>Allocates a block for <paramref name="bytes"/> at an alignment of at least
    /// <paramref name="alignment"/> and gives back the unused tail beyond the 4 KiB-rounded size; returns 0 when
    /// no block is free. Free it with <see cref="FreeRange"/> over the rounded size.</summary>
    public ulong AllocateExact(ulong bytes, ulong alignment = PageSize)
    {
        if (bytes == 0) bytes = PageSize;
        bytes = (bytes + PageSize - 1) & ~(PageSize - 1);
        int order = OrderFor(bytes > alignment ? bytes : alignment);
        if (order < 0) return 0;
        ulong block = Allocate(order);
        if (block != 0 && BlockSize(order) > bytes) FreeRange(block + bytes, block + BlockSize(order));
        return block;
    }

    /// <summary>Number of free blocks of <paramref name="order"/>.</summary>
    public readonly ulong FreeBlocks(int order) => (uint)order > MaxOrder ? 0 : _freeCount[order];

    /// <summary>Size of the largest free block (0 when nothing is free).</summary>
    public readonly ulong LargestFreeBlock
    {
        get
        {
            for (int k = MaxOrder; k >= 0; k--) if (_freeCount[k] != 0) return BlockSize(k);
            return 0;
        }
    }

    /// <summary>External fragmentation = 1 − largest free block / free bytes (0 when nothing is free): the
    /// share of free memory that the single largest request could not use.</summary>
    public readonly double Fragmentation => _freeBytes == 0 ? 0 : 1.0 - (double)LargestFreeBlock / _freeBytes;

    /// <summary>Share of the free bytes in blocks smaller than <paramref name="order"/> — memory that cannot
    /// satisfy a request of that order (e.g. 9 = 2 MiB pages) however it is chosen.</summary>
    public readonly double UnusableFreeFraction(int order)
    {
        if (_freeBytes == 0) return 0;
        ulong small = 0;
        for (int k = 0; k < order && k < OrderCount; k++) small += _freeCount[k] * BlockSize(k);
        return (double)small / _freeBytes;
    }

    /// <summary>True when the block of <paramref name="order"/> at <paramref name="address"/> is free as a
    /// whole block of exactly that order.</summary>
    public readonly bool IsFreeBlock(ulong address, int order) =>
        _sealed && (uint)order <= MaxOrder && address >= _base && address < _limit
        && (address & (BlockSize(order) - 1)) == 0 && TestBit(address, order);

    /// <summary>Checks every invariant (see the type's remarks); returns null when all hold, else what failed.
    /// O(free blocks + bitmap size): for tests and the `mem check` diagnostics.</summary>
    public readonly string Validate()
    {
        if (!_sealed) return null;
        ulong free = 0;
        for (int k = 0; k < OrderCount; k++)
        {
            ulong count = 0, size = BlockSize(k);
            FreeNode* previous = null;
            for (var node = (FreeNode*)_freeHead[k]; node != null; previous = node, node = node->Next)
            {
                ulong a = (ulong)node;
                if (node->Previous != previous) return $"order {k}: broken back link at {a:X}";
                if ((a & (size - 1)) != 0) return $"order {k}: misaligned block {a:X}";
                if (!InsideOneRange(a, size)) return $"order {k}: block {a:X} outside the ranges";
                if (!TestBit(a, k)) return $"order {k}: listed block {a:X} has no bit";
                if (k < MaxOrder && TestBit(Buddy(a, k), k)) return $"order {k}: block {a:X} and its buddy are both free";
                for (int j = k + 1; j <= MaxOrder; j++)
                    if (TestBit(a & ~(BlockSize(j) - 1), j)) return $"order {k}: block {a:X} inside a free order-{j} block";
                if (++count > _freeCount[k]) return $"order {k}: list longer than its count";
            }
            if (count != _freeCount[k]) return $"order {k}: list has {count} blocks, count says {_freeCount[k]}";
            ulong bits = 0, words = BitmapWords(k);
            for (ulong w = 0; w < words; w++) bits += (ulong)System.Numerics.BitOperations.PopCount(((ulong*)_bitmap[k])[w]);
            if (bits != count) return $"order {k}: {bits} bits set for {count} listed blocks";
            free += count * size;
        }
        if (free != _freeBytes) return $"free bytes {_freeBytes} but lists hold {free}";
        return null;
    }

    private readonly ulong BitmapWords(int order) => (((_limit - _base) >> (PageShift + order)) + 64) / 64;

    private readonly ulong Buddy(ulong address, int order) => _base + ((address - _base) ^ BlockSize(order));

    private readonly bool TestBit(ulong address, int order)
    {
        ulong index = (address - _base) >> (PageShift + order);
        return (((ulong*)_bitmap[order])[index >> 6] & (1UL << (int)(index & 63))) != 0;
    }

    private readonly void FlipBit(ulong address, int order)
    {
        ulong index = (address - _base) >> (PageShift + order);
        ((ulong*)_bitmap[order])[index >> 6] ^= 1UL << (int)(index & 63);
    }

    private readonly bool InsideOneRange(ulong address, ulong size)
    {
        for (int i = 0; i < _rangeCount; i++)
            if (address >= _rangeStart[i] && address + size <= _rangeEnd[i] && address + size > address) return true;
        return false;
    }

    private readonly bool IsFreeable(ulong address, int order)
    {
        ulong size = BlockSize(order);
        if ((address & (size - 1)) != 0 || address < _base || !InsideOneRange(address, size)) return false;
        if (_metadataBytes != 0 && address < _bitmap[0] + _metadataBytes && address + size > _bitmap[0]) return false;
        for (int j = 0; j <= MaxOrder; j++)
            if (TestBit(address & ~(BlockSize(j) - 1), j)) return false;
        return true;
    }

    private readonly int LargestOrderAt(ulong address, ulong end)
    {
        int order = MaxOrder;
        while (order > 0 && (((address - _base) & (BlockSize(order) - 1)) != 0 || address + BlockSize(order) > end)) order--;
        return order;
    }

    private void FreeBlock(ulong address, int order)
    {
        while (order < MaxOrder)
        {
            ulong buddy = Buddy(address, order);
            if (buddy >= _limit || !TestBit(buddy, order)) break;
            Unlink(buddy, order);
            if (buddy < address) address = buddy;
            order++;
        }
        Link(address, order);
    }

    private void Link(ulong address, int order)
    {
        var node = (FreeNode*)address;
        var head = (FreeNode*)_freeHead[order];
        node->Next = head;
        node->Previous = null;
        if (head != null) head->Previous = node;
        _freeHead[order] = address;
        _freeCount[order]++;
        _freeBytes += BlockSize(order);
        FlipBit(address, order);
    }

    private void Unlink(ulong address, int order)
    {
        var node = (FreeNode*)address;
        if (node->Previous != null) node->Previous->Next = node->Next;
        else _freeHead[order] = (ulong)node->Next;
        if (node->Next != null) node->Next->Previous = node->Previous;
        _freeCount[order]--;
        _freeBytes -= BlockSize(order);
        FlipBit(address, order);
    }
}
