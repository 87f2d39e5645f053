using System.Runtime.InteropServices;
using XairrosX.Drivers.Diagnostics;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Timers;
using XairrosX.Plugs.Memory;
using XairrosX.Plugs.Threading;

namespace XairrosX.Plugs.Pal;

/// <summary>
/// Threading exports of the PAL over the kernel scheduler: SystemNative_LowLevelMonitor_* are
/// <see cref="KernelMonitor"/>s (mutex + condition variable; CoreLib's wait subsystem, Monitor, Lock, Sleep
/// and Join rest on them), SystemNative_CreateThread starts a kernel thread, SchedGetCpu is CPU 0.
/// Before the scheduler starts (early boot) there is one thread: a timed wait spins to its timeout and an
/// untimed one is a deadlock, reported as such.
/// </summary>
internal static unsafe class ThreadingPal
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Create")]
    private static KernelMonitor* Create()
    {
        var m = (KernelMonitor*)NativeHeap.Allocate((nuint)sizeof(KernelMonitor));
        if (m != null) *m = default;
        return m;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Destroy")]
    private static void Destroy(KernelMonitor* m) => NativeHeap.Free(m);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Acquire")]
    private static void Acquire(KernelMonitor* m) => m->Acquire();

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Release")]
    private static void Release(KernelMonitor* m) => m->Release();

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Signal_Release")]
    private static void SignalRelease(KernelMonitor* m) => m->SignalAndRelease();

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_Wait")]
    private static void Wait(KernelMonitor* m)
    {
        if (!Scheduler.Started) Panic.Fatal("deadlock", "wait without timeout before the scheduler runs");
        m->Wait(-1);
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LowLevelMonitor_TimedWait")]
    private static int TimedWait(KernelMonitor* m, int timeoutMilliseconds)
    {
        if (Scheduler.Started) return m->Wait(System.Math.Max(0, timeoutMilliseconds)) ? 1 : 0;
        ulong deadline = Tsc.NanosecondsSinceBoot() + (ulong)System.Math.Max(0, timeoutMilliseconds) * 1_000_000;
        while (Tsc.NanosecondsSinceBoot() < deadline) Cpu.Pause();
        return 0;
    }

    // int SystemNative_CreateThread(intptr_t stackSize, void* (*startAddress)(void*), void* parameter): 1 on success.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_CreateThread")]
    private static int CreateThread(nint stackSize, void* startAddress, void* parameter) =>
        ThreadFactory.Create((nint)startAddress, (nint)parameter, stackSize, priority: 2) != null ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SchedGetCpu")]
    private static int SchedGetCpu() => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetCpuUtilization")]
    private static int GetCpuUtilization(void* previous) => 0;
}
