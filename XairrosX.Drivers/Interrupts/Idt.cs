using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Interrupts;

/// <summary>
/// The interrupt descriptor table: 256 gates pointing at the asm entry stubs, and a table of C# handlers
/// by vector. Vectors 0–31 are CPU exceptions; unhandled ones go to the fault handler (a panic report).
/// Allocation-free, so it can be installed before the managed heap exists.
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
    private static delegate*<InterruptFrame*, void> s_faultHandler;
    private static ulong s_count;

    [InlineArray(256)]
    private struct HandlerTable { private nint _first; }

    [DllImport("*", EntryPoint = "xx_isr_table_address"), SuppressGCTransition]
    private static extern ulong* IsrTableAddress();

    /// <summary>Total interrupts and exceptions dispatched since boot.</summary>
    public static ulong Count => s_count;

    /// <summary>Fills the 256 gates (interrupt gates, kernel code segment 0x08) and loads the IDT.</summary>
    public static void Install(delegate*<InterruptFrame*, void> faultHandler)
    {
        s_faultHandler = faultHandler;
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

    /// <summary>Routes a vector to a handler (drivers use vectors 32–255).</summary>
    public static void SetHandler(int vector, delegate*<InterruptFrame*, void> handler) => s_handlers[vector] = (nint)handler;

    [UnmanagedCallersOnly(EntryPoint = "XairrosX_InterruptDispatch")]
    private static void Dispatch(InterruptFrame* frame)
    {
        s_count++;
        var handler = (delegate*<InterruptFrame*, void>)s_handlers[(int)(frame->Vector & 0xFF)];
        if (handler != null) { handler(frame); return; }
        if (frame->Vector < 32 && s_faultHandler != null) s_faultHandler(frame);
    }
}
