using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using Microsoft.Win32.SafeHandles;
using XairrosX.Drivers.Storage;

namespace XairrosX.Benchmarks.Storage;

/// <summary>
/// The cost of the block layer itself on the host: 4 KiB random reads from a 64 MiB image through the host's own file
/// API (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>, page cache: the baseline), through
/// <see cref="IBlockDevice.Read"/> of a RAM device, and through a <see cref="BlockQueue"/> kept 32 deep over it. No
/// device is involved in any of them, so the ratios are the software overhead the kernel adds above a driver; the
/// device figures come from the kernel's blkbench (docs/benchmarks/blk.md).
/// </summary>
public class BlockIoBenchmarks
{
    private const int Block = 4096, Blocks = (64 << 20) / Block, Reads = 1024, Depth = 32;
    private readonly long[] _offsets = new long[Reads];
    private readonly byte[] _buffer = new byte[Block];
    private readonly byte[][] _queueBuffers = new byte[Depth][];
    private string _path;
    private SafeFileHandle _file;
    private RamBlockDevice _ram;
    private BlockQueue _queue;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (int i = 0; i < Reads; i++) _offsets[i] = (long)random.Next(Blocks) * Block;
        _ram = new RamBlockDevice("ram0", (64 << 20) / 512);
        random.NextBytes(_ram.Contents);
        _path = Path.Combine(Path.GetTempPath(), $"xairrosx-blkbench-{Environment.ProcessId}.img");
        File.WriteAllBytes(_path, _ram.Contents.ToArray());
        _file = File.OpenHandle(_path);
        _queue = new BlockQueue(_ram, Depth);
        for (int i = 0; i < Depth; i++) _queueBuffers[i] = new byte[Block];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _file.Dispose();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads)]
    public int HostFileRandomRead4K()
    {
        int total = 0;
        foreach (long offset in _offsets) total += RandomAccess.Read(_file, _buffer, offset);
        return total;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    public int RamDeviceRandomRead4K()
    {
        int errors = 0;
        foreach (long offset in _offsets) errors |= _ram.Read(offset / 512, _buffer);
        return errors;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    public int BlockQueueRandomRead4KDepth32()
    {
        int next = 0, errors = 0;
        for (; next < Depth; next++) _queue.TryEnqueue(BlockOperation.Read, _offsets[next] / 512, _queueBuffers[next], (ulong)next);
        _queue.Submit();
        for (int done = 0; done < Reads; done++)
        {
            BlockCompletion c = _queue.WaitOne();
            errors |= c.Result;
            if (next < Reads)
            {
                _queue.TryEnqueue(BlockOperation.Read, _offsets[next] / 512, _queueBuffers[c.Token], c.Token);
                next++;
            }
        }
        return errors;
    }
}
