using System;
using System.Collections.Generic;
using System.Globalization;
using XairrosX.Plugs.Memory;
using XairrosX.Plugs.Memory.Gc;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// gc [collect|verify]: the collector's figures (heap size, live bytes, collections, last and max pause),
/// after a collection or a heap consistency check (<see cref="HeapVerifier"/>) when asked. gcstress &lt;MB&gt;: allocates that many MB of short-lived objects of
/// mixed sizes while a 10 MB object graph stays alive, and checks the graph's checksum after every
/// collection; prints "gcstress: allocated N MB, collections C, max pause P ms, live graph intact" or
/// an error line naming the corruption.
/// </summary>
internal static class GcCommands
{
    private const double MiB = 1024 * 1024;

    public static IEnumerable<ShellCommand> All() =>
    [
        new("gc", "[collect|verify]", "garbage collector figures (after a full collection, or a heap check)", Gc),
        new("gcstress", "<MB> [threads]", "allocate MB of short-lived objects around a 10 MB live graph, checking it (threads share the work, each with its own graph)", Stress),
        new("gcbench", "[liveMB...]", "small-object allocation ns/op, and collection pauses with MB live (default 10 50 100)", GcBench.Run),
    ];

    private static int Gc(ShellContext c, IReadOnlyList<string> args)
    {
        if (args.Count > 1 || (args.Count == 1 && args[0] != "collect" && args[0] != "verify")) return c.Error("usage: gc [collect|verify]");
        if (args.Count == 1 && args[0] == "collect") GC.Collect();
        if (args.Count == 1 && args[0] == "verify")
        {
            string problem = HeapVerifier.Verify();
            if (problem != null) return c.Error("gc: heap inconsistent: " + problem);
            c.Out.WriteLine($"gc: heap consistent ({ManagedHeap.SegmentCount} segments walked)");
        }
        var o = c.Out;
        o.WriteLine($"heap: {ManagedHeap.SegmentBytes / MiB:F1} MiB in {ManagedHeap.SegmentCount} segments, {ManagedHeap.FreeListBytes / MiB:F1} MiB free");
        o.WriteLine($"live: {GcStatistics.LiveBytes / MiB:F2} MiB in {GcStatistics.LiveObjects} objects after the last collection, {ManagedHeap.AllocatedSinceCollection / MiB:F2} MiB allocated since (budget {ManagedHeap.Budget / MiB:F0} MiB)");
        o.WriteLine($"collections: {GcStatistics.Collections}, last pause {Ms(GcStatistics.LastPauseTicks)} ms, max pause {Ms(GcStatistics.MaxPauseTicks)} ms, total {Ms(GcStatistics.TotalPauseTicks)} ms");
        o.WriteLine($"allocated since boot: {ManagedHeap.AllocatedBytes / MiB:F1} MiB in {ManagedHeap.AllocationCount} objects; collection {(ManagedHeap.CollectionEnabled ? "enabled" : "disabled")}");
        return 0;
    }

    private static string Ms(ulong ticks) => GcStatistics.TicksToMilliseconds(ticks).ToString("F2", CultureInfo.InvariantCulture);

    private static int Stress(ShellContext c, IReadOnlyList<string> args)
    {
        if (args.Count is < 1 or > 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out int megabytes) || megabytes <= 0 || megabytes > 1 << 20)
            return c.Error("usage: gcstress <MB> [threads] (MB a positive number, threads 1-16)");
        int threads = 1;
        if (args.Count == 2 && (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out threads) || threads < 1 || threads > 16))
            return c.Error("usage: gcstress <MB> [threads] (MB a positive number, threads 1-16)");
        const int LiveBytes = 10 * 1024 * 1024;
        GcStressResult r;
        if (threads == 1) r = GcStress.Run(megabytes, LiveBytes);
        else
        {
            // Each thread keeps its share of the 10 MB graph and checks it; they stop when together they
            // have allocated the requested amount.
            ulong start = ManagedHeap.AllocatedBytes, collectionsBefore = GcStatistics.Collections;
            var results = new GcStressResult[threads];
            var workers = new System.Threading.Thread[threads];
            for (int i = 0; i < threads; i++)
            {
                int index = i;
                workers[i] = new System.Threading.Thread(() => results[index] = GcStress.Run(megabytes, LiveBytes / threads, start)) { Name = "gcstress-" + i };
                workers[i].Start();
            }
            foreach (System.Threading.Thread w in workers) w.Join();
            double maxPause = 0;
            string error = null;
            foreach (GcStressResult one in results)
            {
                error ??= one.Error;
                maxPause = Math.Max(maxPause, one.MaxPauseMilliseconds);
            }
            r = new GcStressResult(GcStatistics.Collections - collectionsBefore, maxPause, error);
        }
        if (r.Error != null) return c.Error("gcstress: " + r.Error);
        if (threads > 1) c.Out.WriteLine($"gcstress: {threads} threads allocated concurrently, each checking its own live graph");
        c.Out.WriteLine($"gcstress: allocated {megabytes} MB, collections {r.Collections}, max pause {r.MaxPauseMilliseconds.ToString("F1", CultureInfo.InvariantCulture)} ms, live graph intact");
        return 0;
    }
}
