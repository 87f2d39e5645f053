using XairrosX.Drivers.Console;
using XairrosX.Plugs.Threading;

namespace XairrosX.Kernel.Threading;

/// <summary>
/// What a thread reading the console does while no key has arrived: sleeps a millisecond in the scheduler
/// (the input devices are polled), so a shell waiting for input leaves the CPU to other threads or to the
/// idle thread's halt instead of spinning.
/// </summary>
public static unsafe class ConsoleWait
{
    /// <summary>Installs the wait as the console's idle hook.</summary>
    public static void Install() => KernelConsole.SetIdleHook(&WaitForInput);

    private static void WaitForInput() => Scheduler.Sleep(1_000_000);
}
