namespace XairrosX.Plugs.Threading;

/// <summary>
/// The end of a kernel thread: CoreLib's thread-exit callback (Thread.OnThreadExit, which releases the wait
/// subsystem's hold and signals Join), then the scheduler takes the thread off the CPU for good.
/// </summary>
internal static unsafe class ThreadExit
{
    /// <summary>CoreLib's callback (RhSetThreadExitCallback); null until the first Thread object exists.</summary>
    public static delegate* unmanaged<void> Callback;

    /// <summary>Ends the current thread; never returns.</summary>
    public static void Run()
    {
        delegate* unmanaged<void> callback = Callback;
        if (callback != null) callback();
        Scheduler.ExitCurrent();
    }
}
