using System;
using System.Collections.Generic;
using CsCheck;
using XairrosX.Plugs.Memory.Buddy;
using Xunit;

namespace XairrosX.Tests.Memory;

public unsafe class BuddyAllocatorTests
{
    private const ulong MiB = 1 << 20;

    // Up to four disjoint ranges with holes and odd (page-granular) edges inside the simulated block.
    private static BuddyAllocator Layout(SimulatedMemory memory, int seed, List<(ulong Start, ulong End)> ranges)
    {
        var random = new Random(seed);
        var buddy = new BuddyAllocator();
        ulong pages = memory.Size / BuddyAllocator.PageSize, cursor = 0;
        int count = random.Next(1, 5);
        for (int i = 0; i < count && cursor < pages; i++)
        {
            ulong start = cursor + (ulong)random.Next(0, 64);
            ulong end = Math.Min(pages, start + 64 + (ulong)random.Next(0, (int)(pages / (ulong)count)));
            if (end <= start) break;
            ulong a = memory.Base + start * BuddyAllocator.PageSize, b = memory.Base + end * BuddyAllocator.PageSize;
            Assert.True(buddy.AddRange(a, b));
            ranges.Add((a, b));
            cursor = end + 1;
        }
        Assert.True(buddy.Seal());
        return buddy;
    }

    private static ulong[] FreeCounts(in BuddyAllocator buddy)
    {
        var counts = new ulong[BuddyAllocator.OrderCount];
        for (int k = 0; k < counts.Length; k++) counts[k] = buddy.FreeBlocks(k);
        return counts;
    }

    [Fact]
    public void RandomAllocFreeKeepsInvariantsAndCoalescesBackToTheOriginalBlocks()
    {
        Gen.Select(Gen.Int, Gen.Select(Gen.Int[0, 3], Gen.Int[0, 10], Gen.Int[0, int.MaxValue]).Array[20, 250])
            .Sample((seed, ops) =>
            {
                using var memory = new SimulatedMemory(48 * MiB);
                var ranges = new List<(ulong Start, ulong End)>();
                BuddyAllocator buddy = Layout(memory, seed, ranges);
                Assert.Null(buddy.Validate());
                ulong[] initial = FreeCounts(buddy);
                ulong initialFree = buddy.FreeBytes;
                Assert.Equal(buddy.TotalBytes, initialFree + buddy.MetadataBytes);
                var live = new List<(ulong Address, int Order, ulong Tag)>();
                ulong liveBytes = 0;
                foreach (var (kind, order, pick) in ops)
                {
                    if (kind != 0 || live.Count == 0)
                    {
                        ulong a = buddy.Allocate(order);
                        if (a == 0) { Assert.True(buddy.LargestFreeBlock < BuddyAllocator.BlockSize(order)); continue; }
                        ulong size = BuddyAllocator.BlockSize(order);
                        Assert.Equal(0UL, a & (size - 1));
                        Assert.Contains(ranges, r => a >= r.Start && a + size <= r.End);
                        foreach (var other in live)
                            Assert.False(a < other.Address + BuddyAllocator.BlockSize(other.Order) && other.Address < a + size, "overlap");
                        ulong tag = (ulong)pick * 2654435761UL + 1;
                        *(ulong*)a = tag; *(ulong*)(a + size - 8) = ~tag;
                        live.Add((a, order, tag));
                        liveBytes += size;
                    }
                    else
                    {
                        int i = pick % live.Count;
                        var (a, o, tag) = live[i];
                        ulong size = BuddyAllocator.BlockSize(o);
                        Assert.Equal(tag, *(ulong*)a);
                        Assert.Equal(~tag, *(ulong*)(a + size - 8));
                        Assert.True(buddy.Free(a, o));
                        Assert.False(buddy.Free(a, o)); // double free is refused
                        live[i] = live[^1]; live.RemoveAt(live.Count - 1);
                        liveBytes -= size;
                    }
                    Assert.Null(buddy.Validate());
                    Assert.Equal(initialFree, buddy.FreeBytes + liveBytes);
                }
                foreach (var (a, o, _) in live) Assert.True(buddy.Free(a, o));
                Assert.Null(buddy.Validate());
                Assert.Equal(initialFree, buddy.FreeBytes);
                Assert.Equal(initial, FreeCounts(buddy));
            }, iter: 60);
    }

    [Fact]
    public void ExhaustingOrderZeroHandsOutEveryFreePageOnce()
    {
        using var memory = new SimulatedMemory(8 * MiB + 12 * 4096);
        var buddy = new BuddyAllocator();
        Assert.True(buddy.AddRange(memory.Base + 4096 * 3, memory.End - 4096 * 5));
        Assert.True(buddy.Seal());
        ulong[] initial = FreeCounts(buddy);
        ulong pages = buddy.FreeBytes / BuddyAllocator.PageSize;
        var seen = new HashSet<ulong>();
        for (ulong a; (a = buddy.Allocate(0)) != 0;) Assert.True(seen.Add(a));
        Assert.Equal(pages, (ulong)seen.Count);
        Assert.Equal(0UL, buddy.FreeBytes);
        Assert.Equal(0.0, buddy.Fragmentation);
        foreach (ulong a in seen) Assert.True(buddy.Free(a, 0));
        Assert.Equal(initial, FreeCounts(buddy));
        Assert.Null(buddy.Validate());
    }

    [Fact]
    public void AllocateExactKeepsOnlyTheRoundedSizeAndFreeRangeGivesItBack()
    {
        Gen.Select(Gen.Int[1, 3000], Gen.Int[0, 6]).Array[1, 40].Sample(requests =>
        {
            using var memory = new SimulatedMemory(32 * MiB);
            var buddy = new BuddyAllocator();
            Assert.True(buddy.AddRange(memory.Base, memory.End));
            ulong initialFree = buddy.Seal() ? buddy.FreeBytes : 0;
            ulong[] initial = FreeCounts(buddy);
            var live = new List<(ulong, ulong)>();
            foreach (var (kib, alignShift) in requests)
            {
                ulong bytes = (ulong)kib * 1024, alignment = BuddyAllocator.PageSize << alignShift;
                ulong before = buddy.FreeBytes, a = buddy.AllocateExact(bytes, alignment);
                if (a == 0) continue;
                ulong rounded = (bytes + 4095) & ~4095UL;
                Assert.Equal(0UL, a % alignment);
                Assert.Equal(before - rounded, buddy.FreeBytes);
                live.Add((a, rounded));
                Assert.Null(buddy.Validate());
            }
            foreach (var (a, bytes) in live) Assert.True(buddy.FreeRange(a, a + bytes));
            Assert.Equal(initialFree, buddy.FreeBytes);
            Assert.Equal(initial, FreeCounts(buddy));
        }, iter: 40);
    }

    [Fact]
    public void MalformedFreesAreRefusedWithoutChangingAnything()
    {
        using var memory = new SimulatedMemory(4 * MiB);
        var buddy = new BuddyAllocator();
        Assert.True(buddy.AddRange(memory.Base, memory.End));
        Assert.False(buddy.Free(memory.Base, 0)); // not sealed yet
        Assert.True(buddy.Seal());
        ulong a = buddy.Allocate(2);
        Assert.NotEqual(0UL, a);
        ulong[] before = FreeCounts(buddy);
        Assert.False(buddy.Free(a + 4096, 2));          // misaligned for the order
        Assert.False(buddy.Free(a, BuddyAllocator.MaxOrder + 1));
        Assert.False(buddy.Free(a, -1));
        Assert.False(buddy.Free(memory.End + (1 << 22), 0)); // outside every range
        Assert.False(buddy.Free(memory.Base, 0));        // the metadata pages
        Assert.Equal(0UL, buddy.Allocate(BuddyAllocator.MaxOrder + 1));
        Assert.Equal(0UL, buddy.Allocate(-3));
        Assert.Equal(before, FreeCounts(buddy));
        Assert.True(buddy.Free(a, 2));
        Assert.False(buddy.Free(a, 2));
        Assert.False(buddy.Free(a, 0)); // a page inside a free block
        Gen.ULong.Select(Gen.Int[-2, 20]).Sample((address, order) =>
        {
            var copy = buddy;
            ulong free = copy.FreeBytes;
            Assert.False(copy.Free(address, order));
            Assert.Equal(free, copy.FreeBytes);
        }, iter: 2000, threads: 1);
        Assert.Null(buddy.Validate());
        Assert.False(buddy.AddRange(memory.Base, memory.End)); // sealed
    }

    [Fact]
    public void StatisticsDescribeTheFreeLists()
    {
        using var memory = new SimulatedMemory(12 * MiB);
        var buddy = new BuddyAllocator();
        ulong start = (memory.Base + 5 * MiB - 1) & ~(4 * MiB - 1); // a 4 MiB-aligned 4 MiB, at least 1 MiB in
        Assert.True(buddy.AddRange(memory.Base, memory.Base + 64 * 4096)); // holds the bitmaps (first range big enough)
        Assert.True(buddy.AddRange(start, start + 4 * MiB));
        Assert.True(buddy.Seal());
        for (int k = 0; k < 10; k++) while (buddy.FreeBlocks(k) > 0) Assert.True(buddy.Allocate(k) < start); // empty the first range
        Assert.Equal(4 * MiB, buddy.FreeBytes);
        Assert.Equal(4 * MiB, buddy.LargestFreeBlock);
        Assert.Equal(1UL, buddy.FreeBlocks(10));
        Assert.Equal(0.0, buddy.Fragmentation);
        ulong page = buddy.Allocate(0);
        Assert.Equal(2 * MiB, buddy.LargestFreeBlock);
        Assert.Equal(1.0 - 2.0 * MiB / (4 * MiB - 4096), buddy.Fragmentation, 9);
        Assert.Equal((2.0 * MiB - 4096) / (4 * MiB - 4096), buddy.UnusableFreeFraction(9), 9);
        Assert.True(buddy.Free(page, 0));
        Assert.Equal(0.0, buddy.Fragmentation);
        Assert.Equal(0, BuddyAllocator.OrderFor(1));
        Assert.Equal(1, BuddyAllocator.OrderFor(4097));
        Assert.Equal(BuddyAllocator.MaxOrder, BuddyAllocator.OrderFor(1UL << 30));
        Assert.Equal(-1, BuddyAllocator.OrderFor((1UL << 30) + 1));
    }
}
