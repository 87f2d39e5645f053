using System;
using System.Collections.Generic;
using XairrosX.Drivers.Storage.Virtio;
using Xunit;

namespace XairrosX.Tests.Drivers.Storage;

public unsafe class VirtqueueTests : IDisposable
{
    private readonly HostDma _dma = new();

    public void Dispose() => _dma.Dispose();

    // The device's view, written from the split-ring layout of the specification.
    private sealed class DeviceSide(byte* ring, int size)
    {
        private ushort _lastAvail, _used;
        private byte* Avail => ring + 16 * size;
        private byte* UsedRing => ring + ((16 * size + 6 + 2 * size + 4095) & ~4095);

        public List<(int Head, List<(ulong Address, uint Length, ushort Flags)> Chain)> TakeAvailable()
        {
            var taken = new List<(int, List<(ulong, uint, ushort)>)>();
            while (_lastAvail != *(ushort*)(Avail + 2))
            {
                int head = *(ushort*)(Avail + 4 + 2 * (_lastAvail++ % size));
                var chain = new List<(ulong, uint, ushort)>();
                for (int d = head; ; )
                {
                    byte* desc = ring + 16 * d;
                    ushort flags = *(ushort*)(desc + 12);
                    chain.Add((*(ulong*)desc, *(uint*)(desc + 8), flags));
                    if ((flags & Virtqueue.DescriptorNext) == 0) break;
                    d = *(ushort*)(desc + 14);
                    Assert.True(chain.Count <= size, "descriptor loop");
                }
                taken.Add((head, chain));
            }
            return taken;
        }

        public void Complete(int head, uint written)
        {
            byte* e = UsedRing + 4 + 8 * (_used % size);
            *(uint*)e = (uint)head;
            *(uint*)(e + 4) = written;
            *(ushort*)(UsedRing + 2) = ++_used;
        }

        public ushort AvailFlags => *(ushort*)Avail;
        public void SetUsedFlags(ushort f) => *(ushort*)UsedRing = f;
    }

    private (Virtqueue Queue, DeviceSide Device) Create(int size)
    {
        var memory = _dma.Allocate(Virtqueue.RequiredBytes(size))!;
        return (new Virtqueue(memory, size), new DeviceSide(memory.Pointer, size));
    }

    [Theory]
    [InlineData(1, 8192)]
    [InlineData(8, 8192)]
    [InlineData(256, 4096 + 4096 + 4096)]
    public void LegacyLayoutSizes(int size, int expected)
    {
        // descriptors + avail ring rounded up to 4 KiB, then the used ring rounded up (QEMU's default 256 → 3 pages).
        Assert.Equal(expected, Virtqueue.RequiredBytes(size));
    }

    [Fact]
    public void ChainsAreLinkedWithDirectionFlags()
    {
        var (q, dev) = Create(8);
        int head = q.TryAddChain([new(0x1000, 16, false), new(0x2000, 4096, true), new(0x3000, 1, true)]);
        Assert.Equal(5, q.FreeCount);
        Assert.Empty(dev.TakeAvailable()); // not published yet
        q.Publish();
        var taken = dev.TakeAvailable();
        Assert.Single(taken);
        Assert.Equal(head, taken[0].Head);
        Assert.Equal([(0x1000UL, 16u, (ushort)1), (0x2000UL, 4096u, (ushort)3), (0x3000UL, 1u, (ushort)2)], taken[0].Chain);
        dev.Complete(head, 4097);
        Assert.True(q.TryTakeUsed(out int used, out uint written));
        Assert.Equal((head, 4097u), (used, written));
        Assert.Equal(8, q.FreeCount);
        Assert.False(q.TryTakeUsed(out _, out _));
    }

    [Fact]
    public void RefusesChainsLargerThanTheFreeList()
    {
        var (q, _) = Create(4);
        Assert.Equal(-1, q.TryAddChain([]));
        Assert.True(q.TryAddChain([new(1, 1, false), new(2, 1, false), new(3, 1, true)]) >= 0);
        Assert.Equal(-1, q.TryAddChain([new(1, 1, false), new(2, 1, true)]));
        Assert.True(q.TryAddChain([new(4, 1, true)]) >= 0);
        Assert.Equal(0, q.FreeCount);
        Assert.Equal(-1, q.TryAddChain([new(5, 1, true)]));
    }

    [Fact]
    public void IndicesWrapPast65536AndOutOfOrderCompletionKeepsTheFreeListWhole()
    {
        var (q, dev) = Create(16);
        var random = new Random(1234);
        var outstanding = new List<int>();
        var expectedAddress = new Dictionary<int, ulong>();
        long completed = 0;
        for (int round = 0; completed < 70_000; round++)
        {
            // Add chains of 1–3 descriptors while they fit, then complete a random subset in random order.
            while (true)
            {
                int length = 1 + random.Next(3);
                ulong tag = ((ulong)(uint)round << 8) | (uint)outstanding.Count;
                var segments = new VirtqueueSegment[length];
                for (int i = 0; i < length; i++) segments[i] = new(tag * 16 + (ulong)i, (uint)(i + 1), i == length - 1);
                int head = q.TryAddChain(segments);
                if (head < 0) break;
                Assert.DoesNotContain(head, outstanding);
                outstanding.Add(head);
                expectedAddress[head] = tag * 16;
            }
            q.Publish();
            foreach (var (head, chain) in dev.TakeAvailable()) Assert.Equal(expectedAddress[head], chain[0].Address);
            int finish = 1 + random.Next(outstanding.Count);
            for (int i = 0; i < finish; i++)
            {
                int pick = random.Next(outstanding.Count);
                dev.Complete(outstanding[pick], 0);
                outstanding.RemoveAt(pick);
            }
            int taken = 0;
            while (q.TryTakeUsed(out _, out _)) taken++;
            Assert.Equal(finish, taken);
            completed += taken;
            Assert.Equal(outstanding.Count, q.Outstanding);
        }
        foreach (int head in outstanding) dev.Complete(head, 0);
        while (q.TryTakeUsed(out _, out _)) { }
        Assert.Equal(16, q.FreeCount);
        Assert.Equal(0, q.ProtocolErrors);
    }

    [Fact]
    public void UsedEntriesNamingNoOutstandingChainAreCountedAndSkipped()
    {
        var (q, dev) = Create(8);
        int head = q.TryAddChain([new(1, 1, true)]);
        q.Publish();
        dev.TakeAvailable();
        dev.Complete(7, 0);   // never handed out
        dev.Complete(999, 0); // out of range
        dev.Complete(head, 0);
        Assert.True(q.TryTakeUsed(out int used, out _));
        Assert.Equal(head, used);
        Assert.Equal(2, q.ProtocolErrors);
        Assert.Equal(8, q.FreeCount);
    }

    [Fact]
    public void InterruptAndNotificationFlags()
    {
        var (q, dev) = Create(8);
        q.SuppressInterrupts = true;
        Assert.Equal(Virtqueue.AvailNoInterrupt, dev.AvailFlags);
        Assert.True(q.NotifyNeeded);
        dev.SetUsedFlags(Virtqueue.UsedNoNotify);
        Assert.False(q.NotifyNeeded);
    }

    [Fact]
    public void RejectsBadSizesAndMemory()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(0));
        var small = _dma.Allocate(4096)!;
        Assert.Throws<ArgumentException>(() => new Virtqueue(small, 256));
    }
}
