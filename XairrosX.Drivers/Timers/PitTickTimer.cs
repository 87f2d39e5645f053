using XairrosX.Drivers.Interrupts;

namespace XairrosX.Drivers.Timers;

/// <summary>
/// PIT channel 0 as an <see cref="ITickTimer"/>: mode 2 (rate generator) for periodic ticks, mode 0 for a
/// one-shot, IRQ 0 routed through the I/O APIC with the MADT's override (GSI 2 under QEMU). 1.193182 MHz input,
/// 16-bit divisor: periods from ~1 µs to ~54.9 ms.
/// </summary>
public sealed unsafe class PitTickTimer : TickTimerBase
{
    private static GsiRoute s_route;

    private PitTickTimer() { }

    /// <summary>The timer after <see cref="Initialize"/> (null before, or without I/O APIC routing).</summary>
    public static PitTickTimer Instance { get; private set; }

    /// <summary>The GSI the PIT's IRQ 0 arrives at.</summary>
    public static uint Gsi => s_route.Gsi;

    /// <summary>Allocates a vector and routes IRQ 0 (masked until started); null when the router is not up or no
    /// I/O APIC serves IRQ 0.</summary>
    public static PitTickTimer Initialize()
    {
        if (Instance != null) return Instance;
        if (!InterruptRouter.IsInitialized) return null;
        s_route = IsaIrqMapping.Resolve(0, InterruptRouter.Overrides);
        int vector = InterruptRouter.AllocateVector();
        if (vector < 0) return null;
        var timer = new PitTickTimer { Vector = vector };
        Instance = timer;
        InterruptRouter.Register(vector, &Dispatch, $"pit (isa irq 0 -> gsi {s_route.Gsi})");
        if (!InterruptRouter.RouteGsi(s_route.Gsi, vector, s_route.ActiveLow, s_route.LevelTriggered)) return Instance = null;
        InterruptRouter.MaskGsi(s_route.Gsi, true);
        return timer;
    }

    /// <inheritdoc/>
    public override string Name => "pit";
    /// <inheritdoc/>
    public override ulong FrequencyHz => Pit8254.Frequency;
    /// <inheritdoc/>
    public override (ulong Min, ulong Max) PeriodRangeNs => (1000, 65535UL * 1_000_000_000 / Pit8254.Frequency);

    /// <inheritdoc/>
    protected override void Program(ulong ns, bool periodic)
    {
        ulong count = ns * Pit8254.Frequency / 1_000_000_000;
        Pit8254.SetChannel0(periodic, (ushort)(count < 2 ? 2 : count));
        InterruptRouter.MaskGsi(s_route.Gsi, false);
    }

    /// <inheritdoc/>
    protected override void Disarm() => InterruptRouter.MaskGsi(s_route.Gsi, true);

    private static InterruptFrame* Dispatch(InterruptFrame* frame) => Instance.Deliver(frame);
}
