using System;
using XairrosX.Plugs.Pal;

namespace XairrosX.Plugs.Memory.Paging;

/// <summary>
/// A 4-level x86-64 address space (PML4 → PDPT → PD → PT): map, unmap, protect and translate with 4 KiB, 2 MiB and
/// 1 GiB pages. Unmapping or protecting part of a large page splits it into the next smaller size first, keeping the
/// rest of its mapping. Operations return 0 or a negative errno (EINVAL misaligned or empty, EEXIST already mapped,
/// ENOMEM no page for a table); a failed map leaves what it mapped before the failure in place. Plain C# over
/// <see cref="IPageTableMemory"/>: the kernel hands it the live tables (identity map), the host tests a simulated
/// memory. The caller invalidates TLB entries (<see cref="Changed"/> reports whether any entry changed).
/// </summary>
public sealed unsafe class AddressSpace
{
    private const ulong Present = 1, LargePage = 1UL << 7;
    private const ulong AddressMask = 0x000F_FFFF_FFFF_F000;
    private const ulong FlagMask = (ulong)(PageFlags.Writable | PageFlags.User | PageFlags.NoCache | PageFlags.Global | PageFlags.NoExecute);
    private const ulong CanonicalLimit = 1UL << 47;

    private readonly IPageTableMemory _memory;

    /// <summary>An address space whose PML4 is at <paramref name="root"/>.</summary>
    public AddressSpace(IPageTableMemory memory, ulong root)
    {
        _memory = memory;
        Root = root;
    }

    /// <summary>Physical address of the PML4 (the value for CR3).</summary>
    public ulong Root { get; }

    /// <summary>Set when an operation changed or removed a present entry (the TLB may hold it).</summary>
    public bool Changed { get; set; }

    /// <summary>Maps [virt, virt+length) to [phys, …) with pages of <paramref name="size"/>.</summary>
    public int Map(ulong virt, ulong phys, ulong length, PageSize size, PageFlags flags)
    {
        ulong step = (ulong)size;
        if (length == 0 || ((virt | phys | length) & (step - 1)) != 0 || !InRange(virt, length)) return -Errno.EINVAL;
        for (ulong offset = 0; offset < length; offset += step)
        {
            int r = MapOne(virt + offset, phys + offset, size, flags);
            if (r < 0) return r;
        }
        return 0;
    }

    /// <summary>Removes every mapping in [virt, virt+length) (4 KiB aligned); unmapped parts are skipped.</summary>
    public int Unmap(ulong virt, ulong length) => Edit(virt, length, static (ref ulong entry, PageFlags _) => entry = 0, default);

    /// <summary>Sets the access rights of every mapped page in [virt, virt+length) (4 KiB aligned).</summary>
    public int Protect(ulong virt, ulong length, PageFlags flags) =>
        Edit(virt, length, static (ref ulong entry, PageFlags f) => entry = (entry & ~FlagMask) | (ulong)f | Present, flags);

    /// <summary>The mapping of <paramref name="virt"/>, or null when it is not mapped.</summary>
    public Translation? Translate(ulong virt)
    {
        if (virt >= CanonicalLimit) return null;
        ulong* table = _memory.Table(Root);
        for (int level = 3; level >= 0; level--)
        {
            ulong entry = table[Index(virt, level)];
            if ((entry & Present) == 0) return null;
            if (level == 0 || (entry & LargePage) != 0)
            {
                ulong pageSize = 1UL << (12 + 9 * level);
                ulong frameMask = AddressMask & ~(pageSize - 1);
                return new Translation((entry & frameMask) + (virt & (pageSize - 1)), (PageFlags)(entry & FlagMask), (PageSize)pageSize);
            }
            table = _memory.Table(entry & AddressMask);
        }
        return null;
    }

    private delegate void EntryEdit(ref ulong entry, PageFlags flags);

    // Applies an edit to every present leaf in the range, splitting large pages that the range covers only in part.
    private int Edit(ulong virt, ulong length, EntryEdit edit, PageFlags flags)
    {
        if (length == 0 || ((virt | length) & 0xFFF) != 0 || !InRange(virt, length)) return -Errno.EINVAL;
        ulong end = virt + length;
        ulong address = virt;
        while (address < end)
        {
            ulong* table = _memory.Table(Root);
            int level = 3;
            while (true)
            {
                ref ulong entry = ref table[Index(address, level)];
                ulong span = 1UL << (12 + 9 * level);
                ulong next = (address & ~(span - 1)) + span;
                if ((entry & Present) == 0)
                {
                    address = next;
                    break;
                }
                bool leaf = level == 0 || (entry & LargePage) != 0;
                if (leaf && (address & (span - 1)) == 0 && next <= end)
                {
                    edit(ref entry, flags);
                    Changed = true;
                    address = next;
                    break;
                }
                if (leaf)
                {
                    int r = Split(ref entry, level);
                    if (r < 0) return r;
                }
                table = _memory.Table(entry & AddressMask);
                level--;
            }
        }
        return 0;
    }

    private int MapOne(ulong virt, ulong phys, PageSize size, PageFlags flags)
    {
        int leafLevel = size switch { PageSize.Size1G => 2, PageSize.Size2M => 1, _ => 0 };
        ulong* table = _memory.Table(Root);
        for (int level = 3; level > leafLevel; level--)
        {
            ref ulong entry = ref table[Index(virt, level)];
            if ((entry & Present) == 0)
            {
                ulong fresh = _memory.AllocateTable();
                if (fresh == 0) return -Errno.ENOMEM;
                // Intermediate entries grant everything; the leaf decides (the CPU ANDs rights down the walk).
                entry = fresh | Present | (ulong)(PageFlags.Writable | PageFlags.User);
            }
            else if ((entry & LargePage) != 0) return -Errno.EEXIST;
            table = _memory.Table(entry & AddressMask);
        }
        ref ulong leaf = ref table[Index(virt, leafLevel)];
        // A table left empty by earlier unmaps may give way to a large page (the empty table page is not reused).
        if ((leaf & Present) != 0 && (leafLevel == 0 || (leaf & LargePage) != 0 || !IsEmpty(leaf & AddressMask))) return -Errno.EEXIST;
        leaf = phys | Present | (ulong)flags | (leafLevel > 0 ? LargePage : 0);
        return 0;
    }

    // Replaces a large page by a table of 512 pages of the next smaller size with the same frames and rights.
    private int Split(ref ulong entry, int level)
    {
        ulong fresh = _memory.AllocateTable();
        if (fresh == 0) return -Errno.ENOMEM;
        ulong* table = _memory.Table(fresh);
        ulong childSize = 1UL << (12 + 9 * (level - 1));
        ulong frame = entry & AddressMask & ~((childSize << 9) - 1);
        ulong rights = entry & FlagMask;
        for (ulong i = 0; i < 512; i++)
            table[i] = (frame + i * childSize) | Present | rights | (level - 1 > 0 ? LargePage : 0);
        entry = fresh | Present | (ulong)(PageFlags.Writable | PageFlags.User);
        Changed = true;
        return 0;
    }

    private bool IsEmpty(ulong tablePhysical)
    {
        ulong* table = _memory.Table(tablePhysical);
        for (int i = 0; i < 512; i++) if ((table[i] & Present) != 0) return false;
        return true;
    }

    private static int Index(ulong virt, int level) => (int)((virt >> (12 + 9 * level)) & 511);

    private static bool InRange(ulong virt, ulong length) => virt < CanonicalLimit && length <= CanonicalLimit - virt;
}
