namespace XairrosX.AI.Tensors;

/// <summary>One buffer the plan must place: its size and the step range during which it is alive.</summary>
/// <param name="ByteLength">Bytes needed.</param>
/// <param name="FirstStep">Step that writes it.</param>
/// <param name="LastStep">Last step that reads it (inclusive).</param>
public readonly record struct BufferLifetime(long ByteLength, int FirstStep, int LastStep);

/// <summary>
/// Static memory plan: gives every buffer an offset in one arena such that buffers whose lifetimes
/// overlap never overlap in memory. Greedy by size (largest first, lowest fitting offset), which is
/// near optimal for the chain-like graphs of inference and runs in O(n^2) once per model.
/// </summary>
public sealed class MemoryPlan
{
    private MemoryPlan(long[] offsets, long total, long unplanned)
    {
        Offsets = offsets;
        TotalBytes = total;
        UnplannedBytes = unplanned;
    }

    /// <summary>Byte offset of each buffer, in the order given to <see cref="Create"/>.</summary>
    public IReadOnlyList<long> Offsets { get; }

    /// <summary>Arena size the plan needs.</summary>
    public long TotalBytes { get; }

    /// <summary>What the buffers would take without reuse (for reporting the saving).</summary>
    public long UnplannedBytes { get; }

    /// <summary>Plans the offsets for the given lifetimes.</summary>
    public static MemoryPlan Create(ReadOnlySpan<BufferLifetime> buffers)
    {
        int n = buffers.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        BufferLifetime[] copy = buffers.ToArray();
        Array.Sort(order, (x, y) =>
        {
            int c = copy[y].ByteLength.CompareTo(copy[x].ByteLength);
            return c != 0 ? c : x.CompareTo(y);
        });

        var offsets = new long[n];
        var placed = new List<int>(n);
        var conflicts = new List<(long Start, long End)>();
        long total = 0, unplanned = 0;
        foreach (int i in order)
        {
            long size = AlignUp(copy[i].ByteLength);
            unplanned += size;
            conflicts.Clear();
            foreach (int j in placed)
                if (copy[j].FirstStep <= copy[i].LastStep && copy[i].FirstStep <= copy[j].LastStep)
                    conflicts.Add((offsets[j], offsets[j] + AlignUp(copy[j].ByteLength)));
            conflicts.Sort((a, b) => a.Start.CompareTo(b.Start));
            long offset = 0;
            foreach ((long start, long end) in conflicts)
            {
                if (offset + size <= start) break;
                offset = Math.Max(offset, end);
            }
            offsets[i] = offset;
            total = Math.Max(total, offset + size);
            placed.Add(i);
        }
        return new MemoryPlan(offsets, total, unplanned);
    }

    private static long AlignUp(long bytes) => (Math.Max(bytes, 1) + NativeBuffer.Alignment - 1) & ~(long)(NativeBuffer.Alignment - 1);
}
