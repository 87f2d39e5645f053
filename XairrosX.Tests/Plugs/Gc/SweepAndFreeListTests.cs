using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory;
using XairrosX.Plugs.Memory.Gc;
using XairrosX.Plugs.Runtime;
using Xunit;

namespace XairrosX.Tests.Plugs.Gc;

public unsafe class SweepAndFreeListTests
{
    private const int SegmentBytes = 4096;

    private sealed class SimulatedSegment : IDisposable
    {
        public readonly HeapSegment* Segment;
        public SimulatedSegment()
        {
            Segment = (HeapSegment*)NativeMemory.AllocZeroed((nuint)sizeof(HeapSegment));
            Segment->Start = (byte*)NativeMemory.AlignedAlloc(SegmentBytes, 64);
            NativeMemory.Clear(Segment->Start, SegmentBytes);
            Segment->End = Segment->Start + SegmentBytes;
            Segment->Used = Segment->Start;
            Segment->StartMap = (ulong*)NativeMemory.AllocZeroed(ObjectStartMap.BytesFor(SegmentBytes));
        }

        public byte* Place(MethodTable* type, bool marked, nuint size)
        {
            byte* block = Segment->Used;
            *(nuint*)(block + 8) = (nuint)type | (marked ? 1u : 0u);
            if (type->ComponentSize != 0) *(uint*)(block + 16) = (uint)(size - type->BaseSize);
            ObjectStartMap.Set(Segment->StartMap, (nuint)(block - Segment->Start) / 8);
            Segment->Used += size;
            return block;
        }

        public bool StartBit(int offset) => ObjectStartMap.IsSet(Segment->StartMap, (nuint)offset / 8);

        public void Dispose()
        {
            NativeMemory.AlignedFree(Segment->Start);
            NativeMemory.Free(Segment->StartMap);
            NativeMemory.Free(Segment);
        }
    }

    [Fact]
    public void SweepCoalescesDeadRunsAndTheTailIntoFreeBlocks()
    {
        using var types = new FakeTypes();
        MethodTable* small = types.Make(32);
        MethodTable* free = types.MakeFreeType();
        using var s = new SimulatedSegment();
        s.Place(small, marked: true, 32);   // 0 live
        s.Place(small, marked: false, 32);  // 32 dead
        s.Place(small, marked: false, 32);  // 64 dead
        s.Place(free, marked: false, 48);   // 96 old free block
        s.Place(small, marked: true, 32);   // 144 live
        s.Place(small, marked: false, 32);  // 176 dead, then the untouched tail from 208

        var list = new FreeList();
        var result = new SweepResult();
        Sweeper.SweepSegment(s.Segment, free, ref list, ref result);

        Assert.Equal(64UL, result.LiveBytes);
        Assert.Equal(2UL, result.LiveObjects);
        Assert.Equal((ulong)(112 + 3920), result.FreeBytes);
        Assert.Equal((nuint)(112 + 3920), list.TotalBytes);
        Assert.True(s.Segment->Used == s.Segment->End);
        Assert.True(s.StartBit(0) && s.StartBit(32) && s.StartBit(144) && s.StartBit(176));
        Assert.False(s.StartBit(64) || s.StartBit(96) || s.StartBit(208));
        Assert.Equal((nuint)112, FreeBlock.SizeOf(s.Segment->Start + 32));
        Assert.Equal((nuint)3920, FreeBlock.SizeOf(s.Segment->Start + 176));
        Assert.Equal((nuint)small, *(nuint*)(s.Segment->Start + 8)); // mark bit cleared
        // The segment is walkable end to end.
        var sizes = new List<int>();
        for (byte* b = s.Segment->Start; b < s.Segment->End;)
        {
            nuint size = ManagedHeap.SizeInHeap(b, (MethodTable*)*(nuint*)(b + 8));
            sizes.Add((int)size);
            b += size;
        }
        Assert.Equal(new[] { 32, 112, 32, 3920 }, sizes);
    }

    [Fact]
    public void AllLiveSegmentTurnsOnlyItsTailIntoAZeroedBlock()
    {
        using var types = new FakeTypes();
        MethodTable* small = types.Make(32);
        MethodTable* free = types.MakeFreeType();
        using var s = new SimulatedSegment();
        s.Place(small, marked: true, 32);
        var list = new FreeList();
        var result = new SweepResult();
        Sweeper.SweepSegment(s.Segment, free, ref list, ref result);
        Assert.Equal(32UL, result.LiveBytes);
        Assert.True(s.StartBit(32));
        Assert.True(FreeBlock.IsZeroed(s.Segment->Start + 32));
        Assert.Equal((nuint)(SegmentBytes - 32), list.TotalBytes);
    }

    [Fact]
    public void FreeListTakesOnlyBlocksThatFitAgainstAModel()
    {
        using var types = new FakeTypes();
        MethodTable* free = types.MakeFreeType();
        byte* arena = (byte*)NativeMemory.AllocZeroed(1 << 20);
        try
        {
            var rng = new Random(42);
            var list = new FreeList();
            var model = new List<nuint>();
            byte* next = arena;
            for (int i = 0; i < 200; i++)
            {
                nuint size = (nuint)(24 + 8 * rng.Next(0, 400));
                FreeBlock.Format(next, size, free, zeroed: false);
                list.Add(next);
                model.Add(size);
                next += size;
            }
            Assert.Equal((nuint)model.Count, list.BlockCount);
            for (int i = 0; i < 300; i++)
            {
                nuint need = (nuint)(24 + 8 * rng.Next(0, 500));
                byte* block = list.Take(need);
                if (block == null)
                {
                    Assert.DoesNotContain(model, m => m >= 2 * need + 48);
                    continue;
                }
                nuint size = FreeBlock.SizeOf(block);
                Assert.True(FreeList.Fits(size, need), $"block {size} for {need}");
                Assert.True(model.Remove(size));
            }
            nuint total = 0;
            foreach (nuint m in model) total += m;
            Assert.Equal(total, list.TotalBytes);
            Assert.Equal((nuint)model.Count, list.BlockCount);
            list.Clear();
            Assert.True(list.Take(24) == null);
        }
        finally { NativeMemory.Free(arena); }
    }

    [Fact]
    public void BucketsAreLogTwoSizeClasses()
    {
        Assert.Equal(4, FreeList.BucketOf(24));
        Assert.Equal(5, FreeList.BucketOf(32));
        Assert.Equal(21, FreeList.BucketOf(2 * 1024 * 1024));
        Assert.True(FreeList.Fits(48, 48) && FreeList.Fits(72, 48) && !FreeList.Fits(56, 48) && !FreeList.Fits(40, 48));
    }
}
