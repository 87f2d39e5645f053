using System.Runtime.InteropServices;
using XairrosX.Drivers.Diagnostics;
using XairrosX.Drivers.Interrupts;
using XairrosX.Drivers.Platform;
using XairrosX.Plugs.Exports;

namespace XairrosX.Plugs.Exceptions;

/// <summary>
/// Turns CPU faults in managed code into managed exceptions, as the CLR does: #DE → DivideByZeroException,
/// a page fault in the first 64 KiB (a null dereference plus field offset) or #GP from a non-canonical
/// address → NullReferenceException. Faults elsewhere (kernel bugs, bad pointers) are panics.
/// </summary>
public static unsafe class HardwareFaults
{
    // ExceptionIDs of CoreLib's GetRuntimeException (classlib function 0).
    private const int DivideByZeroId = 4, NullReferenceId = 8;

    [DllImport("*", EntryPoint = "xx_managed_code_range"), SuppressGCTransition]
    private static extern void ManagedCodeRange(ulong* start, ulong* end);

    [DllImport("*", EntryPoint = "xx_interface_dispatch_fault_addresses"), SuppressGCTransition]
    private static extern void InterfaceDispatchFaultAddresses(ulong* initial, ulong* cached);

    private static ulong s_probeLow, s_probeHigh;

    /// <summary>
    /// Expects page faults on [<paramref name="low"/>, <paramref name="high"/>) (a self-test checking page protection):
    /// until <see cref="EndFaultProbe"/>, such a fault in managed code raises an AccessViolationException describing
    /// it instead of a panic. Everywhere else a wild access stays fatal.
    /// </summary>
    public static void BeginFaultProbe(ulong low, ulong high)
    {
        s_probeLow = low;
        s_probeHigh = high;
    }

    /// <summary>Ends <see cref="BeginFaultProbe"/>.</summary>
    public static void EndFaultProbe() => s_probeLow = s_probeHigh = 0;

    /// <summary>The CPU-exception handler to install in the IDT.</summary>
    public static void Handle(InterruptFrame* f)
    {
        ulong start, end, dispatchInitial, dispatchCached;
        ManagedCodeRange(&start, &end);
        InterfaceDispatchFaultAddresses(&dispatchInitial, &dispatchCached);
        // An interface call on a null receiver faults in the dispatch stub, which has pushed nothing yet:
        // the exception is raised at the call site (the stub's return address).
        bool inDispatchStub = (f->Rip == dispatchInitial || f->Rip == dispatchCached) && f->Vector is 13 or 14;
        int id = 0;
        if (inDispatchStub) id = NullReferenceId;
        else if (f->Rip >= start && f->Rip < end)
        {
            if (f->Vector == 0) id = DivideByZeroId;
            else if (f->Vector == 14 && Cpu.ReadCr2() < 0x10000) id = NullReferenceId;
            else if (f->Vector == 13) id = NullReferenceId;
        }
        ulong faultAddress = f->Vector == 14 ? Cpu.ReadCr2() : 0;
        // An instruction fetch from a probed non-executable page faults at the target itself: like a null receiver in
        // the dispatch stub, the exception is raised at the call that jumped there (its return address is on top).
        bool fetch = f->Vector == 14 && (f->ErrorCode & 16) != 0 && f->Rip == faultAddress;
        bool probed = f->Vector == 14 && id == 0 && faultAddress >= s_probeLow && faultAddress < s_probeHigh && (fetch || (f->Rip >= start && f->Rip < end));
        var getRuntimeException = (delegate*<int, object>)ModuleInit.ClasslibFunction(0);
        if (!probed && (id == 0 || getRuntimeException == null))
        {
            Panic.CpuException(f);
            return;
        }
        // The exception belongs to the faulting code, not to the interrupt gate that cleared IF: the dispatch never
        // returns through iretq, so the faulting context's interrupt flag is restored here.
        if ((f->Rflags & 0x200) != 0) Cpu.EnableInterrupts();
        ulong e = f->ErrorCode;
        object exception = probed
            ? new System.AccessViolationException($"page fault at 0x{faultAddress:x}: {((e & 1) != 0 ? "protection" : "not-present")}, {((e & 2) != 0 ? "write" : "read")}{((e & 16) != 0 ? ", instruction fetch" : "")}")
            : getRuntimeException(id);
        var context = new MachineContext
        {
            Rip = f->Rip, Rsp = f->Rsp, Rbp = f->Rbp, Rbx = f->Rbx,
            R12 = f->R12, R13 = f->R13, R14 = f->R14, R15 = f->R15,
        };
        bool atCaller = inDispatchStub || (probed && fetch);
        if (atCaller)
        {
            context.Rip = *(ulong*)f->Rsp;
            context.Rsp = f->Rsp + 8;
        }
        Dispatcher.DispatchHardwareFault(System.Runtime.CompilerServices.Unsafe.As<object, nint>(ref exception), context, atReturnAddress: atCaller);
    }
}
