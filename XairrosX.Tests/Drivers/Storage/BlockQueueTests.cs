using System;
using System.Collections.Generic;
using XairrosX.Drivers.Storage;
using Xunit;

namespace XairrosX.Tests.Drivers.Storage;

public class BlockQueueTests
{
    private static RamBlockDevice PatternDisk(int sectors, ulong seed = 1)
    {
        var ram = new RamBlockDevice("ram0", sectors);
        for (int i = 0; i < sectors; i++) SectorPattern.Fill(seed, i, ram.Contents.Slice(i * 512, 512));
        return ram;
    }

    [Fact]
    public void SynchronousDeviceCompletesAtSubmitInOrder()
    {
        var ram = PatternDisk(32);
        var queue = new BlockQueue(ram, 4);
        var a = new byte[512];
        var b = new byte[1024];
        Assert.True(queue.TryEnqueue(BlockOperation.Read, 3, a, 10));
        Assert.True(queue.TryEnqueue(BlockOperation.Read, 30, b, 11));
        Assert.Equal(2, queue.Pending);
        Assert.False(queue.TryGetCompletion(out _)); // nothing runs before Submit
        Assert.Equal(2, queue.Submit());
        Assert.Equal(new BlockCompletion(10, 0), queue.WaitOne());
        Assert.Equal(new BlockCompletion(11, 0), queue.WaitOne());
        Assert.True(SectorPattern.Matches(1, 3, a));
        Assert.True(SectorPattern.Matches(1, 31, b.AsSpan(512)));
        Assert.Throws<InvalidOperationException>(() => queue.WaitOne());
    }

    [Fact]
    public void SubmissionQueueHasAFixedCapacity()
    {
        var queue = new BlockQueue(new RamBlockDevice("r", 8), 2);
        Assert.True(queue.TryEnqueue(BlockOperation.Flush, 0, default, 1));
        Assert.True(queue.TryEnqueue(BlockOperation.Flush, 0, default, 2));
        Assert.False(queue.TryEnqueue(BlockOperation.Flush, 0, default, 3));
        queue.Submit();
        Assert.True(queue.TryEnqueue(BlockOperation.Flush, 0, default, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlockQueue(new RamBlockDevice("r", 8), 0));
    }

    [Fact]
    public void MalformedRequestsCompleteWithTheirErrno()
    {
        var ram = new RamBlockDevice("r", 8);
        var ro = new RamBlockDevice("ro", 8, readOnly: true);
        var queue = new BlockQueue(ram, 8);
        queue.TryEnqueue(BlockOperation.Read, 8, new byte[512], 1);
        queue.TryEnqueue(BlockOperation.Read, -1, new byte[512], 2);
        queue.TryEnqueue(BlockOperation.Write, 0, new byte[513], 3);
        queue.TryEnqueue((BlockOperation)77, 0, new byte[512], 4);
        queue.TryEnqueue(BlockOperation.Read, 7, new byte[1024], 5);
        queue.TryEnqueue(BlockOperation.Read, long.MaxValue, new byte[512], 6);
        queue.TryEnqueue(BlockOperation.Read, 8, Memory<byte>.Empty, 7); // zero sectors at the end: nothing to do
        queue.Submit();
        var results = new Dictionary<ulong, int>();
        while (queue.TryGetCompletion(out BlockCompletion c)) results.Add(c.Token, c.Result);
        Assert.Equal(-BlockErrno.EINVAL, results[1]);
        Assert.Equal(-BlockErrno.EINVAL, results[2]);
        Assert.Equal(-BlockErrno.EINVAL, results[3]);
        Assert.Equal(-BlockErrno.EINVAL, results[4]);
        Assert.Equal(-BlockErrno.EINVAL, results[5]);
        Assert.Equal(-BlockErrno.EINVAL, results[6]);
        Assert.Equal(0, results[7]);
        var roQueue = new BlockQueue(ro, 2);
        roQueue.TryEnqueue(BlockOperation.Write, 0, new byte[512], 9);
        Assert.Equal(new BlockCompletion(9, -BlockErrno.EROFS), roQueue.WaitOne());
    }

    [Fact]
    public void DeviceErrorsArePassedThrough()
    {
        var ram = PatternDisk(16);
        ram.FailingLba = 5;
        var queue = new BlockQueue(ram);
        queue.TryEnqueue(BlockOperation.Read, 4, new byte[1024], 1);
        Assert.Equal(new BlockCompletion(1, -BlockErrno.EIO), queue.WaitOne());
    }

    // A queued device that holds requests until the test releases them, in any order.
    private sealed class HoldingDevice(RamBlockDevice backing, int depth) : IQueuedBlockDevice
    {
        public readonly List<BlockRequest> Held = new();
        public readonly Queue<BlockCompletion> Finished = new();
        public string Name => backing.Name;
        public int SectorSize => backing.SectorSize;
        public long SectorCount => backing.SectorCount;
        public bool IsReadOnly => backing.IsReadOnly;
        public int QueueDepth => depth;
        public int Read(long lba, Span<byte> destination) => backing.Read(lba, destination);
        public int Write(long lba, ReadOnlySpan<byte> source) => backing.Write(lba, source);
        public int Flush() => backing.Flush();

        public bool TryStart(in BlockRequest request)
        {
            if (Held.Count + Finished.Count >= depth) return false;
            Held.Add(request);
            return true;
        }

        public void Release(int index)
        {
            BlockRequest r = Held[index];
            Held.RemoveAt(index);
            int result = r.Operation switch
            {
                BlockOperation.Read => backing.Read(r.Lba, r.Buffer.Span),
                BlockOperation.Write => backing.Write(r.Lba, r.Buffer.Span),
                _ => backing.Flush(),
            };
            Finished.Enqueue(new BlockCompletion(r.Token, result));
        }

        public int Reap(Span<BlockCompletion> completions)
        {
            int n = 0;
            while (n < completions.Length && Finished.TryDequeue(out BlockCompletion c)) completions[n++] = c;
            return n;
        }
    }

    [Fact]
    public void QueuedDeviceFinishesInAnyOrderAndRefusalsStayPending()
    {
        var device = new HoldingDevice(PatternDisk(64), depth: 4);
        var queue = new BlockQueue(device, 8);
        var buffers = new byte[6][];
        for (int i = 0; i < 6; i++) { buffers[i] = new byte[512]; queue.TryEnqueue(BlockOperation.Read, i * 10, buffers[i], (ulong)i); }
        Assert.Equal(4, queue.Submit());
        Assert.Equal((4, 2), (queue.InFlight, queue.Pending));
        device.Release(3);
        device.Release(0);
        Assert.True(queue.TryGetCompletion(out BlockCompletion first));
        Assert.Equal(new BlockCompletion(3, 0), first);
        Assert.Equal(2, queue.InFlight);
        Assert.Equal(2, queue.Submit());
        while (device.Held.Count > 0) device.Release(device.Held.Count - 1);
        var tokens = new List<ulong> { first.Token };
        while (queue.TryGetCompletion(out BlockCompletion c)) { Assert.Equal(0, c.Result); tokens.Add(c.Token); }
        tokens.Sort();
        Assert.Equal([0UL, 1, 2, 3, 4, 5], tokens);
        for (int i = 0; i < 6; i++) Assert.True(SectorPattern.Matches(1, i * 10, buffers[i]));
    }

    [Fact]
    public void WaitOneTimesOutOnADeviceThatNeverFinishes()
    {
        var device = new HoldingDevice(PatternDisk(8), depth: 2);
        var queue = new BlockQueue(device, 2);
        queue.TryEnqueue(BlockOperation.Read, 0, new byte[512], 1);
        Assert.Throws<TimeoutException>(() => queue.WaitOne(TimeSpan.FromMilliseconds(20)));
    }
}
