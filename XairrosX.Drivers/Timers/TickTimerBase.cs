using XairrosX.Drivers.Interrupts;
using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Timers;

/// <summary>
/// What every <see cref="ITickTimer"/> shares: range checks, arming with interrupts off, the running/one-shot
/// state and the delivery of an interrupt to the client's handler. A hardware timer supplies
/// <see cref="Program"/>, <see cref="Disarm"/> and, for periodic modes that need it, <see cref="Rearm"/>.
/// </summary>
public abstract unsafe class TickTimerBase : ITickTimer
{
    private delegate*<InterruptFrame*, InterruptFrame*> _handler;
    private volatile bool _running;
    private bool _periodic;
    private ulong _fired;

    /// <inheritdoc/>
    public abstract string Name { get; }
    /// <inheritdoc/>
    public abstract ulong FrequencyHz { get; }
    /// <inheritdoc/>
    public abstract (ulong Min, ulong Max) PeriodRangeNs { get; }
    /// <inheritdoc/>
    public int Vector { get; protected set; }
    /// <inheritdoc/>
    public ulong Fired => _fired;
    /// <inheritdoc/>
    public bool IsRunning => _running;

    /// <inheritdoc/>
    public bool Start(ulong periodNs, delegate*<InterruptFrame*, InterruptFrame*> handler) => Arm(periodNs, handler, periodic: true);

    /// <inheritdoc/>
    public bool StartOneShot(ulong delayNs, delegate*<InterruptFrame*, InterruptFrame*> handler) => Arm(delayNs, handler, periodic: false);

    /// <inheritdoc/>
    public void Stop()
    {
        _running = false;
        Disarm();
    }

    /// <summary>Starts the hardware: an interrupt after <paramref name="ns"/>, then every <paramref name="ns"/> when
    /// <paramref name="periodic"/>. Called with interrupts off and the timer disarmed.</summary>
    protected abstract void Program(ulong ns, bool periodic);

    /// <summary>Stops the hardware.</summary>
    protected abstract void Disarm();

    /// <summary>After a periodic tick: sets up the next one when the hardware does not repeat by itself.</summary>
    protected virtual void Rearm() { }

    /// <summary>Counts the interrupt and hands it to the client's handler (interrupt context).</summary>
    protected InterruptFrame* Deliver(InterruptFrame* frame)
    {
        _fired++;
        if (!_running) return frame; // a late interrupt after Stop
        if (_periodic) Rearm();
        else Stop();
        return _handler != null ? _handler(frame) : frame;
    }

    private bool Arm(ulong ns, delegate*<InterruptFrame*, InterruptFrame*> handler, bool periodic)
    {
        var (min, max) = PeriodRangeNs;
        if (ns < min || ns > max) return false;
        ulong flags = Cpu.ReadFlags();
        Cpu.DisableInterrupts();
        Stop();
        _handler = handler;
        _periodic = periodic;
        _running = true;
        Program(ns, periodic);
        if ((flags & 0x200) != 0) Cpu.EnableInterrupts();
        return true;
    }
}
