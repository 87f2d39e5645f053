using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Interrupts;

/// <summary>
/// The interrupt descriptor table: 256 gates pointing at the asm entry stubs, and a table of C# handlers
/// by vector. Vectors 0–31 are CPU exceptions; unhandled ones go to the fault handler (a panic report).
/// A handler is either plain (<see cref="SetHandler"/>: the interrupted context resumes) or frame-returning
/// (<see cref="SetFrameHandler"/>: it returns the <see cref="InterruptFrame"/> to resume, which may belong to
/// another stack — see <see cref="InterruptStack"/>). Counts every vector. Allocation-free, so it can be
/// installed before the managed heap exists.
/// </summary>
public static unsafe class Idt
{
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private struct Gate
    {
        public ushort OffsetLow;
        public ushort Selector;
        public byte Ist;
        public byte TypeAttributes;
        public ushort OffsetMiddle;
        public uint OffsetHigh;
        public uint Reserved;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private struct Descriptor
    {
        public ushort Limit;
        public ulong Base;
    }

    [InlineArray(256)]
    private struct GateTable { private Gate _first; }

    private static GateTable s_gates;
    private static Descriptor s_descriptor;
    private static HandlerTable s_handlers;
    private static FlagTable s_returnsFrame;
    private static CountTable s_counts;
    private static delegate*<InterruptFrame*, void> s_faultHandler;
    private static ulong s_count;

    [InlineArray(256)]
    private struct HandlerTable { private nint _first; }
    [InlineArray(256)]
    private struct FlagTable { private bool _first; }
    [InlineArray(256)]
    private struct CountTable { private ulong _first; }

    /// <summary>The vector <c>xx_raise_switch_vector</c> raises (<c>int 0x81</c>).</summary>
    public const int SoftwareSwitchVector = 0x81;

    [DllImport("*", EntryPoint = "xx_xsave_reserve_address"), SuppressGCTransition]
    private static extern ulong* XsaveReserveAddress();

    /// <summary>Executes <c>int 0x81</c>: enters the <see cref="SoftwareSwitchVector"/> handler, whose returned frame
    /// decides where execution goes on (a voluntary switch; returns when something resumes this context).</summary>
    [DllImport("*", EntryPoint = "xx_raise_switch_vector"), SuppressGCTransition]
    public static extern void RaiseSoftwareSwitch();

    /// <summary>Executes <c>int 0xFF</c> (the LAPIC's spurious vector) — for self-tests of the spurious path.</summary>
    [DllImport("*", EntryPoint = "xx_raise_spurious_vector"), SuppressGCTransition]
    public static extern void RaiseSpuriousVector();

    [DllImport("*", EntryPoint = "xx_isr_table_address"), SuppressGCTransition]
    private static extern ulong* IsrTableAddress();

    /// <summary>Total interrupts and exceptions dispatched since boot.</summary>
    public static ulong Count => s_count;

    /// <summary>Fills the 256 gates (interrupt gates, kernel code segment 0x08) and loads the IDT.</summary>
    public static void Install(delegate*<InterruptFrame*, void> faultHandler)
    {
        s_faultHandler = faultHandler;
        // The extended-state area below each frame: XSAVE's size for the enabled XCR0 features.
        if ((Cpu.ReadCr4() & (1UL << 18)) != 0) *XsaveReserveAddress() = Cpu.Cpuid(0xD).Ebx + 63UL;
        ulong* stubs = IsrTableAddress();
        for (int v = 0; v < 256; v++)
        {
            ulong address = stubs[v];
            ref Gate g = ref s_gates[v];
            g.OffsetLow = (ushort)address;
            g.Selector = 0x08;
            g.Ist = 0;
            g.TypeAttributes = 0x8E; // present, ring 0, 64-bit interrupt gate
            g.OffsetMiddle = (ushort)(address >> 16);
            g.OffsetHigh = (uint)(address >> 32);
            g.Reserved = 0;
        }
        s_descriptor.Limit = (ushort)(256 * sizeof(Gate) - 1);
        s_descriptor.Base = (ulong)Unsafe.AsPointer(ref s_gates[0]);
        fixed (Descriptor* d = &s_descriptor) Cpu.LoadIdt(d);
    }

    /// <summary>Makes a vector switch to an interrupt-stack-table stack of the TSS (1–7).</summary>
    public static void SetInterruptStack(int vector, byte ist) => s_gates[vector].Ist = ist;

    /// <summary>Routes a vector to a handler; the interrupted context resumes after it (drivers use 32–255).</summary>
    public static void SetHandler(int vector, delegate*<InterruptFrame*, void> handler)
    {
        s_returnsFrame[vector] = false;
        s_handlers[vector] = (nint)handler;
    }

    /// <summary>Routes a vector to a handler that returns the frame to resume: the one it was given, or a frame
    /// saved earlier by another interrupt or built by <see cref="InterruptStack.Prepare"/> (a stack switch).</summary>
    public static void SetFrameHandler(int vector, delegate*<InterruptFrame*, InterruptFrame*> handler)
    {
        s_handlers[vector] = 0;
        s_returnsFrame[vector] = true;
        s_handlers[vector] = (nint)handler;
    }

    /// <summary>Whether a vector has a handler.</summary>
    public static bool HasHandler(int vector) => s_handlers[vector] != 0;

    /// <summary>Times <paramref name="vector"/> was dispatched since boot.</summary>
    public static ulong CountOf(int vector) => s_counts[vector];

    [UnmanagedCallersOnly(EntryPoint = "XairrosX_InterruptDispatch")]
    private static InterruptFrame* Dispatch(InterruptFrame* frame)
    {
        s_count++;
        int vector = (int)(frame->Vector & 0xFF);
        s_counts[vector]++;
        nint handler = s_handlers[vector];
        if (handler != 0)
        {
            if (s_returnsFrame[vector]) return ((delegate*<InterruptFrame*, InterruptFrame*>)handler)(frame);
            ((delegate*<InterruptFrame*, void>)handler)(frame);
            return frame;
        }
        if (vector < 32 && s_faultHandler != null) s_faultHandler(frame);
        else LocalApic.EndOfInterruptIfInService(vector); // an unclaimed IRQ must not block its priority class forever
        return frame;
    }
}
