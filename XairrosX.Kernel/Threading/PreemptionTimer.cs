using XairrosX.Drivers.Interrupts;
using XairrosX.Drivers.Platform;
using XairrosX.Plugs.Threading;

namespace XairrosX.Kernel.Threading;

/// <summary>
/// The scheduler's tick: the 8254 PIT's channel 0 as a rate generator at <see cref="FrequencyHz"/>, through
/// IRQ 0 of the (remapped) legacy PIC. The handler acknowledges the interrupt first — the scheduler may switch
/// to another thread from inside it, and that thread must not find the PIC still waiting for an EOI — then
/// hands the interrupted instruction pointer to <see cref="Scheduler.OnTimerTick"/>.
/// The timer sits behind this one type so that the LAPIC timer can replace it.
/// </summary>
public static unsafe class PreemptionTimer
{
    /// <summary>Ticks per second.</summary>
    public const int FrequencyHz = 1000;
    private const uint PitInputHz = 1_193_182;
    private const ushort PitChannel0 = 0x40, PitCommand = 0x43, PicCommand = 0x20, PicData = 0x21;

    /// <summary>Whether the tick runs.</summary>
    public static bool Running { get; private set; }

    /// <summary>Programs the PIT, routes IRQ 0 to the scheduler, unmasks it and enables interrupts.</summary>
    public static void Start()
    {
        if (Running) return;
        ushort divisor = (ushort)((PitInputHz + FrequencyHz / 2) / FrequencyHz);
        ulong flags = InterruptState.Disable();
        Idt.SetHandler(Pic8259.VectorBase, &OnTick);
        Ports.Out8(PitCommand, 0x34);                 // channel 0, lobyte/hibyte, mode 2 (rate generator)
        Ports.Out8(PitChannel0, (byte)divisor);
        Ports.Out8(PitChannel0, (byte)(divisor >> 8));
        Ports.Out8(PicData, (byte)(Ports.In8(PicData) & ~1)); // unmask IRQ 0
        Running = true;
        InterruptState.Restore(flags);
        Cpu.EnableInterrupts(); // the boot thread runs with interrupts on from here: it can be preempted
    }

    private static void OnTick(InterruptFrame* frame)
    {
        Ports.Out8(PicCommand, 0x20); // non-specific EOI
        Scheduler.OnTimerTick(frame->Rip);
    }
}
