using XairrosX.Drivers.Platform;

namespace XairrosX.Plugs.Threading;

/// <summary>
/// Short critical sections on this CPU: interrupts off, then back to what they were. The runtime's shared
/// structures (heap slow path, handle table, native heap, page allocator, scheduler queues) are touched only
/// inside one, so neither a timer-driven thread switch nor an interrupt handler can see them half-updated.
/// </summary>
public static class InterruptState
{
    private const ulong InterruptFlag = 1 << 9;

    /// <summary>Disables interrupts and returns the previous RFLAGS for <see cref="Restore"/>.</summary>
    public static ulong Disable()
    {
        ulong flags = Cpu.ReadFlags();
        Cpu.DisableInterrupts();
        return flags;
    }

    /// <summary>Re-enables interrupts if they were on when <see cref="Disable"/> returned these flags.</summary>
    public static void Restore(ulong flags)
    {
        if ((flags & InterruptFlag) != 0) Cpu.EnableInterrupts();
    }

    /// <summary>Whether interrupts are enabled now.</summary>
    public static bool Enabled => (Cpu.ReadFlags() & InterruptFlag) != 0;
}
