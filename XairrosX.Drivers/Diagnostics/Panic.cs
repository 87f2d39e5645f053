using System;
using XairrosX.Drivers.Console;
using XairrosX.Drivers.Interrupts;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Power;

namespace XairrosX.Drivers.Diagnostics;

/// <summary>
/// The last word of the kernel: prints a report on the serial line and the screen, then stops the
/// machine (and, under QEMU with isa-debug-exit, ends the VM with a non-zero status so that scripts and
/// tests see it). Allocation-free and reentrancy-guarded: a fault inside the report halts at once.
/// </summary>
public static unsafe class Panic
{
    private static int s_depth;
    private static ulong s_stackGuardLow, s_stackGuardHigh;

    /// <summary>Writes what was running (the scheduler names the thread) as one line of a CPU-exception report.</summary>
    public static delegate*<void> DescribeContext;

    /// <summary>Declares the kernel stack's guard page, so a fault there is reported as a stack overflow.</summary>
    public static void SetStackGuard(ulong low, ulong high)
    {
        s_stackGuardLow = low;
        s_stackGuardHigh = high;
    }

    /// <summary>Names of the 32 CPU exception vectors.</summary>
    public static ReadOnlySpan<char> ExceptionName(ulong vector) => vector switch
    {
        0 => "#DE divide error", 1 => "#DB debug", 2 => "NMI", 3 => "#BP breakpoint", 4 => "#OF overflow",
        5 => "#BR bound range", 6 => "#UD invalid opcode", 7 => "#NM device not available", 8 => "#DF double fault",
        10 => "#TS invalid TSS", 11 => "#NP segment not present", 12 => "#SS stack fault",
        13 => "#GP general protection", 14 => "#PF page fault", 16 => "#MF x87 error", 17 => "#AC alignment check",
        18 => "#MC machine check", 19 => "#XM SIMD exception", 20 => "#VE virtualization", 21 => "#CP control protection",
        _ => "reserved exception",
    };

    /// <summary>Begins a report: returns false when already panicking (then the caller halts at once).</summary>
    private static bool Begin()
    {
        if (++s_depth > 1)
        {
            if (s_depth == 2) KernelConsole.Write("\n*** nested panic\n");
            Stop();
            return false;
        }
        ScreenConsole.SetColor(0x4F);
        KernelConsole.Write("\n*** XAIRROSX KERNEL PANIC ***\n");
        return true;
    }

    /// <summary>Reports a CPU exception with its decoded registers and stops.</summary>
    public static void CpuException(InterruptFrame* f)
    {
        if (!Begin()) return;
        KernelConsole.Write("CPU exception ");
        KernelConsole.WriteDecimal(f->Vector);
        KernelConsole.Write(" (");
        KernelConsole.Write(ExceptionName(f->Vector));
        KernelConsole.Write(") error code 0x");
        KernelConsole.WriteHex(f->ErrorCode, 8);
        if (f->Vector == 14)
        {
            ulong e = f->ErrorCode;
            KernelConsole.Write((e & 1) != 0 ? " [protection" : " [not-present");
            KernelConsole.Write((e & 2) != 0 ? ", write" : ", read");
            KernelConsole.Write((e & 4) != 0 ? ", user" : ", kernel");
            if ((e & 16) != 0) KernelConsole.Write(", instruction fetch");
            KernelConsole.Write("]");
        }
        KernelConsole.Write("\n");
        ulong faultAddress = f->Vector == 14 ? Cpu.ReadCr2() : f->Rsp;
        if (s_stackGuardHigh != 0 && (f->Vector == 8 || f->Vector == 14) && faultAddress >= s_stackGuardLow - 256 && faultAddress < s_stackGuardHigh + 256)
            KernelConsole.Write("kernel stack overflow: the stack ran into its guard page\n");
        if (DescribeContext != null) DescribeContext();
        Register("RIP", f->Rip); Register("RSP", f->Rsp); Register("RFLAGS", f->Rflags); Register("CR2", Cpu.ReadCr2()); KernelConsole.Write("\n");
        Register("RAX", f->Rax); Register("RBX", f->Rbx); Register("RCX", f->Rcx); Register("RDX", f->Rdx); KernelConsole.Write("\n");
        Register("RSI", f->Rsi); Register("RDI", f->Rdi); Register("RBP", f->Rbp); Register("R8", f->R8); KernelConsole.Write("\n");
        Register("R9", f->R9); Register("R10", f->R10); Register("R11", f->R11); Register("R12", f->R12); KernelConsole.Write("\n");
        Register("R13", f->R13); Register("R14", f->R14); Register("R15", f->R15); Register("CR3", Cpu.ReadCr3()); KernelConsole.Write("\n");
        Stop();
    }

    /// <summary>Reports a fatal condition described by text and stops.</summary>
    public static void Fatal(ReadOnlySpan<char> what, ReadOnlySpan<char> detail = default)
    {
        if (!Begin()) return;
        KernelConsole.Write(what);
        if (!detail.IsEmpty) { KernelConsole.Write(": "); KernelConsole.Write(detail); }
        KernelConsole.Write("\n");
        Stop();
    }

    /// <summary>Begins a multi-part report written by the caller; end it with <see cref="Stop"/>.</summary>
    public static bool BeginReport() => Begin();

    private static void Register(ReadOnlySpan<char> name, ulong value)
    {
        KernelConsole.Write(name);
        KernelConsole.Write("=");
        KernelConsole.WriteHex(value);
        KernelConsole.Write("  ");
    }

    /// <summary>Ends a report: tells the hypervisor (when it listens) and halts this CPU forever.</summary>
    public static void Stop()
    {
        KernelConsole.Write("System halted.\n");
        KernelConsole.Flush();
        PowerControl.ExitEmulator(PowerControl.PanicExitValue);
        Cpu.HaltForever();
    }
}
