using System;
using XairrosX.Drivers.Interrupts;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Timers;
using XairrosX.Plugs.Threading;

namespace XairrosX.Kernel.Threading;

/// <summary>
/// The scheduler's tick at <see cref="FrequencyHz"/>: the preferred <see cref="ITickTimer"/> (the LAPIC timer, else
/// the PIT through the I/O APIC) when the APICs are up, else the PIT on IRQ 0 of the legacy PIC. The interrupt is
/// acknowledged before the handler runs (the router does it for ITickTimers; the PIC path does it itself), because
/// <see cref="Scheduler.OnTimerTick"/> may switch to another thread from inside the handler.
/// Code that needs the scheduler's timer for itself (timer self-tests, <c>bench irq</c>) borrows it with
/// <see cref="Borrow"/>: the tick stops until the loan ends.
/// </summary>
public static unsafe class PreemptionTimer
{
    /// <summary>Ticks per second.</summary>
    public const int FrequencyHz = 1000;
    private const ulong PeriodNs = 1_000_000_000 / FrequencyHz;
    private const ushort PicCommand = 0x20, PicData = 0x21;

    private static ITickTimer s_timer;

    /// <summary>Whether the tick runs.</summary>
    public static bool Running { get; private set; }

    /// <summary>What drives the tick ("lapic", "pit", "pit (8259)").</summary>
    public static string Source { get; private set; } = "none";

    /// <summary>Starts the tick on the best timer available and enables interrupts.</summary>
    public static void Start()
    {
        if (Running) return;
        s_timer = TickTimers.Preferred;
        if (s_timer != null && s_timer.Start(PeriodNs, &OnTimerInterrupt)) Source = s_timer.Name;
        else
        {
            s_timer = null;
            StartLegacyPit();
            Source = "pit (8259)";
        }
        Running = true;
        Cpu.EnableInterrupts(); // the boot thread runs with interrupts on from here: it can be preempted
    }

    /// <summary>
    /// Lends the scheduler's timer to <paramref name="timer"/>'s user when it is the same device: the tick stops now
    /// and restarts when the returned loan is disposed. A different timer needs no loan (the result does nothing).
    /// </summary>
    public static TimerLoan Borrow(ITickTimer timer)
    {
        if (timer == null || timer != s_timer || !Running) return default;
        s_timer.Stop();
        return new TimerLoan(active: true);
    }

    /// <summary>A borrowed scheduler timer; disposing it restarts the tick.</summary>
    public readonly struct TimerLoan : IDisposable
    {
        private readonly bool _active;

        internal TimerLoan(bool active) => _active = active;

        /// <summary>Gives the timer back to the scheduler.</summary>
        public void Dispose()
        {
            if (_active) s_timer.Start(PeriodNs, &OnTimerInterrupt);
        }
    }

    private static InterruptFrame* OnTimerInterrupt(InterruptFrame* frame)
    {
        Scheduler.OnTimerTick(frame->Rip);
        return frame;
    }

    // Without APICs: PIT channel 0 as a rate generator through the remapped 8259.
    private static void StartLegacyPit()
    {
        ushort divisor = (ushort)((Pit8254.Frequency + FrequencyHz / 2) / FrequencyHz);
        ulong flags = InterruptState.Disable();
        Idt.SetHandler(Pic8259.VectorBase, &OnPicTick);
        Pit8254.SetChannel0(periodic: true, divisor);
        Ports.Out8(PicData, (byte)(Ports.In8(PicData) & ~1)); // unmask IRQ 0
        InterruptState.Restore(flags);
    }

    private static void OnPicTick(InterruptFrame* frame)
    {
        Ports.Out8(PicCommand, 0x20); // non-specific EOI, before a possible switch
        Scheduler.OnTimerTick(frame->Rip);
    }
}
