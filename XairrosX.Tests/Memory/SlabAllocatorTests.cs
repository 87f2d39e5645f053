using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using CsCheck;
using XairrosX.Plugs.Memory.Buddy;
using XairrosX.Plugs.Memory.Slab;
using Xunit;

namespace XairrosX.Tests.Memory;

public unsafe class SlabAllocatorTests
{
    // The buddy and the slab allocator must not move (slabs point back at their cache): both in native memory.
    private sealed class Rig : IDisposable
    {
        public readonly SimulatedMemory Memory;
        public readonly BuddyAllocator* Buddy;
        public readonly SlabAllocator* Slabs;

        public Rig(ulong bytes)
        {
            Memory = new SimulatedMemory(bytes);
            Buddy = (BuddyAllocator*)NativeMemory.AllocZeroed((nuint)sizeof(BuddyAllocator));
            Slabs = (SlabAllocator*)NativeMemory.AllocZeroed((nuint)sizeof(SlabAllocator));
            Assert.True(Buddy->AddRange(Memory.Base, Memory.End));
            Assert.True(Buddy->Seal());
            Slabs->Initialize(Buddy);
        }

        public void Dispose()
        {
            NativeMemory.Free(Slabs);
            NativeMemory.Free(Buddy);
            Memory.Dispose();
        }
    }

    [Fact]
    public void RandomAllocFreeNeverHandsOutAnObjectTwiceAndReturnsEverySlab()
    {
        Gen.Select(Gen.Bool, Gen.UInt[1, SlabAllocator.MaxObjectSize], Gen.Int[0, int.MaxValue]).Array[50, 600].Sample(ops =>
        {
            using var rig = new Rig(8 << 20);
            ulong initialFree = rig.Buddy->FreeBytes;
            var live = new List<(ulong Address, uint Size, byte Fill)>();
            var addresses = new HashSet<ulong>();
            foreach (var (allocate, size, pick) in ops)
            {
                if (allocate || live.Count == 0)
                {
                    var p = (byte*)rig.Slabs->Allocate(size);
                    Assert.True(p != null);
                    Assert.True(addresses.Add((ulong)p), "object handed out twice");
                    uint cls = 16u << SlabAllocator.ClassOf(size);
                    Assert.True(cls >= size);
                    Assert.Equal(0UL, (ulong)p % Math.Min(cls, 64u));
                    byte fill = (byte)(pick | 1);
                    new Span<byte>(p, (int)size).Fill(fill);
                    live.Add(((ulong)p, size, fill));
                }
                else
                {
                    int i = pick % live.Count;
                    var (a, liveSize, fill) = live[i];
                    Assert.Equal(-1, new ReadOnlySpan<byte>((void*)a, (int)liveSize).IndexOfAnyExcept(fill)); // nobody wrote over it
                    Assert.True(rig.Slabs->Free((void*)a, liveSize));
                    Assert.False(rig.Slabs->Free((void*)a, liveSize)); // double free refused
                    addresses.Remove(a);
                    live[i] = live[^1]; live.RemoveAt(live.Count - 1);
                }
                Assert.Null(rig.Slabs->Validate());
                Assert.Null(rig.Buddy->Validate());
            }
            foreach (var (a, liveSize, _) in live) Assert.True(rig.Slabs->Free((void*)a, liveSize));
            rig.Slabs->Shrink();
            Assert.Null(rig.Slabs->Validate());
            for (int c = 0; c < SlabAllocator.ClassCount; c++) Assert.Equal(0UL, rig.Slabs->Cache(c).SlabBytes);
            Assert.Equal(initialFree, rig.Buddy->FreeBytes);
        }, iter: 40);
    }

    [Fact]
    public void FillingASlabMovesItBetweenPartialFullAndEmpty()
    {
        using var rig = new Rig(4 << 20);
        ref SlabCache cache = ref rig.Slabs->Cache(SlabAllocator.ClassOf(64));
        Assert.Equal(64u, cache.ObjectSize);
        var objects = new List<ulong>();
        for (uint i = 0; i < cache.ObjectsPerSlab; i++) objects.Add((ulong)cache.Allocate());
        Assert.Equal((1UL, 0UL, 0UL), (cache.FullSlabs, cache.PartialSlabs, cache.EmptySlabs));
        objects.Add((ulong)cache.Allocate());
        Assert.Equal((1UL, 1UL), (cache.FullSlabs, cache.PartialSlabs));
        Assert.True(cache.Free((void*)objects[0]));
        Assert.Equal((0UL, 2UL), (cache.FullSlabs, cache.PartialSlabs));
        foreach (ulong o in objects.GetRange(1, objects.Count - 1)) Assert.True(cache.Free((void*)o));
        Assert.Equal(1UL, cache.EmptySlabs); // one empty slab is kept, the other went back at once
        Assert.Equal(0UL, cache.ObjectsInUse);
        Assert.Equal(1, cache.Shrink());
        Assert.Null(cache.Validate());
    }

    [Fact]
    public void ForeignAndMalformedPointersAreRefused()
    {
        using var rig = new Rig(4 << 20);
        var p = (byte*)rig.Slabs->Allocate(100);
        Assert.True(p != null);
        Assert.False(rig.Slabs->Free(p, 16));          // another class's cache does not own the slab
        Assert.False(rig.Slabs->Free(p + 8, 100));     // not an object boundary
        Assert.False(rig.Slabs->Free(null, 100));
        Assert.False(rig.Slabs->Free(p, 5000));        // no class that large
        Assert.True(rig.Slabs->Allocate(SlabAllocator.MaxObjectSize + 1) == null);
        Assert.Equal(-1, SlabAllocator.ClassOf(SlabAllocator.MaxObjectSize + 1));
        var cache = new SlabCache();
        Assert.False(cache.Initialize(rig.Buddy, 0));
        Assert.False(cache.Initialize(null, 64));
        Gen.Int[0, (4 << 20) - 8].Sample(offset =>
        {
            var q = (void*)(rig.Memory.Base + (ulong)offset);
            if (q != p) Assert.False(rig.Slabs->Free(q, 100));
        }, iter: 3000, threads: 1);
        Assert.True(rig.Slabs->Free(p, 100));
        Assert.Null(rig.Slabs->Validate());
    }

    [Fact]
    public void OutOfMemoryIsANullNotACrash()
    {
        using var rig = new Rig(1 << 20);
        int count = 0;
        while (rig.Slabs->Allocate(2048) != null) count++;
        Assert.InRange(count, 100, 512);
        Assert.Null(rig.Slabs->Validate());
    }
}
