using System.Runtime.InteropServices;

namespace XairrosX.Plugs.Memory;

/// <summary>
/// The allocation context the assembly fast paths (Native/alloc.asm: RhpNewFast, RhpNewArrayFast, …) bump
/// and the C# allocator refills. Lives in alloc.asm's data; the layout is the contract between the two —
/// keep in sync with the offsets listed at the top of alloc.asm.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct AllocationContext
{
    /// <summary>Next free byte of the current region.</summary>
    public byte* Cursor;
    /// <summary>Region end minus the free-block reserve: an object fits when Limit − Cursor ≥ its size.</summary>
    public byte* Limit;
    /// <summary>Start of the region's segment (for the object-start bit index).</summary>
    public byte* SegmentStart;
    /// <summary>The region's segment's object-start map.</summary>
    public ulong* StartMap;
    /// <summary>Bytes allocated since boot.</summary>
    public ulong AllocatedBytes;
    /// <summary>Objects allocated since boot.</summary>
    public ulong AllocationCount;
    /// <summary>Bytes allocated since the last collection.</summary>
    public ulong AllocatedSinceCollection;
    private ulong _reserved;

    [DllImport("*", EntryPoint = "xx_alloc_context_address"), SuppressGCTransition]
    private static extern AllocationContext* Address();

    private static AllocationContext* s_context;

    /// <summary>The one context (one kernel thread today).</summary>
    public static AllocationContext* Current => s_context != null ? s_context : (s_context = Address());
}
