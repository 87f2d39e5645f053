using XairrosX.Drivers.Acpi;
using XairrosX.Drivers.Interrupts;
using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Timers;

/// <summary>Brings up APIC interrupt delivery and the timers, and says which <see cref="ITickTimer"/> to use.</summary>
public static class TickTimers
{
    /// <summary>The LAPIC timer when it calibrated, else the PIT; null when neither is available.</summary>
    public static ITickTimer Preferred => (ITickTimer)LapicTimer.Instance ?? PitTickTimer.Instance;

    /// <summary>Masks the PIC, enables the local APIC and the I/O APICs of <paramref name="madt"/>, sets up both
    /// timers (stopped) and enables interrupts. Needs a calibrated TSC. Returns a one-line summary.</summary>
    public static string Initialize(Madt madt)
    {
        if (!InterruptRouter.Initialize(madt)) return "irq: no local APIC; interrupts stay off";
        LapicTimer lapic = LapicTimer.Initialize();
        PitTickTimer pit = PitTickTimer.Initialize();
        Cpu.EnableInterrupts();
        int inputs = 0;
        foreach (IoApic a in InterruptRouter.IoApics) inputs += a.InputCount;
        return $"irq: local APIC {LocalApic.Id} at 0x{LocalApic.BaseAddress:X}, {InterruptRouter.IoApics.Count} I/O APIC ({inputs} inputs), "
            + $"timers: {lapic?.Name ?? "no lapic"} {(lapic == null ? 0 : LapicTimer.CountFrequency / 1_000_000.0):F1} MHz, {(pit == null ? "no pit" : $"pit on gsi {PitTickTimer.Gsi}")}";
    }
}
