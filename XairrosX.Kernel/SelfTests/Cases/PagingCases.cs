using System;
using System.Collections.Generic;
using XairrosX.Kernel.Boot;
using XairrosX.Plugs.Exceptions;
using XairrosX.Plugs.Memory;
using XairrosX.Plugs.Memory.Paging;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>
/// The page-table manager on the live tables: map, translate, access and unmap with 4 KiB, 2 MiB and 1 GiB pages at
/// addresses above the boot identity map, and a write to a page made read-only raising a page fault that the kernel
/// reports (as an AccessViolationException inside a fault probe) instead of corrupting memory.
/// </summary>
internal static unsafe class PagingCases
{
    private const ulong Window = 0x40_0000_0000; // 256 GiB: nothing is mapped there at boot
    private const ulong MiB = 1UL << 20, GiB = 1UL << 30;

    public static IEnumerable<SelfTestCase> All() =>
    [
        new("paging.map_unmap_4k", t =>
        {
            byte* frames = (byte*)PageAllocator.AllocatePages(8192);
            AddressSpace space = KernelPageTables.Current;
            t.Equal(0, space.Map(Window, (ulong)frames, 8192, PageSize.Size4K, PageFlags.Writable | PageFlags.NoExecute), "map two 4 KiB pages");
            KernelPageTables.Flush();
            t.True(space.Translate(Window + 4100) is { Size: PageSize.Size4K } tr && tr.Physical == (ulong)frames + 4100, "translate");
            *(ulong*)(Window + 4096 + 8) = 0xFEEDFACE_CAFEF00D;
            t.Equal(0xFEEDFACE_CAFEF00DUL, *(ulong*)(frames + 4096 + 8), "a write through the new mapping lands in the frame");
            t.Equal(0, space.Unmap(Window, 8192), "unmap");
            KernelPageTables.Flush();
            t.True(space.Translate(Window) == null, "unmapped");
            t.True(Faults(Window, write: false, out string message) && message.Contains("not-present, read"), $"a read of the unmapped page faults: {message}");
            PageAllocator.FreePages(frames, 8192);
        }),
        new("paging.map_unmap_2m", t =>
        {
            byte* frame = (byte*)PageAllocator.AllocatePages((nuint)(2 * MiB), (nuint)(2 * MiB));
            t.True(frame != null, "a 2 MiB frame");
            if (frame == null) return;
            AddressSpace space = KernelPageTables.Current;
            ulong va = Window + 2 * GiB;
            t.Equal(0, space.Map(va, (ulong)frame, 2 * MiB, PageSize.Size2M, PageFlags.Writable | PageFlags.NoExecute), "map a 2 MiB page");
            KernelPageTables.Flush();
            *(int*)(va + MiB + 12) = 1234567;
            t.Equal(1234567, *(int*)(frame + MiB + 12), "write through the 2 MiB page");
            t.True(space.Translate(va + 5) is { Size: PageSize.Size2M }, "translated as a 2 MiB page");
            t.Equal(0, space.Unmap(va, 2 * MiB), "unmap");
            KernelPageTables.Flush();
            t.True(space.Translate(va) == null, "unmapped");
            PageAllocator.FreePages(frame, (nuint)(2 * MiB));
        }),
        new("paging.map_unmap_1g", t =>
        {
            // A read-only 1 GiB window onto the first GiB of physical memory: it must show what the identity map shows.
            AddressSpace space = KernelPageTables.Current;
            ulong va = Window + 4 * GiB;
            t.Equal(0, space.Map(va, 0, GiB, PageSize.Size1G, PageFlags.NoExecute), "map a 1 GiB page");
            KernelPageTables.Flush();
            ulong* probe = stackalloc ulong[1];
            *probe = 0x0123_4567_89AB_CDEF;
            t.Equal(*probe, *(ulong*)(va + (ulong)probe), "the 1 GiB alias reads the same bytes as the identity map");
            t.True(space.Translate(va + 77) is { Size: PageSize.Size1G, Physical: 77 }, "translated as a 1 GiB page");
            t.Equal(0, space.Unmap(va, GiB), "unmap");
            KernelPageTables.Flush();
            t.True(space.Translate(va) == null, "unmapped");
        }),
        new("paging.protect_readonly_faults", t =>
        {
            byte* frame = (byte*)PageAllocator.AllocatePages(4096);
            AddressSpace space = KernelPageTables.Current;
            ulong va = Window + 8 * GiB;
            t.Equal(0, space.Map(va, (ulong)frame, 4096, PageSize.Size4K, PageFlags.Writable | PageFlags.NoExecute), "map");
            KernelPageTables.Flush();
            *(int*)va = 42;
            t.Equal(0, space.Protect(va, 4096, PageFlags.NoExecute), "make it read-only");
            KernelPageTables.Flush();
            t.Equal(42, *(int*)va, "still readable");
            t.True(Faults(va, write: true, out string message) && message.Contains("protection, write"), $"a write raises #PF, reported: {message}");
            t.Equal(42, *(int*)frame, "the frame is unchanged");
            space.Unmap(va, 4096);
            KernelPageTables.Flush();
            PageAllocator.FreePages(frame, 4096);
        }),
        new("paging.kernel_image_wx", t =>
        {
            KernelImageProtection.Sections s = KernelImageProtection.Bounds;
            AddressSpace space = KernelPageTables.Current;
            t.True(space.Translate(s.TextStart) is { } text && (text.Flags & (PageFlags.Writable | PageFlags.NoExecute)) == 0, "text is read-only and executable");
            t.True(space.Translate(s.ReadOnlyStart) is { } ro && ro.Flags == PageFlags.NoExecute, "read-only data is read-only and not executable");
            t.True(space.Translate(s.DataStart) is { } data && data.Flags == (PageFlags.Writable | PageFlags.NoExecute), "data is writable and not executable");
            t.True(Faults(s.TextStart + 64, write: true, out string m1) && m1.Contains("protection, write"), $"a write into the kernel's code faults: {m1}");
            // Jump into a non-executable data page holding a `ret`.
            byte* code = (byte*)PageAllocator.AllocatePages(4096);
            ulong va = Window + 12 * GiB;
            space.Map(va, (ulong)code, 4096, PageSize.Size4K, PageFlags.Writable | PageFlags.NoExecute);
            KernelPageTables.Flush();
            *(byte*)va = 0xC3;
            HardwareFaults.BeginFaultProbe(va, va + 4096);
            string m2 = "no fault";
            try { ((delegate* unmanaged<void>)va)(); }
            catch (AccessViolationException e) { m2 = e.Message; }
            finally { HardwareFaults.EndFaultProbe(); }
            t.True(m2.Contains("instruction fetch"), $"executing from a non-executable page faults: {m2}");
            space.Unmap(va, 4096);
            KernelPageTables.Flush();
            PageAllocator.FreePages(code, 4096);
        }),
    ];

    // Touches an address inside a fault probe: true with the report when it faulted.
    private static bool Faults(ulong address, bool write, out string message)
    {
        HardwareFaults.BeginFaultProbe(address, address + 4096);
        try
        {
            if (write) Write(address); else Read(address);
            message = "no fault";
            return false;
        }
        catch (AccessViolationException e)
        {
            message = e.Message;
            return true;
        }
        finally
        {
            HardwareFaults.EndFaultProbe();
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Write(ulong address) => System.Threading.Volatile.Write(ref *(int*)address, 7);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static int Read(ulong address) => System.Threading.Volatile.Read(ref *(int*)address);
}
