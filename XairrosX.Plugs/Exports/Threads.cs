using System.Runtime.InteropServices;
using XairrosX.Drivers.Platform;
using XairrosX.Plugs.Threading;

namespace XairrosX.Plugs.Exports;

/// <summary>
/// Thread and process facts CoreLib asks the runtime for: RhCurrentOSThreadId, RhGetThreadStaticStorage,
/// RhGetDefaultStackSize, RhSetThreadExitCallback, RhSetCurrentThreadName, RhGetThreadEntryPointAddress,
/// RhSpinWait, RhYield, RhGetProcessCpuCount, RhGetKnobValues, RhCreateCrashDumpIfEnabled,
/// RhGetCrashInfoBuffer, RhpGetThreadAbortException, RhGetRuntimeVersion, RhGetCurrentThreadStackBounds.
/// Per-thread answers come from the scheduler's current thread (Threading/).
/// </summary>
internal static unsafe class Threads
{
    [UnmanagedCallersOnly(EntryPoint = "RhCurrentOSThreadId")]
    private static ulong CurrentOSThreadId() => (ulong)Scheduler.Current->Id;

    // The thread's [ThreadStatic] root slot (CoreLib keeps an object[][] there; the collector marks it).
    [UnmanagedCallersOnly(EntryPoint = "RhGetThreadStaticStorage")]
    private static nint* GetThreadStaticStorage() => &Scheduler.Current->ThreadStaticRoot;

    [UnmanagedCallersOnly(EntryPoint = "RhGetDefaultStackSize")]
    private static nint DefaultStackSize() => ThreadFactory.DefaultStackBytes;

    [UnmanagedCallersOnly(EntryPoint = "RhSetThreadExitCallback")]
    private static void SetThreadExitCallback(void* callback) => ThreadExit.Callback = (delegate* unmanaged<void>)callback;

    // The name arrives as NUL-terminated UTF-8; the control block keeps ASCII (other bytes become '?').
    [UnmanagedCallersOnly(EntryPoint = "RhSetCurrentThreadName")]
    private static void SetCurrentThreadName(byte* utf8Name)
    {
        if (utf8Name == null) return;
        System.Span<char> name = stackalloc char[KernelThread.NameCapacity - 1];
        int length = 0;
        for (; length < name.Length && utf8Name[length] != 0; length++) name[length] = utf8Name[length] < 0x80 ? (char)utf8Name[length] : '?';
        Scheduler.Current->SetName(name.Slice(0, length));
    }

    [UnmanagedCallersOnly(EntryPoint = "RhGetThreadEntryPointAddress")]
    private static void* ThreadEntryPointAddress() => CoreLibThreadEntryPoint();

    [DllImport("*", EntryPoint = "xx_corelib_thread_entry_point"), SuppressGCTransition]
    private static extern void* CoreLibThreadEntryPoint();

    [UnmanagedCallersOnly(EntryPoint = "RhSpinWait")]
    private static void SpinWait(int iterations)
    {
        for (int i = 0; i < iterations; i++) Cpu.Pause();
    }

    [UnmanagedCallersOnly(EntryPoint = "RhYield")]
    private static int Yield()
    {
        ulong before = Scheduler.Switches;
        Scheduler.Yield();
        return Scheduler.Switches != before ? 1 : 0;
    }

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

    [UnmanagedCallersOnly(EntryPoint = "RhGetCurrentThreadStackBounds")]
    private static void CurrentThreadStackBounds(nint* low, nint* high)
    {
        KernelThread* t = Scheduler.Current;
        if (t->StackHigh == 0) { BootStackBounds(low, high); return; }
        *low = t->StackLow;
        *high = t->StackHigh;
    }

    [DllImport("*", EntryPoint = "xx_kernel_stack_bounds"), SuppressGCTransition]
    private static extern void BootStackBounds(nint* low, nint* high);

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
