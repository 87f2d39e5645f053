using XairrosX.Drivers.Interrupts;
using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Timers;

/// <summary>
/// The local APIC timer as an <see cref="ITickTimer"/>. Calibrated against PIT channel 2 (count-down ticks over
/// 10 ms at divide-by-16). In TSC-deadline mode (when CPUID.1:ECX[24] says the CPU has it) an interval is a TSC
/// value written to IA32_TSC_DEADLINE, and periodic ticks are re-armed from the handler at exact multiples of the
/// period; otherwise the APIC's own one-shot and periodic count-down modes are used.
/// </summary>
public sealed unsafe class LapicTimer : TickTimerBase
{
    private const uint TscDeadlineMsr = 0x6E0;
    private const uint ModeOneShot = 0, ModePeriodic = 1, ModeTscDeadline = 2, DivideBy16 = 0x3;
    private static ulong s_countFrequency;
    private static bool s_deadlineMode;
    private static ulong s_periodTsc, s_expectedTsc, s_entryTsc, s_lastLatency;

    private LapicTimer() { }

    /// <summary>The timer after <see cref="Initialize"/> (null before, or without a local APIC).</summary>
    public static LapicTimer Instance { get; private set; }
    /// <summary>True when the CPU has the TSC-deadline mode.</summary>
    public static bool TscDeadlineAvailable => (Cpu.Cpuid(1).Ecx & (1u << 24)) != 0;
    /// <summary>Count-down frequency of the APIC timer at divide-by-16, in Hz (from the calibration).</summary>
    public static ulong CountFrequency => s_countFrequency;
    /// <summary>TSC ticks from the expected expiry to the handler's entry, for the last interrupt (0 when early). In
    /// count-down mode the expiry is estimated from the arming time and the calibration.</summary>
    public static ulong LastLatencyTsc => s_lastLatency;

    /// <summary>Allocates the vector, calibrates, and picks TSC-deadline mode when available and
    /// <paramref name="preferTscDeadline"/>. Needs the router and a calibrated TSC. Null without a local APIC.</summary>
    public static LapicTimer Initialize(bool preferTscDeadline = true)
    {
        if (Instance != null) return Instance;
        if (!LocalApic.IsEnabled || Tsc.Frequency == 0) return null;
        int vector = InterruptRouter.AllocateVector();
        if (vector < 0) return null;
        LocalApic.SetTimer((byte)vector, ModeOneShot, masked: true);
        LocalApic.SetTimerDivide(DivideBy16);
        LocalApic.SetTimerInitialCount(uint.MaxValue);
        Pit8254.StartChannel2((ushort)(Pit8254.Frequency / 100)); // 10 ms
        uint start = LocalApic.TimerCurrentCount;
        Pit8254.WaitChannel2();
        uint end = LocalApic.TimerCurrentCount;
        LocalApic.SetTimerInitialCount(0);
        s_countFrequency = (ulong)(start - end) * 100;
        if (s_countFrequency == 0) return null;
        s_deadlineMode = preferTscDeadline && TscDeadlineAvailable;
        Instance = new LapicTimer { Vector = vector };
        InterruptRouter.Register(vector, &Dispatch, "lapic timer");
        return Instance;
    }

    /// <inheritdoc/>
    public override string Name => s_deadlineMode ? "lapic tsc-deadline" : "lapic count-down";
    /// <inheritdoc/>
    public override ulong FrequencyHz => s_deadlineMode ? Tsc.Frequency : s_countFrequency;
    /// <inheritdoc/>
    public override (ulong Min, ulong Max) PeriodRangeNs =>
        (1000, s_deadlineMode ? 60_000_000_000UL : (ulong)uint.MaxValue * 1_000_000_000UL / s_countFrequency);

    /// <inheritdoc/>
    protected override void Program(ulong ns, bool periodic)
    {
        s_periodTsc = (ulong)((System.UInt128)ns * Tsc.Frequency / 1_000_000_000);
        if (s_deadlineMode)
        {
            LocalApic.SetTimer((byte)Vector, ModeTscDeadline, masked: false);
            s_expectedTsc = Cpu.ReadTsc() + s_periodTsc;
            Cpu.WriteMsr(TscDeadlineMsr, s_expectedTsc);
            return;
        }
        ulong count = (ulong)((System.UInt128)ns * s_countFrequency / 1_000_000_000);
        LocalApic.SetTimerDivide(DivideBy16);
        LocalApic.SetTimer((byte)Vector, periodic ? ModePeriodic : ModeOneShot, masked: false);
        s_expectedTsc = Cpu.ReadTsc() + s_periodTsc;
        LocalApic.SetTimerInitialCount(count == 0 ? 1 : (uint)count);
    }

    /// <inheritdoc/>
    protected override void Disarm()
    {
        LocalApic.SetTimer((byte)Vector, s_deadlineMode ? ModeTscDeadline : ModeOneShot, masked: true);
        if (s_deadlineMode) Cpu.WriteMsr(TscDeadlineMsr, 0);
        else LocalApic.SetTimerInitialCount(0);
    }

    /// <inheritdoc/>
    protected override void Rearm()
    {
        s_expectedTsc += s_periodTsc;
        if (!s_deadlineMode) return; // the periodic count-down repeats by itself
        if (s_expectedTsc <= s_entryTsc) s_expectedTsc = s_entryTsc + s_periodTsc; // missed ticks are dropped, not stormed
        Cpu.WriteMsr(TscDeadlineMsr, s_expectedTsc);
    }

    private static InterruptFrame* Dispatch(InterruptFrame* frame)
    {
        s_entryTsc = Cpu.ReadTsc();
        s_lastLatency = s_entryTsc > s_expectedTsc ? s_entryTsc - s_expectedTsc : 0;
        return Instance.Deliver(frame);
    }
}
