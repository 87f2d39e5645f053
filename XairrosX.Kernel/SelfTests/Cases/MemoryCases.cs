using System.Collections.Generic;
using XairrosX.Plugs.Memory;
using XairrosX.Plugs.Memory.Buddy;
using XairrosX.Plugs.Memory.Slab;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>Physical memory: the buddy allocator under PageAllocator (rounding, alignment, freeing, double free)
/// and the slab allocator over a private buddy in kernel memory.</summary>
internal static unsafe class MemoryCases
{
    public static IEnumerable<SelfTestCase> All() =>
    [
        new("memory.buddy_page_allocator", t =>
        {
            ulong used = PageAllocator.UsedBytes;
            byte* p = (byte*)PageAllocator.AllocatePages(3 * 4096 + 1);
            t.True(p != null && ((ulong)p & 4095) == 0, "page-aligned block");
            t.Equal(used + 4 * 4096, PageAllocator.UsedBytes, "rounded to 4 pages, the rest of the 8-page block given back");
            t.True(p[4 * 4096 - 1] == 0, "zeroed");
            t.True(PageAllocator.FreePages(p, 4 * 4096), "freed");
            t.True(!PageAllocator.FreePages(p, 4 * 4096), "double free refused");
            t.Equal(used, PageAllocator.UsedBytes, "all given back");
            byte* big = (byte*)PageAllocator.AllocatePages(2 << 20, 2 << 20);
            t.True(big != null && ((ulong)big & ((2 << 20) - 1)) == 0, "2 MiB-aligned 2 MiB block");
            t.True(PageAllocator.FreePages(big, 2 << 20), "2 MiB freed");
            t.True(PageAllocator.Buddy.Validate() == null, "buddy invariants: " + PageAllocator.Buddy.Validate());
        }),
        new("memory.slab_over_buddy", t =>
        {
            const int RangeBytes = 1 << 20, Objects = 500;
            byte* range = (byte*)PageAllocator.AllocatePages(RangeBytes);
            var state = (byte*)PageAllocator.AllocatePages((nuint)(sizeof(BuddyAllocator) + sizeof(SlabAllocator)));
            var buddy = (BuddyAllocator*)state;
            var slabs = (SlabAllocator*)(state + sizeof(BuddyAllocator));
            t.True(buddy->AddRange((ulong)range, (ulong)range + RangeBytes) && buddy->Seal(), "private buddy over 1 MiB");
            ulong free = buddy->FreeBytes;
            slabs->Initialize(buddy);
            var objects = stackalloc ulong[Objects];
            for (int i = 0; i < Objects; i++) { objects[i] = (ulong)slabs->Allocate(64); *(int*)objects[i] = i; }
            bool intact = true;
            for (int i = 0; i < Objects; i++) intact &= *(int*)objects[i] == i;
            t.True(intact, "500 objects of 64 B, none overlapping");
            for (int i = 0; i < Objects; i++) t.True(slabs->Free((void*)objects[i], 64), "freed");
            slabs->Shrink();
            t.True(slabs->Validate() == null && buddy->Validate() == null, "invariants hold");
            t.Equal(free, buddy->FreeBytes, "every slab went back to the buddy");
            PageAllocator.FreePages(state, (nuint)(sizeof(BuddyAllocator) + sizeof(SlabAllocator)));
            PageAllocator.FreePages(range, RangeBytes);
        }),
    ];
}
