using System;
using System.Collections.Generic;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory;
using XairrosX.Plugs.Memory.Gc;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>
/// The garbage collector: reclaiming, weak/dependent/pinned handles, statics, GC.* figures.
/// The stack is scanned conservatively, so objects that must die are made in NoInlining helpers and the
/// dead stack below the test's frame is zeroed (<see cref="ClearDeadStack"/>) before collecting: a stale
/// copy of the pointer in a dead frame would otherwise keep the object alive, as it may on any
/// conservative collector.
/// </summary>
internal static class GcCases
{
    private sealed class Payload { public int Value; public byte[] Data; public Payload Next; }

    private static Dictionary<string, List<int>> s_table;

    public static IEnumerable<SelfTestCase> All() =>
    [
        new("gc.reclaims_garbage", t =>
        {
            ulong total = PageAllocator.TotalBytes * 3;
            ulong before = GcStatistics.Collections, start = ManagedHeap.AllocatedBytes;
            long sum = 0;
            while (ManagedHeap.AllocatedBytes - start < total) sum += AllocateGarbage();
            t.True(sum > 0, "garbage was written");
            t.True(GcStatistics.Collections > before, "collections ran");
            t.True(ManagedHeap.SegmentBytes < PageAllocator.TotalBytes, $"heap {ManagedHeap.SegmentBytes >> 20} MiB stays below RAM after {total >> 20} MiB allocated");
        }),
        new("gc.stack_roots_and_interior_pointers", t =>
        {
            byte[] local = new byte[4096];
            local[4000] = 77;
            Span<byte> middle = new byte[10000].AsSpan(5000, 100);
            middle[50] = 9;
            for (int i = 0; i < 3; i++) { AllocateGarbage(); GC.Collect(); AllocateGarbage(); }
            t.Equal((byte)77, local[4000], "byte[] held only by a local survives");
            t.Equal((byte)9, middle[50], "array held only by an interior pointer (a Span) survives");
            GC.KeepAlive(local);
        }),
        new("gc.weak_reference_cleared", t =>
        {
            WeakReference<object> weak = MakeWeakToGarbage();
            ClearDeadStack();
            GC.Collect();
            t.True(!weak.TryGetTarget(out _), "weak reference to an unreachable object is cleared");
        }),
        new("gc.weak_reference_kept", t =>
        {
            var strong = new Payload { Value = 7, Data = new byte[100] };
            var weak = new WeakReference<Payload>(strong);
            GC.Collect();
            t.True(weak.TryGetTarget(out Payload p) && ReferenceEquals(p, strong) && p.Value == 7, "weak reference to a reachable object survives");
            GC.KeepAlive(strong);
        }),
        new("gc.dependent_handles", t =>
        {
            var primary = new Payload { Value = 1 };
            DependentHandle handle = MakeDependent(primary);
            GC.Collect();
            t.True(handle.Dependent is Payload d && d.Value == 99 && d.Data[50] == 50, "secondary kept alive by a live primary");
            DependentHandle dying = MakeDependent(MakeGarbage());
            ClearDeadStack();
            GC.Collect();
            t.True(dying.Target == null && dying.Dependent == null, "dependent handle of a dead primary is cleared");
            GC.KeepAlive(primary);
            handle.Dispose();
            dying.Dispose();
            var table = new ConditionalWeakTable<Payload, string>();
            table.Add(primary, "attached");
            GC.Collect();
            t.True(table.TryGetValue(primary, out string v) && v == "attached", "ConditionalWeakTable value survives");
        }),
        new("gc.pinned_and_normal_handles", t =>
        {
            unsafe
            {
                GCHandle pinned = GCHandle.Alloc(new byte[4096], GCHandleType.Pinned);
                GCHandle normal = GCHandle.Alloc(new Payload { Value = 5, Data = [1, 2, 3] }, GCHandleType.Normal);
                byte* address = (byte*)pinned.AddrOfPinnedObject();
                address[100] = 42;
                ClearDeadStack();
                for (int i = 0; i < 3; i++) { AllocateGarbage(); GC.Collect(); }
                t.True((byte*)pinned.AddrOfPinnedObject() == address && ((byte[])pinned.Target)[100] == 42, "pinned array stays in place with its contents");
                t.True(normal.Target is Payload p && p.Value == 5 && p.Data[2] == 3, "object held only by a normal handle survives");
                pinned.Free();
                normal.Free();
            }
        }),
        new("gc.statics_and_dictionaries", t =>
        {
            s_table = new Dictionary<string, List<int>>();
            for (int i = 0; i < 500; i++) s_table["key" + i.ToString()] = [i, i * 2, i * 3];
            for (int round = 0; round < 3; round++) { AllocateGarbage(); GC.Collect(); }
            int bad = 0;
            for (int i = 0; i < 500; i++)
                if (!s_table.TryGetValue("key" + i.ToString(), out List<int> list) || list.Count != 3 || list[2] != i * 3) bad++;
            t.Equal(0, bad, "dictionary entries intact after collections");
            s_table = null;
        }),
        new("gc.collection_count_and_info", t =>
        {
            int before = GC.CollectionCount(0);
            GC.Collect();
            t.True(GC.CollectionCount(0) > before && GC.CollectionCount(2) > before, "CollectionCount increases");
            GCMemoryInfo info = GC.GetGCMemoryInfo();
            t.True(info.Index > 0 && info.HeapSizeBytes > 0 && info.PromotedBytes > 0, "GetGCMemoryInfo reports the last collection");
            t.True(GC.GetTotalPauseDuration() > TimeSpan.Zero, "pause time accounted");
        }),
        new("gc.heap_consistent_after_collections", t =>
        {
            var keep = new List<object>();
            for (int round = 0; round < 4; round++)
            {
                for (int i = 0; i < 2000; i++)
                {
                    object o = (i % 4) switch { 0 => new Payload { Value = i, Data = new byte[i % 300] }, 1 => new object[] { i.ToString(), null, keep }, 2 => new int[i % 50], _ => new KeyValuePair<string, object>[] { new("k" + i.ToString(), new byte[8]) } };
                    if (i % 7 == 0) keep.Add(o);
                }
                GC.Collect();
                t.Equal<string>(null, HeapVerifier.Verify(), $"heap consistent after collection round {round}");
            }
            t.True(keep.Count > 1000 && keep[3] is object[] a && a[2] == keep, "kept objects intact");
        }),
        new("gc.total_memory_drops", t =>
        {
            BuildBigGraph(20 * 1024 * 1024);
            long withGraph = GC.GetTotalMemory(true);
            Array.Clear(s_bigGraphParts);
            ClearDeadStack();
            long without = GC.GetTotalMemory(true);
            t.True(withGraph - without > 15 * 1024 * 1024, $"GetTotalMemory dropped from {withGraph >> 20} MiB to {without >> 20} MiB");
        }),
    ];

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long AllocateGarbage()
    {
        long sum = 0;
        Payload head = null;
        for (int i = 0; i < 256; i++)
        {
            head = new Payload { Value = i, Data = new byte[64 + (i & 7) * 1024], Next = i % 16 == 0 ? null : head };
            head.Data[^1] = (byte)i;
            sum += head.Data[^1];
        }
        return sum + 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Payload MakeGarbage() => new() { Value = -1, Data = new byte[32] };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<object> MakeWeakToGarbage() => new(MakeGarbage());

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DependentHandle MakeDependent(Payload primary)
    {
        var secondary = new Payload { Value = 99, Data = new byte[100] };
        for (int i = 0; i < secondary.Data.Length; i++) secondary.Data[i] = (byte)i;
        return new DependentHandle(primary, secondary);
    }

    // Twenty independent 1/20 parts: a stale stack word (the stack is scanned conservatively) can retain
    // at most the part it points into, not the whole graph.
    private static readonly Payload[] s_bigGraphParts = new Payload[20];

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void BuildBigGraph(int bytes)
    {
        for (int part = 0; part < s_bigGraphParts.Length; part++)
        {
            Payload head = null;
            for (int built = 0; built < bytes / s_bigGraphParts.Length; built += 4096 + 64) head = new Payload { Data = new byte[4096], Next = head };
            s_bigGraphParts[part] = head;
        }
    }

    // Zeroes the dead stack below the caller, where helpers left copies of object pointers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe void ClearDeadStack()
    {
        byte* area = stackalloc byte[16 * 1024];
        new Span<byte>(area, 16 * 1024).Clear();
    }
}
