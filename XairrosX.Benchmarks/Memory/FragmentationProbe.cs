using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory.Buddy;

namespace XairrosX.Benchmarks.Memory;

/// <summary>
/// Fragmentation of the buddy allocator after a long random workload (<c>-- memory-fragmentation</c>): a
/// 256 MiB range, 2 M steps that keep about half of it live, request sizes 4 KiB … 2 MiB with P(order k)
/// ∝ 2^−k/2 (many small, some large), frees of random live blocks. Prints both fragmentation figures of
/// <see cref="BuddyAllocator"/> at the end and after freeing everything.
/// </summary>
public static unsafe class FragmentationProbe
{
    public static void Run()
    {
        const ulong bytes = 256UL << 20;
        void* memory = NativeMemory.AlignedAlloc((nuint)(bytes + (2 << 20)), (nuint)bytes);
        var buddy = new BuddyAllocator();
        buddy.AddRange((ulong)memory + bytes + (1 << 20), (ulong)memory + bytes + (2 << 20)); // first added: holds the bitmaps
        buddy.AddRange((ulong)memory, (ulong)memory + bytes); // one 256 MiB block
        buddy.Seal();
        Console.WriteLine($"before: largest free {buddy.LargestFreeBlock >> 20} MiB of {buddy.FreeBytes >> 20} MiB free");
        var random = new Random(12345);
        var live = new List<(ulong Address, int Order)>();
        ulong liveBytes = 0, failures = 0;
        double worstUnusable = 0;
        for (int step = 0; step < 2_000_000; step++)
        {
            if (liveBytes < bytes / 2 || live.Count == 0)
            {
                int order = 0;
                while (order < 9 && random.NextDouble() < 0.7) order++;
                order = random.Next(0, order + 1);
                ulong a = buddy.Allocate(order);
                if (a == 0) { failures++; continue; }
                live.Add((a, order));
                liveBytes += BuddyAllocator.BlockSize(order);
            }
            else
            {
                int i = random.Next(live.Count);
                buddy.Free(live[i].Address, live[i].Order);
                liveBytes -= BuddyAllocator.BlockSize(live[i].Order);
                live[i] = live[^1];
                live.RemoveAt(live.Count - 1);
            }
            if (step % 1000 == 0) worstUnusable = Math.Max(worstUnusable, buddy.UnusableFreeFraction(9));
        }
        Console.WriteLine($"after 2M steps: live {liveBytes >> 20} MiB in {live.Count} blocks, free {buddy.FreeBytes >> 20} MiB, failed allocations {failures}");
        Console.WriteLine($"fragmentation (1 - largest/free): {buddy.Fragmentation * 100:F2}%, largest free {buddy.LargestFreeBlock >> 10} KiB");
        Console.WriteLine($"free memory in blocks < 2 MiB: {buddy.UnusableFreeFraction(9) * 100:F2}% (worst seen {worstUnusable * 100:F2}%)");
        foreach (var (a, o) in live) buddy.Free(a, o);
        Console.WriteLine($"after freeing everything: fragmentation {buddy.Fragmentation * 100:F2}%, largest free {buddy.LargestFreeBlock >> 20} MiB, validate: {buddy.Validate() ?? "ok"}");
        NativeMemory.AlignedFree(memory);
    }
}
