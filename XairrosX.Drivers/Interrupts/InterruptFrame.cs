using System.Runtime.InteropServices;

namespace XairrosX.Drivers.Interrupts;

/// <summary>
/// The registers saved by the interrupt entry stub (Native/cpu.asm, isr_common), lowest address first.
/// Keep in sync with the push order there.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct InterruptFrame
{
#pragma warning disable CS1591 // register names speak for themselves
    public ulong R15, R14, R13, R12, R11, R10, R9, R8, Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
    public ulong Vector, ErrorCode;
    public ulong Rip, Cs, Rflags, Rsp, Ss;
#pragma warning restore CS1591
}
