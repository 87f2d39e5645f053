using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using XairrosX.Drivers.Interrupts;

namespace XairrosX.Drivers.Platform;

/// <summary>
/// The kernel's GDT and TSS: kernel code/data, user data/code (in the order SYSRET expects), and a TSS
/// whose interrupt stack table gives #DF, NMI and #MC their own stacks — so a kernel stack overflow, which
/// faults while pushing the exception frame, still reaches a handler that can report it.
/// Selectors: 0x08 kernel code, 0x10 kernel data, 0x1B user data, 0x23 user code, 0x28 TSS.
/// </summary>
public static unsafe class Gdt
{
    /// <summary>Kernel code segment selector.</summary>
    public const ushort KernelCode = 0x08;
    /// <summary>Kernel data segment selector.</summary>
    public const ushort KernelData = 0x10;
    /// <summary>IST slot used for double faults.</summary>
    public const byte DoubleFaultIst = 1;
    /// <summary>IST slot used for NMIs.</summary>
    public const byte NmiIst = 2;
    /// <summary>IST slot used for machine checks.</summary>
    public const byte MachineCheckIst = 3;
    private const int IstStackSize = 16 * 1024;

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct TaskStateSegment
    {
        public uint Reserved0;
        public ulong Rsp0, Rsp1, Rsp2;
        public ulong Reserved1;
        public ulong Ist1, Ist2, Ist3, Ist4, Ist5, Ist6, Ist7;
        public ulong Reserved2;
        public ushort Reserved3;
        public ushort IoMapBase;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private struct Descriptor
    {
        public ushort Limit;
        public ulong Base;
    }

    [InlineArray(7)]
    private struct Entries { private ulong _first; }

    private static Entries s_entries;
    private static TaskStateSegment s_tss;
    private static Descriptor s_descriptor;

    [DllImport("*", EntryPoint = "xx_load_gdt"), SuppressGCTransition]
    private static extern void LoadGdt(void* descriptor, ushort codeSelector, ushort dataSelector);
    [DllImport("*", EntryPoint = "xx_ltr"), SuppressGCTransition]
    private static extern void LoadTaskRegister(ushort selector);

    /// <summary>Installs the GDT and TSS; <paramref name="allocateStack"/> provides the IST stacks.</summary>
    public static void Install(delegate*<nuint, void*> allocateStack)
    {
        s_entries[0] = 0;
        s_entries[1] = 0x00AF9A000000FFFF; // kernel code, 64-bit
        s_entries[2] = 0x00CF92000000FFFF; // kernel data
        s_entries[3] = 0x00CFF2000000FFFF; // user data (DPL 3)
        s_entries[4] = 0x00AFFA000000FFFF; // user code, 64-bit (DPL 3)
        s_tss.Ist1 = (ulong)allocateStack(IstStackSize) + IstStackSize;
        s_tss.Ist2 = (ulong)allocateStack(IstStackSize) + IstStackSize;
        s_tss.Ist3 = (ulong)allocateStack(IstStackSize) + IstStackSize;
        s_tss.IoMapBase = (ushort)sizeof(TaskStateSegment);
        ulong tss = (ulong)Unsafe.AsPointer(ref s_tss);
        ulong limit = (ulong)sizeof(TaskStateSegment) - 1;
        s_entries[5] = (limit & 0xFFFF) | ((tss & 0xFFFFFF) << 16) | (0x89UL << 40) | (((limit >> 16) & 0xF) << 48) | (((tss >> 24) & 0xFF) << 56);
        s_entries[6] = tss >> 32;
        s_descriptor.Limit = 7 * 8 - 1;
        s_descriptor.Base = (ulong)Unsafe.AsPointer(ref s_entries[0]);
        fixed (Descriptor* d = &s_descriptor) LoadGdt(d, KernelCode, KernelData);
        LoadTaskRegister(0x28);
        Idt.SetInterruptStack(8, DoubleFaultIst);
        Idt.SetInterruptStack(2, NmiIst);
        Idt.SetInterruptStack(18, MachineCheckIst);
    }
}
