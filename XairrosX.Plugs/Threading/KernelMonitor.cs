using XairrosX.Drivers.Timers;

namespace XairrosX.Plugs.Threading;

/// <summary>
/// A mutex with a condition variable — the PAL's LowLevelMonitor (pthread_mutex_t + pthread_cond_t), on which
/// CoreLib builds every blocking primitive: Monitor and Lock contention, WaitHandle waits, Thread.Sleep and
/// Join, SemaphoreSlim and ManualResetEventSlim once they stop spinning. Waiters block in the scheduler and
/// use no CPU. Ownership is not handed over on release: the woken thread competes again (like pthreads).
/// </summary>
internal unsafe struct KernelMonitor
{
    private KernelThread* _owner;
    private WaitQueue _lockWaiters;
    private WaitQueue _conditionWaiters;

    /// <summary>Acquisitions (for diagnostics).</summary>
    public long Acquisitions;

    /// <summary>Takes the mutex, blocking while another thread holds it.</summary>
    public void Acquire()
    {
        ulong flags = InterruptState.Disable();
        AcquireLocked();
        InterruptState.Restore(flags);
    }

    /// <summary>Releases the mutex (the caller must hold it).</summary>
    public void Release()
    {
        ulong flags = InterruptState.Disable();
        ReleaseLocked();
        InterruptState.Restore(flags);
        Scheduler.PreemptIfPending();
    }

    /// <summary>Wakes one condition waiter, then releases the mutex.</summary>
    public void SignalAndRelease()
    {
        ulong flags = InterruptState.Disable();
        fixed (WaitQueue* q = &_conditionWaiters) Scheduler.WakeOne(q);
        ReleaseLocked();
        InterruptState.Restore(flags);
        Scheduler.PreemptIfPending();
    }

    /// <summary>
    /// Releases the mutex, waits for a signal (or until <paramref name="timeoutMilliseconds"/> passes, when it
    /// is not negative), then takes the mutex again. Returns false on timeout.
    /// </summary>
    public bool Wait(int timeoutMilliseconds)
    {
        ulong flags = InterruptState.Disable();
        ReleaseLocked();
        ulong deadline = timeoutMilliseconds < 0 ? 0 : Tsc.NanosecondsSinceBoot() + (ulong)timeoutMilliseconds * 1_000_000 + 1;
        bool signaled;
        fixed (WaitQueue* q = &_conditionWaiters) signaled = Scheduler.Block(q, deadline);
        AcquireLocked();
        InterruptState.Restore(flags);
        return signaled;
    }

    private void AcquireLocked()
    {
        KernelThread* self = Scheduler.Current;
        while (_owner != null && _owner != self)
        {
            fixed (WaitQueue* q = &_lockWaiters) Scheduler.Block(q, 0);
        }
        _owner = self;
        Acquisitions++;
    }

    private void ReleaseLocked()
    {
        _owner = null;
        fixed (WaitQueue* q = &_lockWaiters) Scheduler.WakeOne(q);
    }
}
