using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory.Paging;
using Xunit;

namespace XairrosX.Tests.Memory;

/// <summary>The 4-level page-table manager over simulated physical memory (tables are host pages, identity "physical").</summary>
public sealed unsafe class AddressSpaceTests : IDisposable
{
    private sealed class HostTables : IPageTableMemory
    {
        public readonly List<nint> Pages = new();
        public int Limit = int.MaxValue;

        public ulong* Table(ulong physical) => (ulong*)physical;

        public ulong AllocateTable()
        {
            if (Pages.Count >= Limit) return 0;
            void* p = NativeMemory.AlignedAlloc(4096, 4096);
            NativeMemory.Clear(p, 4096);
            Pages.Add((nint)p);
            return (ulong)p;
        }
    }

    private readonly HostTables _memory = new();
    private readonly AddressSpace _space;

    public AddressSpaceTests() => _space = new AddressSpace(_memory, _memory.AllocateTable());

    public void Dispose()
    {
        foreach (nint p in _memory.Pages) NativeMemory.AlignedFree((void*)p);
    }

    private const ulong GiB = 1UL << 30, MiB = 1UL << 20;
    private const PageFlags Rw = PageFlags.Writable | PageFlags.NoExecute;

    [Fact]
    public void EachPageSizeMapsTranslatesAndUnmaps()
    {
        Assert.Equal(0, _space.Map(0x40_0000_0000, 0x1000_0000, 8192, PageSize.Size4K, Rw));
        Assert.Equal(0, _space.Map(0x40_4000_0000, 0x2000_0000, 4 * MiB, PageSize.Size2M, PageFlags.Writable));
        Assert.Equal(0, _space.Map(0x41_0000_0000, 0x8000_0000, GiB, PageSize.Size1G, PageFlags.None));
        Assert.Equal(new Translation(0x1000_1234, Rw, PageSize.Size4K), _space.Translate(0x40_0000_1234));
        Assert.Equal(new Translation(0x2030_0005, PageFlags.Writable, PageSize.Size2M), _space.Translate(0x40_4030_0005));
        Assert.Equal(new Translation(0x8765_4321, PageFlags.None, PageSize.Size1G), _space.Translate(0x41_0765_4321));
        Assert.Null(_space.Translate(0x40_0000_2000));
        Assert.Equal(0, _space.Unmap(0x40_0000_0000, 8192));
        Assert.Equal(0, _space.Unmap(0x41_0000_0000, GiB));
        Assert.Null(_space.Translate(0x40_0000_0000));
        Assert.Null(_space.Translate(0x41_0765_4321));
    }

    [Fact]
    public void ProtectingPartOfALargePageSplitsIt()
    {
        Assert.Equal(0, _space.Map(0x80_0000_0000, 0x4000_0000, GiB, PageSize.Size1G, Rw));
        Assert.Equal(0, _space.Protect(0x80_0020_1000, 4096, PageFlags.NoExecute));
        Assert.Equal(new Translation(0x4020_1000, PageFlags.NoExecute, PageSize.Size4K), _space.Translate(0x80_0020_1000));
        Assert.Equal(new Translation(0x4020_2000, Rw, PageSize.Size4K), _space.Translate(0x80_0020_2000));
        Assert.Equal(new Translation(0x4040_0000, Rw, PageSize.Size2M), _space.Translate(0x80_0040_0000));
        Assert.Equal(new Translation(0x7FFF_FFFF, Rw, PageSize.Size2M), _space.Translate(0x80_3FFF_FFFF));
    }

    [Fact]
    public void BadRequestsAreErrors()
    {
        Assert.True(_space.Map(0x1001, 0, 4096, PageSize.Size4K, Rw) < 0, "misaligned virtual");
        Assert.True(_space.Map(0x20_0000, 0x1000, 2 * MiB, PageSize.Size2M, Rw) < 0, "misaligned physical for 2 MiB");
        Assert.True(_space.Map(0x1000, 0x1000, 0, PageSize.Size4K, Rw) < 0, "empty");
        Assert.True(_space.Map(1UL << 47, 0, 4096, PageSize.Size4K, Rw) < 0, "non-canonical");
        Assert.Equal(0, _space.Map(0x20_0000, 0x20_0000, 2 * MiB, PageSize.Size2M, Rw));
        Assert.True(_space.Map(0x20_1000, 0x5000, 4096, PageSize.Size4K, Rw) < 0, "inside a large page");
        Assert.True(_space.Map(0x20_0000, 0x40_0000, 2 * MiB, PageSize.Size2M, Rw) < 0, "already mapped");
        Assert.True(_space.Unmap(0x123, 4096) < 0);
        _memory.Limit = _memory.Pages.Count;
        Assert.True(_space.Map(0x100_0000_0000, 0, 4096, PageSize.Size4K, Rw) < 0, "no memory for tables");
    }

    [Fact]
    public void RandomOperationsAgreeWithAPageModel()
    {
        // Virtual window of 4 GiB at 512 GiB; physical frames chosen so every page's frame is unique.
        const ulong Base = 0x80_0000_0000, Window = 4 * GiB;
        var model = new Dictionary<ulong, (ulong Frame, PageFlags Flags)>();
        var random = new Random(2026);
        PageFlags[] rights = [Rw, PageFlags.Writable, PageFlags.None, PageFlags.NoExecute, PageFlags.User | PageFlags.Writable];
        for (int step = 0; step < 400; step++)
        {
            int op = random.Next(3);
            PageSize size = random.Next(10) switch { 0 => PageSize.Size1G, < 4 => PageSize.Size2M, _ => PageSize.Size4K };
            ulong pageBytes = (ulong)size;
            ulong count = size == PageSize.Size1G ? 1 : (ulong)random.Next(1, 4);
            ulong virt = Base + (ulong)random.NextInt64(0, (long)(Window / pageBytes - count)) * pageBytes;
            ulong length = count * pageBytes;
            PageFlags flags = rights[random.Next(rights.Length)];
            if (op == 0)
            {
                bool free = true;
                for (ulong p = virt; p < virt + length && free; p += 4096) free = !model.ContainsKey(p);
                ulong phys = (virt - Base) + 0x1_0000_0000;
                int r = _space.Map(virt, phys, length, size, flags);
                if (free)
                {
                    Assert.Equal(0, r);
                    for (ulong p = virt; p < virt + length; p += 4096) model[p] = (phys + (p - virt), flags);
                }
                else
                {
                    Assert.True(r < 0, "mapping over a mapped page must fail");
                    // A failed map keeps what it mapped before the failure: resynchronise the model page by page.
                    for (ulong p = virt; p < virt + length; p += 4096)
                        if (!model.ContainsKey(p) && _space.Translate(p) is Translation t) model[p] = (t.Physical, t.Flags);
                }
            }
            else
            {
                ulong sub = (ulong)random.Next(1, 600) * 4096;
                ulong start = virt + (ulong)random.Next(0, 256) * 4096;
                if (op == 1)
                {
                    Assert.Equal(0, _space.Unmap(start, sub));
                    for (ulong p = start; p < start + sub; p += 4096) model.Remove(p);
                }
                else
                {
                    Assert.Equal(0, _space.Protect(start, sub, flags));
                    for (ulong p = start; p < start + sub; p += 4096)
                        if (model.TryGetValue(p, out var m)) model[p] = (m.Frame, flags);
                }
            }
            // Spot checks every step, full check of the touched neighbourhood every 50 steps.
            for (int k = 0; k < 64; k++)
            {
                ulong p = virt + (ulong)random.NextInt64(0, (long)Math.Min(length + 2 * MiB, Window - (virt - Base))) / 4096 * 4096;
                Check(model, p);
            }
        }
        foreach (ulong p in model.Keys) Check(model, p);
    }

    private void Check(Dictionary<ulong, (ulong Frame, PageFlags Flags)> model, ulong page)
    {
        Translation? t = _space.Translate(page + 0x123);
        if (model.TryGetValue(page, out var m))
        {
            Assert.True(t.HasValue, $"0x{page:x} should be mapped");
            Assert.Equal(m.Frame + 0x123, t.Value.Physical);
            Assert.Equal(m.Flags, t.Value.Flags);
        }
        else Assert.False(t.HasValue, $"0x{page:x} should not be mapped");
    }
}
