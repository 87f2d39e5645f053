using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Timers;
using XairrosX.Plugs.Memory.Gc;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// gcbench [liveMB...]: the collector's benchmark figures. Small-object allocation cost (a 40-byte object
/// per iteration, collections included, amortized) and the pause of a full collection with a graph of
/// the given size alive (best and worst of three). Times from the TSC; under emulation they are emulator
/// time, to be read as ratios against the same code elsewhere (docs/benchmarks/gc.md).
/// </summary>
internal static class GcBench
{
    private sealed class Small { public long A; public object B; public int C; }
    private sealed class Node { public Node Next; public byte[] Payload; }

    private static object s_sink;

    public static int Run(ShellContext c, IReadOnlyList<string> args)
    {
        var sizes = new List<int>();
        foreach (string a in args)
        {
            if (!int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out int mb) || mb <= 0 || mb > 4096)
                return c.Error($"gcbench: '{a}' is not a size in MB");
            sizes.Add(mb);
        }
        if (sizes.Count == 0) sizes.AddRange([10, 50, 100]);
        const int iterations = 2_000_000;
        ulong start = Cpu.ReadTsc();
        AllocateSmall(iterations);
        double ns = (Cpu.ReadTsc() - start) * 1e9 / Tsc.Frequency / iterations;
        c.Out.WriteLine($"gcbench: allocation {ns.ToString("F1", CultureInfo.InvariantCulture)} ns/op (40-byte objects, {iterations} ops, collections included)");
        foreach (int mb in sizes)
        {
            Node graph = Build(mb);
            double best = double.MaxValue, worst = 0;
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                double ms = GcStatistics.TicksToMilliseconds(GcStatistics.LastPauseTicks);
                best = Math.Min(best, ms);
                worst = Math.Max(worst, ms);
            }
            c.Out.WriteLine($"gcbench: {mb} MB live ({GcStatistics.LiveBytes >> 20} MiB marked), pause {best.ToString("F1", CultureInfo.InvariantCulture)}–{worst.ToString("F1", CultureInfo.InvariantCulture)} ms");
            GC.KeepAlive(graph);
        }
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AllocateSmall(int iterations)
    {
        for (int i = 0; i < iterations; i++) s_sink = new Small { A = i, B = null, C = i };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Node Build(int megabytes)
    {
        Node head = null;
        for (long bytes = 0; bytes < (long)megabytes << 20; bytes += 1024 + 64) head = new Node { Next = head, Payload = new byte[1024] };
        return head;
    }
}
