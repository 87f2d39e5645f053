using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Interrupts;

/// <summary>
/// The stack-switch contract of the interrupt path, and a builder for the first frame of a new stack.
/// <para>
/// Every interrupt saves the interrupted context on the interrupted stack as an <see cref="InterruptFrame"/>
/// (general registers, vector, error code, then the CPU's iretq frame) with the extended state (XSAVE image:
/// x87/SSE/AVX) in the area <see cref="ExtendedStateOf"/> computes from the frame's address. A frame-returning
/// handler (<see cref="Idt.SetFrameHandler"/>, every IRQ handler of <see cref="InterruptRouter"/>, the
/// <see cref="Timers.ITickTimer"/> handler) returns the frame to resume: the stub restores the extended state
/// below THAT frame, pops its registers and executes iretq through it. To switch threads, a handler keeps the
/// pointer it was given (the outgoing thread's saved context; it stays valid while that stack is not resumed)
/// and returns the incoming thread's saved frame pointer (from its own last interrupt, or from
/// <see cref="Prepare"/> for a thread that never ran). A frame must be resumed at most once per save.
/// </para>
/// </summary>
public static unsafe class InterruptStack
{
    [DllImport("*", EntryPoint = "xx_xsave_reserve_address"), SuppressGCTransition]
    private static extern ulong* XsaveReserveAddress();

    [DllImport("*", EntryPoint = "xx_entry_return_trap_address"), SuppressGCTransition]
    private static extern ulong EntryReturnTrap();

    /// <summary>Bytes below a frame taken by its extended state (alignment included).</summary>
    public static ulong ExtendedStateReserve => *XsaveReserveAddress();

    /// <summary>Where the extended state of <paramref name="frame"/> lives: (frame − reserve) rounded down to 64.</summary>
    public static byte* ExtendedStateOf(InterruptFrame* frame) => (byte*)(((ulong)frame - ExtendedStateReserve) & ~63UL);

    /// <summary>Bytes of stack <see cref="Prepare"/> uses below the top.</summary>
    public static ulong PreparedBytes => 16 + (ulong)sizeof(InterruptFrame) + ExtendedStateReserve + 64;

    /// <summary>
    /// Builds, at the top of an unused stack, a frame that — returned by a frame-returning handler — starts
    /// <paramref name="entry"/>(<paramref name="argument"/>) in ring 0 on that stack with clean x87/SSE/AVX
    /// state and interrupts enabled or not. The entry must never return (a return raises #UD). The stack must
    /// have room for <see cref="PreparedBytes"/> plus what the entry uses.
    /// </summary>
    public static InterruptFrame* Prepare(void* stackTop, delegate*<ulong, void> entry, ulong argument, bool interruptsEnabled)
    {
        ulong top = (ulong)stackTop & ~15UL;
        *(ulong*)(top - 8) = EntryReturnTrap(); // as if called: RSP ≡ 8 (mod 16) at the entry
        var frame = (InterruptFrame*)((top - 16 - (ulong)sizeof(InterruptFrame)) & ~15UL);
        *frame = default;
        frame->Rip = (ulong)entry;
        frame->Cs = Gdt.KernelCode;
        frame->Rflags = interruptsEnabled ? 0x202UL : 0x2UL;
        frame->Rsp = top - 8;
        frame->Ss = Gdt.KernelData;
        frame->Rdi = argument;
        byte* state = ExtendedStateOf(frame);
        Unsafe.InitBlockUnaligned(state, 0, (uint)((byte*)frame - state));
        *(ushort*)state = 0x37F;            // FCW (x87 in its initial state anyway: XSTATE_BV = 0)
        *(uint*)(state + 24) = 0x1F80;      // MXCSR: XRSTOR loads it whatever XSTATE_BV says
        return frame;
    }
}
