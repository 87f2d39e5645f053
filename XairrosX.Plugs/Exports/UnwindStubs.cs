using System.Runtime.InteropServices;
using XairrosX.Drivers.Diagnostics;

namespace XairrosX.Plugs.Exports;

/// <summary>
/// The stack-frame-iterator and funclet entry points of CoreLib's own exception dispatcher. XairrosX
/// dispatches exceptions itself (Exceptions/Dispatcher.cs) and never enters CoreLib's dispatcher, so
/// these are unreachable; reaching one is a runtime bug and is reported as such.
/// </summary>
internal static unsafe class UnwindStubs
{
    [UnmanagedCallersOnly(EntryPoint = "RhpSfiInit")]
    private static int SfiInit(void* iterator, void* context, int instructionFault, int* fIsExceptionIntercepted) { Panic.Fatal("unexpected call", "RhpSfiInit"); return 0; }

    [UnmanagedCallersOnly(EntryPoint = "RhpSfiNext")]
    private static int SfiNext(void* iterator, uint* uExCollideClauseIdx, int* fUnwoundReversePInvoke, int* fIsExceptionIntercepted) { Panic.Fatal("unexpected call", "RhpSfiNext"); return 0; }

    [UnmanagedCallersOnly(EntryPoint = "RhpEHEnumInitFromStackFrameIterator")]
    private static int EHEnumInit(void* iterator, void* methodInfo, void* ehEnum) { Panic.Fatal("unexpected call", "RhpEHEnumInitFromStackFrameIterator"); return 0; }

    [UnmanagedCallersOnly(EntryPoint = "RhpEHEnumNext")]
    private static int EHEnumNext(void* ehEnum, void* clause) { Panic.Fatal("unexpected call", "RhpEHEnumNext"); return 0; }

    [UnmanagedCallersOnly(EntryPoint = "RhpCallCatchFunclet")]
    private static void* CallCatchFunclet(nint exception, void* handler, void* regDisplay, void* exInfo) { Panic.Fatal("unexpected call", "RhpCallCatchFunclet"); return null; }

    [UnmanagedCallersOnly(EntryPoint = "RhpCallFilterFunclet")]
    private static int CallFilterFunclet(nint exception, void* filter, void* regDisplay) { Panic.Fatal("unexpected call", "RhpCallFilterFunclet"); return 0; }

    [UnmanagedCallersOnly(EntryPoint = "RhpCallFinallyFunclet")]
    private static void CallFinallyFunclet(void* handler, void* regDisplay) => Panic.Fatal("unexpected call", "RhpCallFinallyFunclet");

    [UnmanagedCallersOnly(EntryPoint = "RhpGetCurrentThreadStackTrace")]
    private static int GetCurrentThreadStackTrace(void* outputBuffer, uint length, void* addressInCurrentFrame) => 0;
}
