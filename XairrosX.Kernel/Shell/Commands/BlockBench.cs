using System;
using System.Collections.Generic;
using System.Diagnostics;
using XairrosX.Drivers.Storage;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// <c>blkbench &lt;dev&gt; [--write]</c>: 4 KiB requests for <see cref="Budget"/> each — sequential and random at queue
/// depth 1 (the synchronous IBlockDevice calls), random at queue depth 32 (a <see cref="BlockQueue"/>); MB/s and IOPS.
/// Writes only with <c>--write</c>, which overwrites the device: use a scratch image. Under QEMU TCG every figure
/// includes the emulator's device model and is not a hardware number.
/// </summary>
internal static class BlockBench
{
    /// <summary>Measuring time per line.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(1000);
    private const int BlockBytes = 4096, Depth = 32;

    public static int Run(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count is < 1 or > 2 || (a.Count == 2 && a[1] != "--write")) return c.Error("usage: blkbench <dev> [--write]");
        if (!BlockCommands.TryDevice(c, a[0], out IBlockDevice device)) return 1;
        bool write = a.Count == 2;
        if (write && device.IsReadOnly) return c.Error($"{device.Name} is read-only");
        long blocks = device.SectorCount * device.SectorSize / BlockBytes;
        if (blocks < Depth) return c.Error($"{device.Name} is too small to benchmark ({blocks} blocks of 4 KiB)");
        c.Out.WriteLine($"blkbench {device.Name}: 4 KiB requests over {BlockDeviceRegistry.FormatSize(blocks * BlockBytes)}, {Budget.TotalMilliseconds:F0} ms per line{(write ? "; WRITES (device contents are overwritten)" : "")}");
        var buffers = new byte[Depth][];
        for (int i = 0; i < Depth; i++) { buffers[i] = new byte[BlockBytes]; SectorPattern.Fill(7, i, buffers[i]); }
        var ops = new List<(string Name, BlockOperation Op, bool Random, int QueueDepth)>
        {
            ("seq read  qd1", BlockOperation.Read, false, 1),
            ("rand read qd1", BlockOperation.Read, true, 1),
            ("rand read qd32", BlockOperation.Read, true, Depth),
        };
        if (write)
        {
            ops.Add(("seq write  qd1", BlockOperation.Write, false, 1));
            ops.Add(("rand write qd1", BlockOperation.Write, true, 1));
            ops.Add(("rand write qd32", BlockOperation.Write, true, Depth));
        }
        foreach (var (name, op, random, depth) in ops)
        {
            (long count, double seconds, int error) = depth == 1 ? Synchronous(device, op, random, blocks, buffers[0]) : Queued(device, op, blocks, buffers);
            if (error != 0) return c.Error($"blkbench {device.Name} {name}: {BlockErrno.Describe(error)}");
            c.Out.WriteLine($"{name,-16} {count * (double)BlockBytes / seconds / 1e6,9:F1} MB/s {count / seconds,10:F0} IOPS  ({count} in {seconds:F3} s)");
        }
        if (write && device.Flush() is int flush and not 0) return c.Error($"blkbench {device.Name} flush: {BlockErrno.Describe(flush)}");
        return 0;
    }

    private static ulong s_random = 0x243F6A8885A308D3;

    private static long NextBlock(long blocks)
    {
        s_random ^= s_random << 13;
        s_random ^= s_random >> 7;
        s_random ^= s_random << 17;
        return (long)(s_random % (ulong)blocks);
    }

    private static (long Count, double Seconds, int Error) Synchronous(IBlockDevice device, BlockOperation op, bool random, long blocks, byte[] buffer)
    {
        int sectorsPerBlock = BlockBytes / device.SectorSize;
        long count = 0, block = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Budget)
        {
            long lba = (random ? NextBlock(blocks) : block++ % blocks) * sectorsPerBlock;
            int result = op == BlockOperation.Read ? device.Read(lba, buffer) : device.Write(lba, buffer);
            if (result != 0) return (count, 0, result);
            count++;
        }
        return (count, watch.Elapsed.TotalSeconds, 0);
    }

    private static (long Count, double Seconds, int Error) Queued(IBlockDevice device, BlockOperation op, long blocks, byte[][] buffers)
    {
        int sectorsPerBlock = BlockBytes / device.SectorSize;
        var queue = new BlockQueue(device, buffers.Length);
        for (int i = 0; i < buffers.Length; i++) queue.TryEnqueue(op, NextBlock(blocks) * sectorsPerBlock, buffers[i], (ulong)i);
        long count = 0;
        int error = 0;
        var watch = Stopwatch.StartNew();
        queue.Submit();
        while (watch.Elapsed < Budget && error == 0)
        {
            BlockCompletion done = queue.WaitOne();
            if (done.Result != 0) error = done.Result;
            count++;
            queue.TryEnqueue(op, NextBlock(blocks) * sectorsPerBlock, buffers[(int)done.Token], done.Token);
            queue.Submit();
        }
        double seconds = watch.Elapsed.TotalSeconds;
        while (queue.InFlight > 0 || queue.Pending > 0) queue.WaitOne();
        return (count, seconds, error);
    }
}
