using XairrosX.Drivers.Platform;

namespace XairrosX.Plugs.Memory.Paging;

/// <summary>
/// The kernel's live page tables as an <see cref="AddressSpace"/>: tables are reached through the identity map (they
/// all lie below 4 GiB) and new ones come from the page allocator. <see cref="Flush"/> reloads CR3.
/// </summary>
public sealed unsafe class KernelPageTables : IPageTableMemory
{
    private const ulong AddressMask = 0x000F_FFFF_FFFF_F000;

    /// <summary>The single instance.</summary>
    public static readonly KernelPageTables Instance = new();

    /// <summary>The address space of CR3.</summary>
    public static AddressSpace Current => new(Instance, Cpu.ReadCr3() & AddressMask);

    /// <summary>Drops stale TLB entries after edits (every non-global one).</summary>
    public static void Flush() => Cpu.WriteCr3(Cpu.ReadCr3());

    /// <inheritdoc/>
    public ulong* Table(ulong physical) => (ulong*)physical;

    /// <inheritdoc/>
    public ulong AllocateTable() => (ulong)PageAllocator.AllocatePages(4096); // zeroed by the allocator
}
