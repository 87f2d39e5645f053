using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using XairrosX.Drivers.Platform;
using XairrosX.Plugs.Memory;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>The runtime underneath: allocation, GC surface, console, time, CPU features, threads statics.</summary>
internal static class SystemCases
{
    [ThreadStatic] private static int t_threadCounter;

    private sealed class Node { public Node Next; public int Value; public byte[] Payload; }

    public static IEnumerable<SelfTestCase> All() =>
    [
        new("runtime.allocation_graph", t =>
        {
            ulong before = ManagedHeap.AllocatedBytes;
            Node head = null;
            for (int i = 0; i < 20000; i++) head = new Node { Next = head, Value = i, Payload = new byte[i % 64] };
            long sum = 0; int count = 0;
            for (Node n = head; n != null; n = n.Next) { sum += n.Value; count++; }
            t.Equal(20000, count, "list length");
            t.Equal(199990000L, sum, "values intact");
            t.True(ManagedHeap.AllocatedBytes - before >= 20000UL * 32, "heap accounted the allocations");
        }),
        new("runtime.large_objects", t =>
        {
            var big = new long[1 << 20];
            big[^1] = 42;
            t.Equal(42L, big[(1 << 20) - 1], "8 MiB array usable");
            t.True(big[12345] == 0, "new memory is zeroed");
            string s = new string('x', 100_000);
            t.Equal(100_000, s.Length, "large string");
        }),
        new("runtime.gc_surface", t =>
        {
            long before = GC.GetTotalMemory(false);
            var keep = new byte[1 << 16];
            long after = GC.GetTotalMemory(false);
            t.True(after - before >= 1 << 16, "GetTotalMemory grows with allocation");
            GC.KeepAlive(keep);
            t.True(GC.CollectionCount(0) >= 0, "CollectionCount answers");
            var weak = new WeakReference<object>(keep);
            t.True(weak.TryGetTarget(out object target) && ReferenceEquals(target, keep), "weak reference to a live object");
        }),
        new("runtime.thread_static", t =>
        {
            t_threadCounter = 5;
            t_threadCounter++;
            t.Equal(6, t_threadCounter, "[ThreadStatic] read/write");
            t.Equal(1, Environment.CurrentManagedThreadId, "boot thread id");
        }),
        new("runtime.native_memory", t =>
        {
            unsafe
            {
                byte* p = (byte*)System.Runtime.InteropServices.NativeMemory.Alloc(1000);
                for (int i = 0; i < 1000; i++) p[i] = (byte)i;
                byte* q = (byte*)System.Runtime.InteropServices.NativeMemory.Realloc(p, 5000);
                t.Equal((byte)231, q[999], "realloc keeps contents");
                void* aligned = System.Runtime.InteropServices.NativeMemory.AlignedAlloc(4096, 64);
                t.Equal(0UL, (ulong)aligned % 64, "64-byte alignment");
                System.Runtime.InteropServices.NativeMemory.AlignedFree(aligned);
                System.Runtime.InteropServices.NativeMemory.Free(q);
            }
        }),
        new("console.textwriter", t =>
        {
            var sw = new StringWriter();
            sw.Write("a{0}", 1);
            sw.WriteLine(2.5);
            t.Equal("a12.5\n", sw.ToString(), "StringWriter");
            t.True(Console.Out != null && Console.Out.Encoding != null, "Console.Out exists");
            Console.Out.Flush();
        }),
        new("time.stopwatch_and_clock", t =>
        {
            var sw = Stopwatch.StartNew();
            ulong spin = 0;
            while (sw.ElapsedTicks == 0 && spin < 100_000_000) spin++;
            t.True(sw.ElapsedTicks > 0, "Stopwatch advances");
            t.Equal(1_000_000_000L, Stopwatch.Frequency, "Stopwatch frequency (ns)");
            long t1 = Environment.TickCount64;
            t.True(t1 >= 0, "TickCount64");
            var slept = Stopwatch.StartNew();
            System.Threading.Thread.Sleep(30);
            t.True(slept.ElapsedMilliseconds >= 30 && slept.ElapsedMilliseconds < 1000, $"Thread.Sleep(30) took {slept.ElapsedMilliseconds} ms");
            DateTime now = DateTime.UtcNow;
            t.True(now.Year >= 2024 && now.Year < 2100, $"UtcNow from the RTC is plausible ({now:u})");
        }),
        new("cpu.features_consistent", t =>
        {
            CpuFeature f = Boot.KernelEntry.CpuFeatures;
            t.True((f & CpuFeature.Sse42) == 0 || System.Runtime.Intrinsics.X86.Sse42.IsSupported, "SSE4.2 reported to the runtime");
            bool cpuHasAes = (f & CpuFeature.Aes) != 0 && (f & CpuFeature.Pclmulqdq) != 0;
#if DEBUG
            // The size-optimized Debug image compiles optional ISAs out; it must never claim one the CPU lacks.
            t.True(!System.Runtime.Intrinsics.X86.Aes.IsSupported || cpuHasAes, "AES-NI claimed without CPU support");
#else
            t.Equal(cpuHasAes, System.Runtime.Intrinsics.X86.Aes.IsSupported, "AES-NI reported to the runtime");
#endif
            bool expectAvx2 = (CpuFeatureDecoder.ToRuntimeFlags(f) & CpuFeatureDecoder.RuntimeAvx2Flag) != 0;
            t.Equal(expectAvx2, System.Runtime.Intrinsics.X86.Avx2.IsSupported, "AVX2 availability matches CPUID and XCR0");
            t.True(Cpu.ReadTsc() > Boot.KernelEntry.EntryTimestamp, "TSC counts up");
        }),
    ];
}
