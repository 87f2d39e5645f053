using System;
using XairrosX.AI.Tensors;
using Xunit;

namespace XairrosX.Tests.AI;

public class TensorTests
{
    [Fact]
    public unsafe void BuffersAre64ByteAligned()
    {
        for (int size = 0; size < 300; size += 37)
        {
            using var t = Tensor.Create(TensorDataType.Float, [size]);
            Assert.Equal(0, (long)t.Buffer.Pointer % 64);
        }
    }

    [Fact]
    public void ReshapeIsZeroCopyView()
    {
        using var t = Tensor.FromSpan<float>([1, 2, 3, 4, 5, 6], [2, 3]);
        Tensor v = t.Reshape([3, 2]);
        Assert.Same(t.Buffer, v.Buffer);
        v.Span<float>()[5] = 42;
        Assert.Equal(42, t.Span<float>()[5]);
        Assert.Throws<ArgumentException>(() => t.Reshape([4, 2]));
    }

    [Fact]
    public void SliceIsStridedViewAndContiguousCopies()
    {
        using var t = Tensor.FromSpan<int>([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [3, 4]);
        Tensor rows = t.Slice(0, 1, 2);
        Assert.True(rows.IsContiguous);
        Assert.Equal([4, 5, 6, 7, 8, 9, 10, 11], rows.Span<int>().ToArray());
        Tensor cols = t.Slice(1, 1, 2);
        Assert.False(cols.IsContiguous);
        Assert.Throws<InvalidOperationException>(() => cols.Span<int>());
        using Tensor dense = cols.Contiguous();
        Assert.Equal([1, 2, 5, 6, 9, 10], dense.Span<int>().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Slice(1, 3, 2));
    }

    [Fact]
    public void TypedSpanChecksElementType()
    {
        using var t = Tensor.Create(TensorDataType.Int64, [2]);
        Assert.Throws<InvalidOperationException>(() => t.Span<float>());
        Assert.Equal(2, t.Span<long>().Length);
    }

    [Fact]
    public void BroadcastFollowsNumpyRules()
    {
        Assert.Equal([2, 3, 4], TensorShape.Broadcast([3, 1], [2, 1, 4]));
        Assert.Equal([5], TensorShape.Broadcast([], [5]));
        Assert.Throws<ArgumentException>(() => TensorShape.Broadcast([3], [4]));
    }

    [Fact]
    public void PoolRecyclesBuffers()
    {
        var pool = new TensorMemoryPool();
        NativeBuffer a = pool.Rent(1000);
        Assert.True(a.ByteLength >= 1000);
        a.Bytes[0] = 7;
        pool.Return(a);
        NativeBuffer b = pool.Rent(900);
        Assert.Same(a, b);
        Assert.Equal(0, b.Bytes[0]);
        pool.Return(b);
        pool.Trim();
        Assert.Equal(0, pool.IdleBytes);
    }
}

public class MemoryPlanTests
{
    [Fact]
    public void NonOverlappingLifetimesShareMemory()
    {
        // A chain a→b→c→d: a and c (and b and d) are never alive together.
        MemoryPlan plan = MemoryPlan.Create([new(1024, 0, 1), new(1024, 1, 2), new(1024, 2, 3), new(1024, 3, 4)]);
        Assert.Equal(2048, plan.TotalBytes);
        Assert.Equal(4096, plan.UnplannedBytes);
    }

    [Fact]
    public void RandomPlansNeverOverlapLiveBuffers()
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            var buffers = new BufferLifetime[rng.Next(1, 30)];
            for (int i = 0; i < buffers.Length; i++)
            {
                int first = rng.Next(20);
                buffers[i] = new BufferLifetime(rng.Next(1, 5000), first, first + rng.Next(0, 6));
            }
            MemoryPlan plan = MemoryPlan.Create(buffers);
            for (int i = 0; i < buffers.Length; i++)
            {
                Assert.Equal(0, plan.Offsets[i] % 64);
                Assert.True(plan.Offsets[i] + buffers[i].ByteLength <= plan.TotalBytes);
                for (int j = i + 1; j < buffers.Length; j++)
                {
                    bool liveTogether = buffers[i].FirstStep <= buffers[j].LastStep && buffers[j].FirstStep <= buffers[i].LastStep;
                    bool overlap = plan.Offsets[i] < plan.Offsets[j] + buffers[j].ByteLength && plan.Offsets[j] < plan.Offsets[i] + buffers[i].ByteLength;
                    Assert.False(liveTogether && overlap, $"trial {trial}: buffers {i} and {j} collide");
                }
            }
            Assert.True(plan.TotalBytes <= plan.UnplannedBytes);
        }
    }

    [Fact]
    public void ArenaHandsOutViewsAtPlannedOffsets()
    {
        using var arena = new TensorArena(256);
        Tensor a = arena.TensorAt(0, TensorDataType.Float, [16]);
        Tensor b = arena.TensorAt(128, TensorDataType.Float, [32]);
        Assert.Same(a.Buffer, b.Buffer);
        Assert.Throws<ArgumentOutOfRangeException>(() => arena.TensorAt(200, TensorDataType.Float, [32]));
    }
}
