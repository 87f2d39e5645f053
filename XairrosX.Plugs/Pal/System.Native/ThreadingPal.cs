using System.Runtime.InteropServices;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Timers;
using XairrosX.Plugs.Memory;

namespace XairrosX.Plugs.Pal;

/// <summary>
/// Threading exports of the PAL. With one kernel thread, a monitor can never be contended and a wait can
/// only time out (it waits the full time): SystemNative_LowLevelMonitor_* keep a count for diagnostics; Wait
/// without timeout would deadlock and is reported instead. SystemNative_CreateThread fails (Thread.Start throws) until
/// the scheduler of the managed-runtime work exists. Also SchedGetCpu and GetCpuUtilization.
/// </summary>
internal static unsafe class ThreadingPal
{
    private struct Monitor { public long Acquisitions; }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Create")]
    private static Monitor* Create() => (Monitor*)NativeHeap.Allocate((nuint)sizeof(Monitor));

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Destroy")]
    private static void Destroy(Monitor* m) => NativeHeap.Free(m);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Acquire")]
    private static void Acquire(Monitor* m) => m->Acquisitions++;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Release")]
    private static void Release(Monitor* m) { }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Signal_Release")]
    private static void SignalRelease(Monitor* m) { }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Wait")]
    private static void Wait(Monitor* m) => XairrosX.Drivers.Diagnostics.Panic.Fatal("deadlock", "wait without timeout on the only thread");

    // With one thread nothing can signal the monitor, so a timed wait always runs to its timeout (this is
    // what Thread.Sleep and timed waits rest on); the time is measured on the TSC.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_TimedWait")]
    private static int TimedWait(Monitor* m, int timeoutMilliseconds)
    {
        ulong deadline = Tsc.NanosecondsSinceBoot() + (ulong)System.Math.Max(0, timeoutMilliseconds) * 1_000_000;
        while (Tsc.NanosecondsSinceBoot() < deadline) Cpu.Pause();
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_CreateThread")]
    private static int CreateThread(nint stackSize, void* startAddress, void* parameter) => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SchedGetCpu")]
    private static int SchedGetCpu() => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetCpuUtilization")]
    private static int GetCpuUtilization(void* previous) => 0;
}
