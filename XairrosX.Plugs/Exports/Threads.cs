using System.Runtime.InteropServices;
using XairrosX.Drivers.Platform;

namespace XairrosX.Plugs.Exports;

/// <summary>
/// Thread and process facts CoreLib asks the runtime for: RhCurrentOSThreadId, RhGetThreadStaticStorage,
/// RhGetDefaultStackSize, RhSetThreadExitCallback, RhSetCurrentThreadName, RhGetThreadEntryPointAddress,
/// RhSpinWait, RhYield, RhGetProcessCpuCount, RhGetKnobValues, RhCreateCrashDumpIfEnabled,
/// RhGetCrashInfoBuffer, RhpGetThreadAbortException, RhGetRuntimeVersion, RhGetCurrentThreadStackBounds.
/// One kernel thread for now: the scheduler (managed-runtime work) makes these per thread.
/// </summary>
internal static unsafe class Threads
{
    // The per-thread root of [ThreadStatic] storage (an object[][] reference, kept here so the collector
    // can find it as a root).
    private static nint s_threadStaticStorage;

    /// <summary>Address of the boot thread's thread-static root slot (a GC root).</summary>
    internal static nint* ThreadStaticRoot { get { fixed (nint* p = &s_threadStaticStorage) return p; } }

    [UnmanagedCallersOnly(EntryPoint = "RhCurrentOSThreadId")]
    private static ulong CurrentOSThreadId() => 1;

    [UnmanagedCallersOnly(EntryPoint = "RhGetThreadStaticStorage")]
    private static nint* GetThreadStaticStorage() => ThreadStaticRoot;

    [UnmanagedCallersOnly(EntryPoint = "RhGetDefaultStackSize")]
    private static nint DefaultStackSize() => 256 * 1024;

    [UnmanagedCallersOnly(EntryPoint = "RhSetThreadExitCallback")]
    private static void SetThreadExitCallback(void* callback) { }

    [UnmanagedCallersOnly(EntryPoint = "RhSetCurrentThreadName")]
    private static void SetCurrentThreadName(char* name) { }

    [UnmanagedCallersOnly(EntryPoint = "RhGetThreadEntryPointAddress")]
    private static void* ThreadEntryPointAddress() => null;

    [UnmanagedCallersOnly(EntryPoint = "RhSpinWait")]
    private static void SpinWait(int iterations)
    {
        for (int i = 0; i < iterations; i++) Cpu.Pause();
    }

    [UnmanagedCallersOnly(EntryPoint = "RhYield")]
    private static int Yield() => 0;

    [UnmanagedCallersOnly(EntryPoint = "RhGetProcessCpuCount")]
    private static int ProcessCpuCount() => 1;

    [UnmanagedCallersOnly(EntryPoint = "RhGetKnobValues")]
    private static uint KnobValues(byte*** keys, byte*** values)
    {
        *keys = null;
        *values = null;
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "RhCreateCrashDumpIfEnabled")]
    private static void CreateCrashDumpIfEnabled(nint exceptionRecord, nint exceptionContext) { }

    [UnmanagedCallersOnly(EntryPoint = "RhGetCrashInfoBuffer")]
    private static void* CrashInfoBuffer(int* size)
    {
        *size = 0;
        return null;
    }

    [DllImport("*", EntryPoint = "xx_kernel_stack_bounds"), SuppressGCTransition]
    private static extern void KernelStackBounds(nint* low, nint* high);

    [UnmanagedCallersOnly(EntryPoint = "RhGetCurrentThreadStackBounds")]
    private static void CurrentThreadStackBounds(nint* low, nint* high) => KernelStackBounds(low, high);

    // A null version string: CoreLib then reports the version it was built with.
    [UnmanagedCallersOnly(EntryPoint = "RhGetRuntimeVersion")]
    private static void* RuntimeVersion(int* length)
    {
        *length = 0;
        return null;
    }

    [UnmanagedCallersOnly(EntryPoint = "RhpGetThreadAbortException")]
    private static nint ThreadAbortException() => 0;
}
