using System;

namespace XairrosX.Plugs.Memory.Paging;

/// <summary>Access rights of a mapping (the x86-64 page-table bits the manager lets callers choose).</summary>
[Flags]
public enum PageFlags : ulong
{
    /// <summary>Read-only, kernel-only, executable.</summary>
    None = 0,
    /// <summary>Writes allowed (R/W, bit 1).</summary>
    Writable = 1UL << 1,
    /// <summary>Ring 3 may access (U/S, bit 2).</summary>
    User = 1UL << 2,
    /// <summary>Caching disabled (PCD, bit 4): device memory.</summary>
    NoCache = 1UL << 4,
    /// <summary>Survives CR3 reloads (G, bit 8).</summary>
    Global = 1UL << 8,
    /// <summary>Instruction fetches fault (XD, bit 63; EFER.NXE is on).</summary>
    NoExecute = 1UL << 63,
}

/// <summary>The three page sizes of 4-level paging.</summary>
public enum PageSize : ulong
{
    /// <summary>4 KiB (a page-table entry).</summary>
    Size4K = 1UL << 12,
    /// <summary>2 MiB (a large page-directory entry).</summary>
    Size2M = 1UL << 21,
    /// <summary>1 GiB (a large PDPT entry; needs CPUID Pages1G).</summary>
    Size1G = 1UL << 30,
}

/// <summary>What a virtual address maps to.</summary>
/// <param name="Physical">Physical address (the page's base plus the offset).</param>
/// <param name="Flags">Its access rights.</param>
/// <param name="Size">Size of the page that maps it.</param>
public readonly record struct Translation(ulong Physical, PageFlags Flags, PageSize Size);

/// <summary>Physical memory as the page-table manager sees it: table pages reachable by pointer, and fresh zeroed ones.</summary>
public unsafe interface IPageTableMemory
{
    /// <summary>A pointer through which the 4 KiB table at <paramref name="physical"/> can be read and written.</summary>
    ulong* Table(ulong physical);

    /// <summary>A zeroed, 4 KiB-aligned page for a new table; its physical address, or 0 when memory is exhausted.</summary>
    ulong AllocateTable();
}
