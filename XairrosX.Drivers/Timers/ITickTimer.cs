using XairrosX.Drivers.Interrupts;

namespace XairrosX.Drivers.Timers;

/// <summary>
/// A timer interrupt source for preemption ticks and timeouts (<see cref="LapicTimer"/>, <see cref="PitTickTimer"/>;
/// <see cref="TickTimers.Preferred"/> picks one). One client at a time: starting replaces the previous handler.
/// <para>
/// The handler runs in interrupt context with interrupts off, on the interrupted stack; it must not allocate,
/// block or throw. It gets the interrupted context's frame and returns the frame to resume — the same pointer
/// to go on, or another thread's saved frame to switch (see <see cref="InterruptStack"/>). The EOI is sent after
/// it returns.
/// </para>
/// </summary>
public unsafe interface ITickTimer
{
    /// <summary>Short name and mode ("lapic tsc-deadline", "pit").</summary>
    string Name { get; }
    /// <summary>Frequency of the counter that times the intervals (its resolution), in Hz.</summary>
    ulong FrequencyHz { get; }
    /// <summary>Shortest and longest periods the hardware can do, in nanoseconds.</summary>
    (ulong Min, ulong Max) PeriodRangeNs { get; }
    /// <summary>The interrupt vector.</summary>
    int Vector { get; }
    /// <summary>Interrupts delivered since boot.</summary>
    ulong Fired { get; }
    /// <summary>True while armed (a one-shot timer disarms when it fires).</summary>
    bool IsRunning { get; }
    /// <summary>Calls <paramref name="handler"/> every <paramref name="periodNs"/>; false when the period is out of range.</summary>
    bool Start(ulong periodNs, delegate*<InterruptFrame*, InterruptFrame*> handler);
    /// <summary>Calls <paramref name="handler"/> once, after <paramref name="delayNs"/>; false when out of range.</summary>
    bool StartOneShot(ulong delayNs, delegate*<InterruptFrame*, InterruptFrame*> handler);
    /// <summary>Disarms the timer (a pending interrupt may still arrive once).</summary>
    void Stop();
}
