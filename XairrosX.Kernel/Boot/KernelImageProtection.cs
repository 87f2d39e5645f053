using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory.Paging;

namespace XairrosX.Kernel.Boot;

/// <summary>
/// Maps the kernel image W^X once the page allocator can supply page tables: code read-only and executable, read-only
/// data (constants, unwind and EH tables) read-only and non-executable, writable data and bss non-executable.
/// boot.asm identity-maps everything read-write-executable with 2 MiB pages; the page-table manager splits the pages
/// the image shares with other memory. The rest of RAM stays as it was (the heaps are data, but mapped executable:
/// not yet restricted).
/// </summary>
public static unsafe class KernelImageProtection
{
    /// <summary>Section boundaries: text start, text end, read-only data start, writable data start, image end.</summary>
    public readonly record struct Sections(ulong TextStart, ulong TextEnd, ulong ReadOnlyStart, ulong DataStart, ulong ImageEnd);

    [DllImport("*", EntryPoint = "xx_kernel_sections"), SuppressGCTransition]
    private static extern void KernelSections(ulong* bounds);

    /// <summary>The image's section boundaries (from linker.ld).</summary>
    public static Sections Bounds
    {
        get
        {
            ulong* b = stackalloc ulong[5];
            KernelSections(b);
            return new Sections(b[0], b[1], b[2], b[3], b[4]);
        }
    }

    /// <summary>Applies the protections; returns the boot-log line (or why it could not).</summary>
    public static string Apply()
    {
        Sections s = Bounds;
        AddressSpace space = KernelPageTables.Current;
        ulong textEnd = (s.TextEnd + 4095) & ~4095UL;
        int r = space.Protect(s.TextStart, textEnd - s.TextStart, PageFlags.None);
        if (r == 0) r = space.Protect(s.ReadOnlyStart, s.DataStart - s.ReadOnlyStart, PageFlags.NoExecute);
        if (r == 0) r = space.Protect(s.DataStart, ((s.ImageEnd + 4095) & ~4095UL) - s.DataStart, PageFlags.Writable | PageFlags.NoExecute);
        KernelPageTables.Flush();
        if (r < 0) return $"memory: W^X for the kernel image failed (errno {-r}); the image stays read-write-executable";
        return $"memory: kernel image W^X — text 0x{s.TextStart:x}-0x{textEnd:x} r-x, rodata 0x{s.ReadOnlyStart:x}-0x{s.DataStart:x} r--, data 0x{s.DataStart:x}-0x{s.ImageEnd:x} rw-";
    }
}
