using XairrosX.Drivers.Diagnostics;
using XairrosX.Drivers.Platform;
using XairrosX.Plugs.Memory.Buddy;

namespace XairrosX.Plugs.Memory;

/// <summary>
/// Physical memory for the runtime before and after the managed heap exists: the kernel hands it the
/// usable RAM ranges from the boot memory map; it gives out page-aligned, zeroed blocks. Underneath is a
/// <see cref="BuddyAllocator"/> (its bitmaps carved from the first range at the first allocation); a request
/// is rounded up to 4 KiB and served from the block of the next power of two, whose unused tail goes straight
/// back to the buddy lists, so no more than the rounded size is used. Ranges above 4 GiB are ignored: the boot
/// page tables identity-map only the first 4 GiB. Calls run with interrupts off (they may come from
/// preemptible threads). Allocation-free and usable before module initialization (primitive statics only).
/// </summary>
public static unsafe class PageAllocator
{
    /// <summary>Size of a page.</summary>
    public const nuint PageSize = 4096;
    private const ulong IdentityMappedLimit = 4UL << 30;
    private static BuddyAllocator s_buddy;
    private static ulong s_highestAddress;

    /// <summary>Bytes of RAM handed to the allocator.</summary>
    public static ulong TotalBytes => s_buddy.TotalBytes;
    /// <summary>One past the highest usable address handed to the allocator.</summary>
    public static ulong HighestAddress => s_highestAddress;

    /// <summary>Bytes given out so far (the buddy's bitmaps included).</summary>
    public static ulong UsedBytes => s_buddy.IsSealed ? s_buddy.TotalBytes - s_buddy.FreeBytes : 0;

    /// <summary>The buddy allocator underneath, for statistics (`mem`).</summary>
    public static ref readonly BuddyAllocator Buddy => ref s_buddy;

    /// <summary>Adds a usable physical range (page-aligned inward, clipped at 4 GiB). Ranges added after the
    /// first allocation are ignored.</summary>
    public static void AddRange(ulong start, ulong end)
    {
        if (end > IdentityMappedLimit) end = IdentityMappedLimit;
        if (s_buddy.AddRange(start, end) && (end & ~(ulong)(PageSize - 1)) > s_highestAddress)
            s_highestAddress = end & ~(ulong)(PageSize - 1);
    }

    /// <summary>Allocates zeroed memory aligned to <paramref name="alignment"/> (a power of two ≥ 4096);
    /// returns null when RAM is exhausted.</summary>
    public static void* AllocatePages(nuint bytes, nuint alignment = PageSize)
    {
        bytes = (bytes + PageSize - 1) & ~(PageSize - 1);
        ulong flags = Cpu.ReadFlags();
        Cpu.DisableInterrupts();
        ulong block = s_buddy.AllocateExact(bytes, alignment);
        if ((flags & 0x200) != 0) Cpu.EnableInterrupts();
        if (block == 0) return null;
        for (nuint done = 0; done < bytes; done += 1u << 30) // InitBlock takes a 32-bit length
            System.Runtime.CompilerServices.Unsafe.InitBlockUnaligned((byte*)block + done, 0, (uint)(bytes - done > (1u << 30) ? 1u << 30 : bytes - done));
        return (void*)block;
    }

    /// <summary>Gives back <paramref name="bytes"/> (rounded up to 4 KiB) at <paramref name="address"/>, memory
    /// that <see cref="AllocatePages"/> returned (or a page-aligned part of it). Returns false when the range was
    /// not allocated (a double free) or is misaligned; nothing is freed then.</summary>
    public static bool FreePages(void* address, nuint bytes)
    {
        bytes = (bytes + PageSize - 1) & ~(PageSize - 1);
        ulong flags = Cpu.ReadFlags();
        Cpu.DisableInterrupts();
        bool freed = s_buddy.FreeRange((ulong)address, (ulong)address + bytes);
        if ((flags & 0x200) != 0) Cpu.EnableInterrupts();
        return freed;
    }

    /// <summary>Like <see cref="AllocatePages"/> but panics when memory is exhausted.</summary>
    public static void* AllocatePagesOrPanic(nuint bytes, nuint alignment = PageSize)
    {
        void* p = AllocatePages(bytes, alignment);
        if (p == null) Panic.Fatal("out of physical memory");
        return p;
    }
}
