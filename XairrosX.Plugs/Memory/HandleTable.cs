using XairrosX.Drivers.Diagnostics;

namespace XairrosX.Plugs.Memory;

/// <summary>
/// GC handles: each handle is the address of a slot whose first word is the target object (CoreLib reads
/// targets straight through the handle). Slots also keep the dependent secondary and the handle type, so
/// that a collector can treat normal/pinned handles as roots and weak/dependent ones by their rules.
/// Fixed capacity, free list, allocation-free.
/// </summary>
public static unsafe class HandleTable
{
    /// <summary>One handle slot.</summary>
    public struct Slot
    {
        /// <summary>The handle's target (first word: CoreLib dereferences handles directly).</summary>
        public nint Target;
        /// <summary>Secondary object of a dependent handle.</summary>
        public nint Secondary;
        /// <summary>GCHandleType, or -1 when the slot is free.</summary>
        public nint Type;
        /// <summary>Next free slot while free.</summary>
        public Slot* NextFree;
    }

    /// <summary>Number of handle slots.</summary>
    public const int Capacity = 65536;
    private static Slot* s_slots;
    private static Slot* s_free;
    private static int s_inUse;
    private static int s_highWater;

    /// <summary>Handles currently allocated.</summary>
    public static int InUse => s_inUse;

    /// <summary>One past the highest slot ever handed out: the collector scans [0, HighWater).</summary>
    public static int HighWater => s_highWater;

    /// <summary>First slot (for a collector's root scan) and the slot count.</summary>
    public static Slot* Slots => s_slots;

    private static void EnsureInitialized()
    {
        if (s_slots != null) return;
        s_slots = (Slot*)PageAllocator.AllocatePagesOrPanic((nuint)(Capacity * sizeof(Slot)));
        for (int i = Capacity - 1; i >= 0; i--)
        {
            s_slots[i].Type = -1;
            s_slots[i].NextFree = s_free;
            s_free = &s_slots[i];
        }
    }

    /// <summary>Allocates a handle of a type for a target (and dependent secondary).</summary>
    public static Slot* Allocate(nint target, nint secondary, int type)
    {
        ulong flags = Threading.InterruptState.Disable();
        EnsureInitialized();
        Slot* s = s_free;
        if (s == null) { Panic.Fatal("GC handle table full"); return null; }
        s_free = s->NextFree;
        Threading.InterruptState.Restore(flags);
        s->Target = target;
        s->Secondary = secondary;
        s->Type = type;
        s->NextFree = null;
        s_inUse++;
        int index = (int)(s - s_slots);
        if (index >= s_highWater) s_highWater = index + 1;
        return s;
    }

    /// <summary>Frees a handle.</summary>
    public static void Free(Slot* s)
    {
        if (s == null || s->Type == -1) return;
        ulong flags = Threading.InterruptState.Disable();
        FreeLocked(s);
        Threading.InterruptState.Restore(flags);
    }

    private static void FreeLocked(Slot* s)
    {
        s->Target = 0;
        s->Secondary = 0;
        s->Type = -1;
        s->NextFree = s_free;
        s_free = s;
        s_inUse--;
    }
}
