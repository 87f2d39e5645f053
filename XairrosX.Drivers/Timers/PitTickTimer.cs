using XairrosX.Drivers.Interrupts;
using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Timers;

/// <summary>
/// PIT channel 0 as an <see cref="ITickTimer"/>: mode 2 (rate generator) for periodic ticks, mode 0 for a
/// one-shot, IRQ 0 routed through the I/O APIC with the MADT's override (GSI 2 under QEMU). 1.193182 MHz input,
/// 16-bit divisor: periods from ~1 µs to ~54.9 ms.
/// </summary>
public sealed unsafe class PitTickTimer : ITickTimer
{
    private static int s_vector;
    private static GsiRoute s_route;
    private static bool s_periodic, s_running;
    private static delegate*<InterruptFrame*, InterruptFrame*> s_handler;
    private static ulong s_fired;

    private PitTickTimer() { }

    /// <summary>The timer after <see cref="Initialize"/> (null before, or without I/O APIC routing).</summary>
    public static PitTickTimer Instance { get; private set; }

    /// <summary>Allocates a vector and resolves IRQ 0's route; null when the router is not up or no I/O APIC
    /// serves IRQ 0.</summary>
    public static PitTickTimer Initialize()
    {
        if (Instance != null) return Instance;
        if (!InterruptRouter.IsInitialized) return null;
        s_route = IsaIrqMapping.Resolve(0, InterruptRouter.Overrides);
        int vector = InterruptRouter.AllocateVector();
        if (vector < 0) return null;
        s_vector = vector;
        InterruptRouter.Register(vector, &Dispatch, $"pit (isa irq 0 -> gsi {s_route.Gsi})");
        if (!InterruptRouter.RouteGsi(s_route.Gsi, vector, s_route.ActiveLow, s_route.LevelTriggered)) return null;
        InterruptRouter.MaskGsi(s_route.Gsi, true);
        return Instance = new PitTickTimer();
    }

    /// <summary>The GSI the PIT's IRQ 0 arrives at.</summary>
    public static uint Gsi => s_route.Gsi;

    /// <inheritdoc/>
    public string Name => "pit";
    /// <inheritdoc/>
    public ulong FrequencyHz => Pit8254.Frequency;
    /// <inheritdoc/>
    public (ulong Min, ulong Max) PeriodRangeNs => (1000, 65535UL * 1_000_000_000 / Pit8254.Frequency);
    /// <inheritdoc/>
    public int Vector => s_vector;
    /// <inheritdoc/>
    public ulong Fired => s_fired;
    /// <inheritdoc/>
    public bool IsRunning => s_running;

    /// <inheritdoc/>
    public bool Start(ulong periodNs, delegate*<InterruptFrame*, InterruptFrame*> handler) => Arm(periodNs, handler, periodic: true);

    /// <inheritdoc/>
    public bool StartOneShot(ulong delayNs, delegate*<InterruptFrame*, InterruptFrame*> handler) => Arm(delayNs, handler, periodic: false);

    /// <inheritdoc/>
    public void Stop()
    {
        s_running = false;
        InterruptRouter.MaskGsi(s_route.Gsi, true);
    }

    private bool Arm(ulong ns, delegate*<InterruptFrame*, InterruptFrame*> handler, bool periodic)
    {
        var (min, max) = PeriodRangeNs;
        if (ns < min || ns > max) return false;
        ulong count = ns * Pit8254.Frequency / 1_000_000_000;
        ulong flags = Cpu.ReadFlags();
        Cpu.DisableInterrupts();
        Stop();
        s_handler = handler;
        s_periodic = periodic;
        s_running = true;
        Pit8254.SetChannel0(periodic, (ushort)(count < 2 ? 2 : count));
        InterruptRouter.MaskGsi(s_route.Gsi, false);
        if ((flags & 0x200) != 0) Cpu.EnableInterrupts();
        return true;
    }

    private static InterruptFrame* Dispatch(InterruptFrame* frame)
    {
        s_fired++;
        if (!s_running) return frame;
        if (!s_periodic) { s_running = false; InterruptRouter.MaskGsi(s_route.Gsi, true); }
        return s_handler != null ? s_handler(frame) : frame;
    }
}
