using System.Numerics;
using XairrosX.Plugs.Memory.Buddy;

namespace XairrosX.Plugs.Memory.Slab;

/// <summary>
/// A cache of fixed-size objects carved from slabs, each slab one naturally aligned buddy block (so the slab
/// of an object is its address with the low bits cleared). A slab starts with a <see cref="SlabHeader"/>:
/// list links, the free-object list (threaded through the free objects' first word), how many objects were
/// ever carved (the rest of the slab is untouched), and an allocation bitmap that rejects double and foreign
/// frees. Slabs sit on one of three lists — partial (allocate here first), full, empty — and at most
/// <see cref="MaxEmptySlabs"/> empty slabs are kept; the rest go back to the buddy allocator at once.
/// <para>The cache must not move once initialized (slabs point back to it): keep it in a static or in
/// unmanaged memory. Not thread-safe: the caller serializes.</para>
/// </summary>
public unsafe struct SlabCache
{
    /// <summary>Most objects in one slab (the size of the allocation bitmap).</summary>
    public const int MaxObjectsPerSlab = 256;
    /// <summary>Empty slabs kept for reuse before slabs go back to the buddy allocator.</summary>
    public const int MaxEmptySlabs = 1;
    /// <summary>Smallest object size (the free-list link plus alignment).</summary>
    public const int MinObjectSize = 16;

    private BuddyAllocator* _pages;
    private SlabHeader* _partial, _full, _empty;
    private uint _objectSize, _firstObject, _objectsPerSlab;
    private int _slabOrder;
    private ulong _partialCount, _fullCount, _emptyCount, _objectsInUse;

    /// <summary>Size of each object (rounded up to 16 bytes).</summary>
    public readonly uint ObjectSize => _objectSize;
    /// <summary>Objects per slab.</summary>
    public readonly uint ObjectsPerSlab => _objectsPerSlab;
    /// <summary>Buddy order of a slab.</summary>
    public readonly int SlabOrder => _slabOrder;
    /// <summary>Objects handed out and not freed.</summary>
    public readonly ulong ObjectsInUse => _objectsInUse;
    /// <summary>Slabs with some objects free.</summary>
    public readonly ulong PartialSlabs => _partialCount;
    /// <summary>Slabs with no object free.</summary>
    public readonly ulong FullSlabs => _fullCount;
    /// <summary>Slabs with no object in use (kept for reuse).</summary>
    public readonly ulong EmptySlabs => _emptyCount;
    /// <summary>Bytes of buddy memory held by the cache.</summary>
    public readonly ulong SlabBytes => (_partialCount + _fullCount + _emptyCount) * BuddyAllocator.BlockSize(_slabOrder);

    /// <summary>Prepares the cache for objects of <paramref name="objectSize"/> bytes (16 … 64 KiB) taking slabs
    /// from <paramref name="pages"/>; objects are aligned to their size's largest power-of-two factor, at most
    /// 64. Returns false for an unsupported size.</summary>
    public bool Initialize(BuddyAllocator* pages, uint objectSize)
    {
        if (pages == null || objectSize == 0 || objectSize > 64 * 1024) return false;
        uint size = (objectSize + MinObjectSize - 1) & ~(uint)(MinObjectSize - 1);
        uint alignment = size & (~size + 1);
        if (alignment > 64) alignment = 64;
        uint first = ((uint)sizeof(SlabHeader) + alignment - 1) & ~(alignment - 1);
        int order = 0;
        while (order < 8 && (BuddyAllocator.BlockSize(order) - first) / size < 8) order++;
        ulong count = (BuddyAllocator.BlockSize(order) - first) / size;
        if (count == 0) return false;
        this = default;
        _pages = pages;
        _objectSize = size;
        _firstObject = first;
        _objectsPerSlab = (uint)(count > MaxObjectsPerSlab ? MaxObjectsPerSlab : count);
        _slabOrder = order;
        return true;
    }

    /// <summary>Hands out one object (contents undefined); null when no slab can be had.</summary>
    public void* Allocate()
    {
        SlabHeader* slab = _partial;
        if (slab == null)
        {
            slab = _empty;
            if (slab != null) Move(slab, ref _empty, ref _emptyCount, ref _partial, ref _partialCount);
            else if ((slab = NewSlab()) == null) return null;
        }
        byte* obj = (byte*)slab->FreeObjects;
        if (obj != null) slab->FreeObjects = *(void**)obj;
        else obj = (byte*)slab + _firstObject + (ulong)slab->Carved++ * _objectSize;
        uint index = (uint)((ulong)(obj - (byte*)slab - _firstObject) / _objectSize);
        slab->Allocated[(int)(index >> 6)] |= 1UL << (int)(index & 63);
        _objectsInUse++;
        if (++slab->InUse == _objectsPerSlab) Move(slab, ref _partial, ref _partialCount, ref _full, ref _fullCount);
        return obj;
    }

    /// <summary>Returns an object to the cache. Returns false (changing nothing) when the pointer is not an
    /// object this cache handed out and has not freed since.</summary>
    public bool Free(void* p)
    {
        if (_pages == null || p == null) return false;
        ulong slabBytes = BuddyAllocator.BlockSize(_slabOrder);
        var slab = (SlabHeader*)((ulong)p & ~(slabBytes - 1));
        ulong offset = (ulong)p - (ulong)slab;
        if (offset < _firstObject || (offset - _firstObject) % _objectSize != 0) return false;
        ulong index = (offset - _firstObject) / _objectSize;
        if (index >= _objectsPerSlab || slab->Owner != (SlabCache*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref this)) return false;
        ulong bit = 1UL << (int)(index & 63);
        if ((slab->Allocated[(int)(index >> 6)] & bit) == 0) return false;
        slab->Allocated[(int)(index >> 6)] &= ~bit;
        *(void**)p = slab->FreeObjects;
        slab->FreeObjects = p;
        _objectsInUse--;
        if (slab->InUse-- == _objectsPerSlab) Move(slab, ref _full, ref _fullCount, ref _partial, ref _partialCount);
        if (slab->InUse == 0)
        {
            Move(slab, ref _partial, ref _partialCount, ref _empty, ref _emptyCount);
            if (_emptyCount > MaxEmptySlabs) ReleaseEmpty(slab);
        }
        return true;
    }

    /// <summary>Gives every empty slab back to the buddy allocator; returns how many.</summary>
    public int Shrink()
    {
        int released = 0;
        while (_empty != null) { ReleaseEmpty(_empty); released++; }
        return released;
    }

    /// <summary>Checks the list, count and bitmap invariants; null when they hold, else what failed.</summary>
    public readonly string Validate()
    {
        ulong inUse = 0;
        string problem = CheckList(_partial, _partialCount, 1, _objectsPerSlab - 1, ref inUse, "partial")
            ?? CheckList(_full, _fullCount, _objectsPerSlab, _objectsPerSlab, ref inUse, "full")
            ?? CheckList(_empty, _emptyCount, 0, 0, ref inUse, "empty");
        if (problem != null) return problem;
        return inUse == _objectsInUse ? null : $"slabs hold {inUse} objects, cache counts {_objectsInUse}";
    }

    private readonly string CheckList(SlabHeader* head, ulong count, uint minInUse, uint maxInUse, ref ulong inUse, string name)
    {
        ulong seen = 0;
        SlabHeader* previous = null;
        for (SlabHeader* s = head; s != null; previous = s, s = s->Next)
        {
            if (s->Previous != previous) return $"{name}: broken back link";
            if (s->InUse < minInUse || s->InUse > maxInUse) return $"{name}: slab with {s->InUse} objects in use";
            int bits = 0;
            for (int w = 0; w < MaxObjectsPerSlab / 64; w++) bits += BitOperations.PopCount(s->Allocated[w]);
            if (bits != s->InUse) return $"{name}: bitmap has {bits} bits for {s->InUse} objects";
            uint freeListed = 0;
            for (var o = (void**)s->FreeObjects; o != null; o = (void**)*o)
                if (++freeListed > s->Carved) return $"{name}: free list longer than the carved objects";
            if (freeListed + s->InUse != s->Carved) return $"{name}: {freeListed} free + {s->InUse} used != {s->Carved} carved";
            inUse += s->InUse;
            if (++seen > count) break;
        }
        return seen == count ? null : $"{name}: {seen} slabs listed, count says {count}";
    }

    private SlabHeader* NewSlab()
    {
        var slab = (SlabHeader*)_pages->Allocate(_slabOrder);
        if (slab == null) return null;
        *slab = default;
        slab->Owner = (SlabCache*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref this);
        Push(slab, ref _partial, ref _partialCount);
        return slab;
    }

    private void ReleaseEmpty(SlabHeader* slab)
    {
        Unlink(slab, ref _empty, ref _emptyCount);
        slab->Owner = null;
        _pages->Free((ulong)slab, _slabOrder);
    }

    private static void Move(SlabHeader* slab, ref SlabHeader* from, ref ulong fromCount, ref SlabHeader* to, ref ulong toCount)
    {
        Unlink(slab, ref from, ref fromCount);
        Push(slab, ref to, ref toCount);
    }

    private static void Push(SlabHeader* slab, ref SlabHeader* head, ref ulong count)
    {
        slab->Previous = null;
        slab->Next = head;
        if (head != null) head->Previous = slab;
        head = slab;
        count++;
    }

    private static void Unlink(SlabHeader* slab, ref SlabHeader* head, ref ulong count)
    {
        if (slab->Previous != null) slab->Previous->Next = slab->Next;
        else head = slab->Next;
        if (slab->Next != null) slab->Next->Previous = slab->Previous;
        count--;
    }
}

/// <summary>The header at the start of every slab (see <see cref="SlabCache"/>).</summary>
public unsafe struct SlabHeader
{
    /// <summary>Next slab on the same list.</summary>
    public SlabHeader* Next;
    /// <summary>Previous slab on the same list.</summary>
    public SlabHeader* Previous;
    /// <summary>First free object; each free object's first word links the next.</summary>
    public void* FreeObjects;
    /// <summary>The cache the slab belongs to (null once released).</summary>
    public SlabCache* Owner;
    /// <summary>Objects handed out.</summary>
    public uint InUse;
    /// <summary>Objects ever carved from the slab's start (beyond them the slab was never touched).</summary>
    public uint Carved;
    /// <summary>One bit per object: set while it is handed out.</summary>
    public fixed ulong Allocated[SlabCache.MaxObjectsPerSlab / 64];
}
