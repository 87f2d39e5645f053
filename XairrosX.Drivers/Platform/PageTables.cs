namespace XairrosX.Drivers.Platform;

/// <summary>
/// The boot page tables (built by Boot/boot.asm: identity map of 4 GiB, 2 MiB pages, 4 KiB pages in the
/// first 2 MiB) and the edits the kernel needs before a page-table manager exists: unmapping a single
/// 4 KiB page — splitting its 2 MiB page into a page table first — to make guard pages, and identity-mapping
/// device memory that lies above 4 GiB (a framebuffer) with 2 MiB pages.
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

    /// <summary>
    /// Identity-maps [<paramref name="start"/>, <paramref name="end"/>) with writable 2 MiB pages where nothing
    /// is mapped yet (existing entries are left alone); <paramref name="allocateTable"/> supplies zeroed 4 KiB
    /// pages for missing tables. Returns false when a range overlaps a table this walk cannot descend (a 1 GiB page).
    /// </summary>
    public static bool MapIdentityLarge(ulong start, ulong end, delegate*<nuint, void*> allocateTable)
    {
        ulong* pml4 = (ulong*)(Cpu.ReadCr3() & AddressMask);
        for (ulong address = start & ~0x1F_FFFFUL; address < end; address += 0x20_0000)
        {
            ulong* pdpt = NextOrNew(pml4, (address >> 39) & 511, allocateTable);
            ulong* pd = pdpt == null ? null : NextOrNew(pdpt, (address >> 30) & 511, allocateTable);
            if (pd == null) return false;
            ref ulong pde = ref pd[(address >> 21) & 511];
            if ((pde & Present) == 0) pde = address | Present | Writable | LargePage;
        }
        return true;
    }

    private static ulong* NextOrNew(ulong* table, ulong index, delegate*<nuint, void*> allocateTable)
    {
        ulong entry = table[index];
        if ((entry & Present) == 0)
        {
            var fresh = (ulong*)allocateTable(4096);
            for (int i = 0; i < 512; i++) fresh[i] = 0;
            table[index] = (ulong)fresh | Present | Writable;
            return fresh;
        }
        return (entry & LargePage) != 0 ? null : (ulong*)(entry & AddressMask);
    }

    private static ulong* Next(ulong* table, ulong index)
    {
        ulong entry = table[index];
        return (entry & Present) == 0 || (entry & LargePage) != 0 ? null : (ulong*)(entry & AddressMask);
    }
}
