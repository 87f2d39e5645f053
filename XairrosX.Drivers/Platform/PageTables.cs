namespace XairrosX.Drivers.Platform;

/// <summary>
/// The boot page tables (built by Boot/boot.asm: identity map of 4 GiB, 2 MiB pages, 4 KiB pages in the
/// first 2 MiB) and the one edit the kernel needs before a page-table manager exists: unmapping a single
/// 4 KiB page — splitting its 2 MiB page into a page table first — to make guard pages.
/// </summary>
public static unsafe class PageTables
{
    private const ulong Present = 1, Writable = 2, LargePage = 0x80, AddressMask = 0x000F_FFFF_FFFF_F000;

    /// <summary>Unmaps the 4 KiB page at <paramref name="address"/>; <paramref name="allocateTable"/> supplies a
    /// zeroed, 4 KiB-aligned page for the split. Returns false when the address is not mapped.</summary>
    public static bool UnmapPage(ulong address, delegate*<nuint, void*> allocateTable)
    {
        ulong* pml4 = (ulong*)(Cpu.ReadCr3() & AddressMask);
        ulong* pdpt = Next(pml4, (address >> 39) & 511);
        if (pdpt == null) return false;
        ulong* pd = Next(pdpt, (address >> 30) & 511);
        if (pd == null) return false;
        ulong pdIndex = (address >> 21) & 511;
        ulong pde = pd[pdIndex];
        if ((pde & Present) == 0) return false;
        if ((pde & LargePage) != 0)
        {
            var table = (ulong*)allocateTable(4096);
            ulong baseAddress = pde & 0x000F_FFFF_FFE0_0000;
            ulong flags = pde & 0xFFF & ~LargePage;
            for (ulong i = 0; i < 512; i++) table[i] = (baseAddress + i * 4096) | flags;
            pd[pdIndex] = (ulong)table | Present | Writable;
        }
        ulong* pt = (ulong*)(pd[pdIndex] & AddressMask);
        pt[(address >> 12) & 511] = 0;
        Cpu.InvalidatePage(address);
        return true;
    }

    private static ulong* Next(ulong* table, ulong index)
    {
        ulong entry = table[index];
        return (entry & Present) == 0 || (entry & LargePage) != 0 ? null : (ulong*)(entry & AddressMask);
    }
}
