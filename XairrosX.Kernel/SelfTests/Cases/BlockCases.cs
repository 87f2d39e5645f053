using System;
using System.Collections.Generic;
using XairrosX.Drivers.Storage;
using XairrosX.Kernel.Storage;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>
/// Block layer in the kernel: the request queue and registry over a RAM device (always), and every disk the boot
/// probe registered (read-only checks: nothing is written to a disk that may hold user data). With no disk attached
/// the device cases check a RAM disk instead, so they always test something.
/// </summary>
internal static class BlockCases
{
    public static IEnumerable<SelfTestCase> All() =>
    [
        new("block.queue_over_ram", t =>
        {
            var ram = new RamBlockDevice("ram0", 64);
            var queue = new BlockQueue(ram, 8);
            byte[] a = new byte[1024], b = new byte[512], back = new byte[1024];
            SectorPattern.Fill(3, 10, a.AsSpan(0, 512));
            SectorPattern.Fill(3, 11, a.AsSpan(512));
            t.True(queue.TryEnqueue(BlockOperation.Write, 10, a, 1), "enqueue write");
            t.True(queue.TryEnqueue(BlockOperation.Write, 63, new byte[1024], 2), "enqueue write past the end");
            t.True(queue.TryEnqueue(BlockOperation.Read, 10, back, 3), "enqueue read");
            t.True(queue.TryEnqueue(BlockOperation.Read, 0, new byte[100], 4), "enqueue partial sector");
            t.True(queue.TryEnqueue(BlockOperation.Flush, 0, default, 5), "enqueue flush");
            t.Equal(5, queue.Submit(), "all submitted");
            var results = new Dictionary<ulong, int>();
            while (queue.TryGetCompletion(out BlockCompletion c)) results[c.Token] = c.Result;
            t.Equal(5, results.Count, "five completions");
            t.Equal(0, results.GetValueOrDefault(1UL, 99), "write ok");
            t.Equal(-BlockErrno.EINVAL, results.GetValueOrDefault(2UL, 99), "past the end is EINVAL");
            t.Equal(0, results.GetValueOrDefault(3UL, 99), "read ok");
            t.Equal(-BlockErrno.EINVAL, results.GetValueOrDefault(4UL, 99), "partial sector is EINVAL");
            t.Equal(1, ram.FlushCount, "flush reached the device");
            t.True(SectorPattern.Matches(3, 11, back.AsSpan(512)), "read returns what was written");
            t.Throws<InvalidOperationException>(() => queue.WaitOne(), "WaitOne with nothing submitted");
        }),
        new("block.registry_names", t =>
        {
            var registry = new BlockDeviceRegistry();
            t.Equal("vda", registry.NextName("vd"), "first name");
            registry.Register(new RamBlockDevice("vda", 1), "ram");
            t.Equal("vdb", registry.NextName("vd"), "second name");
            t.Throws<ArgumentException>(() => registry.Register(new RamBlockDevice("vda", 1), "ram"), "duplicate name");
            t.True(registry.Find("vdz") == null, "unknown name");
            t.Equal("blk: vda ram 512 KiB", BlockDeviceRegistry.Describe(new BlockDeviceEntry(new RamBlockDevice("vda", 1024), "ram", "")), "boot line");
        }),
        new("block.disks_read_consistently", t =>
        {
            foreach (IBlockDevice device in DevicesOrRam())
            {
                byte[] first = new byte[4096], second = new byte[4096];
                long lba = Math.Max(0, device.SectorCount - 8);
                t.Equal(0, device.Read(lba, first), $"{device.Name}: read the last 4 KiB");
                t.Equal(0, device.Read(lba, second), $"{device.Name}: read them again");
                t.True(first.AsSpan().SequenceEqual(second), $"{device.Name}: same bytes twice");
                t.Equal(-BlockErrno.EINVAL, device.Read(device.SectorCount, new byte[512]), $"{device.Name}: read past the end");
                t.Equal(-BlockErrno.EINVAL, device.Read(0, new byte[511]), $"{device.Name}: partial sector");
                t.Equal(-BlockErrno.EINVAL, device.Read(-1, new byte[512]), $"{device.Name}: negative lba");
            }
        }),
        new("block.queue_matches_synchronous_reads", t =>
        {
            foreach (IBlockDevice device in DevicesOrRam())
            {
                const int Requests = 24;
                int sectors = (int)Math.Min(device.SectorCount, Requests * 8);
                var expected = new byte[sectors * device.SectorSize];
                t.Equal(0, device.Read(0, expected), $"{device.Name}: synchronous read");
                var queue = new BlockQueue(device, Requests);
                var buffers = new byte[Requests][];
                int per = Math.Max(1, sectors / Requests);
                for (int i = 0; i < Requests && (i + 1) * per <= sectors; i++)
                {
                    buffers[i] = new byte[per * device.SectorSize];
                    queue.TryEnqueue(BlockOperation.Read, i * per, buffers[i], (ulong)i);
                }
                int submitted = queue.Submit(), completed = 0, maxInFlight = queue.InFlight;
                while (completed < submitted)
                {
                    BlockCompletion c = queue.WaitOne();
                    completed++;
                    int i = (int)c.Token;
                    t.Equal(0, c.Result, $"{device.Name}: request {i}");
                    t.True(buffers[i].AsSpan().SequenceEqual(expected.AsSpan(i * per * device.SectorSize, buffers[i].Length)), $"{device.Name}: request {i} bytes");
                }
                if (device is IQueuedBlockDevice queued)
                    t.True(maxInFlight > 1 && maxInFlight <= queued.QueueDepth, $"{device.Name}: several requests in flight ({maxInFlight})");
            }
        }),
    ];

    // The registered disks, or a RAM disk with content when the machine has none.
    private static IEnumerable<IBlockDevice> DevicesOrRam()
    {
        if (BlockStorage.Registry.Entries.Count > 0)
        {
            foreach (BlockDeviceEntry e in BlockStorage.Registry.Entries) yield return e.Device;
            yield break;
        }
        var ram = new RamBlockDevice("ram-selftest", 256);
        for (int i = 0; i < 256; i++) SectorPattern.Fill(5, i, ram.Contents.Slice(i * 512, 512));
        yield return ram;
    }
}
