using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using XairrosX.Plugs.Memory.Buddy;
using XairrosX.Plugs.Memory.Slab;

namespace XairrosX.Benchmarks.Memory;

/// <summary>
/// Alloc+free cost of the kernel's physical allocators on the host (same C#): buddy order 0 (4 KiB) and
/// order 9 (2 MiB), slab 64 B, against glibc malloc/free of 64 B (NativeMemory) as the in-class reference.
/// Each invocation allocates <see cref="Batch"/> objects, then frees them (so lists really change, not just
/// one block bouncing). Anchor, not measured here: Linux SLUB's fast path ≈ 42 cycles per alloc+free.
/// </summary>
[ShortRunJob]
public unsafe class BuddySlabBenchmarks
{
    private const int Batch = 256;
    private void* _memory;
    private BuddyAllocator* _buddy;
    private SlabAllocator* _slabs;
    private readonly ulong[] _blocks = new ulong[Batch];

    [GlobalSetup]
    public void Setup()
    {
        const ulong bytes = 1UL << 30;
        _memory = NativeMemory.AlignedAlloc((nuint)bytes, 1 << 21);
        _buddy = (BuddyAllocator*)NativeMemory.AllocZeroed((nuint)sizeof(BuddyAllocator));
        _buddy->AddRange((ulong)_memory, (ulong)_memory + bytes);
        _buddy->Seal();
        _slabs = (SlabAllocator*)NativeMemory.AllocZeroed((nuint)sizeof(SlabAllocator));
        _slabs->Initialize(_buddy);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        NativeMemory.Free(_slabs);
        NativeMemory.Free(_buddy);
        NativeMemory.AlignedFree(_memory);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "glibc malloc+free 64 B (reference)")]
    public void Malloc64()
    {
        for (int i = 0; i < Batch; i++) _blocks[i] = (ulong)NativeMemory.Alloc(64);
        for (int i = Batch - 1; i >= 0; i--) NativeMemory.Free((void*)_blocks[i]);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "slab alloc+free 64 B")]
    public void Slab64()
    {
        for (int i = 0; i < Batch; i++) _blocks[i] = (ulong)_slabs->Allocate(64);
        for (int i = Batch - 1; i >= 0; i--) _slabs->Free((void*)_blocks[i], 64);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "buddy alloc+free order 0 (4 KiB)")]
    public void BuddyOrder0()
    {
        for (int i = 0; i < Batch; i++) _blocks[i] = _buddy->Allocate(0);
        for (int i = Batch - 1; i >= 0; i--) _buddy->Free(_blocks[i], 0);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "buddy alloc+free order 9 (2 MiB)")]
    public void BuddyOrder9()
    {
        for (int i = 0; i < Batch; i++) _blocks[i] = _buddy->Allocate(9);
        for (int i = Batch - 1; i >= 0; i--) _buddy->Free(_blocks[i], 9);
    }
}
