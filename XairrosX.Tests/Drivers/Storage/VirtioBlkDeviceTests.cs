using System;
using System.Collections.Generic;
using XairrosX.Drivers.Storage;
using XairrosX.Drivers.Storage.Virtio;
using Xunit;

namespace XairrosX.Tests.Drivers.Storage;

public class VirtioBlkDeviceTests : IDisposable
{
    private const ushort Base = 0xC000;
    private readonly HostDma _dma = new();

    public void Dispose() => _dma.Dispose();

    private (VirtioBlkDevice Disk, FakeVirtioBlk Fake) Create(int sectors = 2048, ushort queueSize = 256, uint? features = null)
    {
        var fake = features is uint f ? new FakeVirtioBlk(Base, sectors, queueSize, f) : new FakeVirtioBlk(Base, sectors, queueSize);
        for (int i = 0; i < sectors; i++) SectorPattern.Fill(1, i, fake.Disk.AsSpan(i * 512, 512));
        VirtioBlkDevice? disk = VirtioBlkDevice.TryCreate("vda", fake, Base, _dma, out string? error, TimeSpan.FromMilliseconds(100));
        Assert.Null(error);
        return (disk!, fake);
    }

    [Fact]
    public void InitializationNegotiatesOnlyKnownFeaturesAndReadsCapacity()
    {
        var (disk, fake) = Create(sectors: 3000);
        Assert.Equal(3000, disk.SectorCount);
        Assert.Equal(1u << VirtioBlk.FeatureFlush, fake.AcceptedFeatures); // bit 28 (indirect descriptors) declined
        Assert.Equal(7, fake.Status); // ACKNOWLEDGE | DRIVER | DRIVER_OK
        Assert.Equal(85, disk.QueueDepth);
        Assert.False(disk.IsReadOnly);
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public void ReadOnlyFeatureMakesWritesFail()
    {
        var (disk, _) = Create(features: 1u << VirtioBlk.FeatureReadOnly);
        Assert.True(disk.IsReadOnly);
        Assert.Equal(-BlockErrno.EROFS, disk.Write(0, new byte[512]));
        Assert.Equal(0, disk.Flush()); // no write cache: nothing to flush
    }

    [Fact]
    public void MissingQueueIsAnError()
    {
        var fake = new FakeVirtioBlk(Base, 16, queueSize: 0);
        Assert.Null(VirtioBlkDevice.TryCreate("vda", fake, Base, _dma, out string? error));
        Assert.Contains("no request queue", error);
        Assert.Equal(128, fake.Status); // FAILED
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // through the bounce buffer
    public void SynchronousReadWriteFlush(bool direct)
    {
        var (disk, fake) = Create();
        _dma.Translate = direct;
        var buffer = new byte[512 * 300]; // larger than the 64 KiB bounce buffer: split
        Assert.Equal(0, disk.Read(100, buffer));
        for (int i = 0; i < 300; i++) Assert.True(SectorPattern.Matches(1, 100 + i, buffer.AsSpan(i * 512, 512)), $"sector {100 + i}");
        for (int i = 0; i < 300; i++) SectorPattern.Fill(2, 500 + i, buffer.AsSpan(i * 512, 512));
        Assert.Equal(0, disk.Write(500, buffer));
        Assert.Equal(0, disk.Flush());
        Assert.Equal(1, fake.Flushes);
        for (int i = 0; i < 300; i++) Assert.True(SectorPattern.Matches(2, 500 + i, fake.Disk.AsSpan((500 + i) * 512, 512)));
        Assert.True(SectorPattern.Matches(1, 499, fake.Disk.AsSpan(499 * 512, 512)));
        Assert.True(SectorPattern.Matches(1, 800, fake.Disk.AsSpan(800 * 512, 512)));
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public void BadRangesNeverReachTheDeviceAndDeviceErrorsAreEio()
    {
        var (disk, fake) = Create(sectors: 64);
        int before = fake.Notifications;
        Assert.Equal(-BlockErrno.EINVAL, disk.Read(64, new byte[512]));
        Assert.Equal(-BlockErrno.EINVAL, disk.Read(63, new byte[1024]));
        Assert.Equal(-BlockErrno.EINVAL, disk.Read(-1, new byte[512]));
        Assert.Equal(-BlockErrno.EINVAL, disk.Write(0, new byte[100]));
        Assert.Equal(before, fake.Notifications);
        fake.FailingSector = 10;
        Assert.Equal(-BlockErrno.EIO, disk.Read(8, new byte[2048]));
        Assert.Equal(0, disk.Read(11, new byte[512]));
    }

    [Fact]
    public void ZeroLengthTransfersDoNotReachTheDevice()
    {
        var (disk, fake) = Create();
        int before = fake.Notifications;
        Assert.Equal(0, disk.Read(5, Span<byte>.Empty));
        Assert.Equal(0, disk.Write(2048, ReadOnlySpan<byte>.Empty));
        Assert.Equal(before, fake.Notifications);
    }

    [Fact]
    public void ADeviceThatNeverAnswersIsResetAndFailsEverythingAfter()
    {
        var (disk, fake) = Create();
        fake.Deferred = true; // takes requests, never completes them
        var queue = new BlockQueue(disk, 4);
        queue.TryEnqueue(BlockOperation.Read, 0, new byte[512], 1);
        Assert.Equal(1, queue.Submit());
        Assert.Equal(-BlockErrno.EIO, disk.Read(8, new byte[512])); // times out after 100 ms
        Assert.True(disk.IsFailed);
        Assert.Equal(0, fake.Status); // reset: the device stops its DMA
        Assert.Equal(new BlockCompletion(1, -BlockErrno.EIO), queue.WaitOne());
        Assert.Equal(-BlockErrno.EIO, disk.Read(0, new byte[512]));
        Assert.Equal(-BlockErrno.EIO, disk.Flush());
        queue.TryEnqueue(BlockOperation.Write, 0, new byte[512], 2);
        Assert.Equal(new BlockCompletion(2, -BlockErrno.EIO), queue.WaitOne());
    }

    [Fact]
    public void QueueKeepsManyRequestsInFlightAndMatchesOutOfOrderCompletions()
    {
        var (disk, fake) = Create();
        fake.Deferred = true;
        var queue = new BlockQueue(disk, 128);
        var buffers = new byte[100][];
        for (int i = 0; i < 100; i++)
        {
            buffers[i] = new byte[4096];
            Assert.True(queue.TryEnqueue(BlockOperation.Read, i * 8, buffers[i], (ulong)(1000 + i)));
        }
        Assert.Equal(85, queue.Submit()); // the device's depth; the rest waits in the submission queue
        Assert.Equal(85, queue.InFlight);
        Assert.Equal(15, queue.Pending);
        Assert.Equal(85, fake.MaxOutstanding);
        Assert.Equal(0, queue.Poll());
        fake.CompleteDeferred(); // in reverse order
        var seen = new HashSet<ulong>();
        while (seen.Count < 100)
        {
            if (queue.TryGetCompletion(out BlockCompletion c))
            {
                Assert.Equal(0, c.Result);
                Assert.True(seen.Add(c.Token));
                int i = (int)(c.Token - 1000);
                for (int s = 0; s < 8; s++) Assert.True(SectorPattern.Matches(1, i * 8 + s, buffers[i].AsSpan(s * 512, 512)));
                continue;
            }
            queue.Submit();
            fake.CompleteDeferred();
        }
        Assert.Equal(0, queue.InFlight);
        Assert.Empty(fake.Violations);
    }

    [Fact]
    public void RandomMixedWorkloadAgreesWithARamModel()
    {
        const int Sectors = 512;
        var (disk, fake) = Create(sectors: Sectors);
        fake.Deferred = true;
        var model = new RamBlockDevice("model", Sectors);
        fake.Disk.CopyTo(model.Contents);
        var random = new Random(42);
        var queue = new BlockQueue(disk, 16);
        var inFlight = new Dictionary<ulong, (BlockOperation Op, long Lba, byte[] Buffer, int Expected)>();
        ulong token = 0;
        for (int step = 0; step < 3000; step++)
        {
            if (random.Next(3) > 0 && queue.Pending < 16)
            {
                var op = (BlockOperation)random.Next(3);
                // Reads stay below sector 280 and writes above 300 (and past the end), so that whatever order the
                // device runs them in, a read's expected bytes are the model's.
                long lba = op == BlockOperation.Write ? random.Next(300, Sectors + 2) : random.Next(-2, 272);
                int length = random.Next(4) == 0 ? random.Next(0, 2000) : 512 * random.Next(0, 9);
                var buffer = new byte[length];
                random.NextBytes(buffer);
                int expected = op switch
                {
                    BlockOperation.Write => model.Write(lba, buffer),
                    BlockOperation.Read => BlockErrno.CheckRange(model, lba, length, false),
                    _ => 0,
                };
                queue.TryEnqueue(op, lba, buffer, ++token);
                inFlight[token] = (op, lba, buffer, expected);
            }
            queue.Submit();
            if (random.Next(4) == 0)
            {
                var order = new List<int>();
                for (int i = 0; i < fake.DeferredCount; i++) order.Insert(random.Next(order.Count + 1), i);
                fake.CompleteDeferred(order);
            }
            while (queue.TryGetCompletion(out BlockCompletion c))
            {
                var (op, lba, buffer, expected) = inFlight[c.Token];
                inFlight.Remove(c.Token);
                Assert.Equal(expected, c.Result);
                if (op == BlockOperation.Read && c.Result == 0)
                    Assert.True(buffer.AsSpan().SequenceEqual(model.Contents.Slice((int)lba * 512, buffer.Length)), $"read at {lba}");
            }
        }
        while (queue.InFlight > 0 || queue.Pending > 0)
        {
            fake.CompleteDeferred();
            queue.Submit();
            while (queue.TryGetCompletion(out BlockCompletion c)) Assert.Equal(inFlight[c.Token].Expected, c.Result);
        }
        Assert.True(fake.Disk.AsSpan().SequenceEqual(model.Contents), "the disk holds every write");
        Assert.Empty(fake.Violations);
    }
}
