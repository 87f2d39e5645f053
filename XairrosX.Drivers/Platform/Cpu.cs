using System.Runtime.InteropServices;

namespace XairrosX.Drivers.Platform;

/// <summary>Privileged and special CPU instructions (cpuid, rdtsc, control registers, hlt…).</summary>
public static unsafe class Cpu
{
    [DllImport("*", EntryPoint = "xx_cpuid"), SuppressGCTransition] private static extern void CpuidRaw(uint leaf, uint subleaf, uint* result);
    /// <summary>Reads the time-stamp counter.</summary>
    [DllImport("*", EntryPoint = "xx_rdtsc"), SuppressGCTransition] public static extern ulong ReadTsc();
    /// <summary>Reads a model-specific register.</summary>
    [DllImport("*", EntryPoint = "xx_rdmsr"), SuppressGCTransition] public static extern ulong ReadMsr(uint msr);
    /// <summary>Writes a model-specific register.</summary>
    [DllImport("*", EntryPoint = "xx_wrmsr"), SuppressGCTransition] public static extern void WriteMsr(uint msr, ulong value);
    /// <summary>Reads CR0.</summary>
    [DllImport("*", EntryPoint = "xx_read_cr0"), SuppressGCTransition] public static extern ulong ReadCr0();
    /// <summary>Reads CR2 (the faulting address of the last page fault).</summary>
    [DllImport("*", EntryPoint = "xx_read_cr2"), SuppressGCTransition] public static extern ulong ReadCr2();
    /// <summary>Reads CR3 (the page-table root).</summary>
    [DllImport("*", EntryPoint = "xx_read_cr3"), SuppressGCTransition] public static extern ulong ReadCr3();
    /// <summary>Reads CR4.</summary>
    [DllImport("*", EntryPoint = "xx_read_cr4"), SuppressGCTransition] public static extern ulong ReadCr4();
    /// <summary>Reads an extended control register (XCR0 for index 0).</summary>
    [DllImport("*", EntryPoint = "xx_xgetbv"), SuppressGCTransition] public static extern ulong ReadXcr(uint index);
    /// <summary>Halts until the next interrupt.</summary>
    [DllImport("*", EntryPoint = "xx_hlt"), SuppressGCTransition] public static extern void Halt();
    /// <summary>Disables maskable interrupts.</summary>
    [DllImport("*", EntryPoint = "xx_cli"), SuppressGCTransition] public static extern void DisableInterrupts();
    /// <summary>Enables maskable interrupts.</summary>
    [DllImport("*", EntryPoint = "xx_sti"), SuppressGCTransition] public static extern void EnableInterrupts();
    /// <summary>Spin-wait hint.</summary>
    [DllImport("*", EntryPoint = "xx_pause"), SuppressGCTransition] public static extern void Pause();
    /// <summary>sti; hlt — no interrupt can slip in between, so a wake-up is never lost before the halt.</summary>
    [DllImport("*", EntryPoint = "xx_sti_hlt"), SuppressGCTransition] public static extern void EnableInterruptsAndHalt();
    /// <summary>Loads CR3 (a new address space, and a flush of every non-global TLB entry).</summary>
    [DllImport("*", EntryPoint = "xx_write_cr3"), SuppressGCTransition] public static extern void WriteCr3(ulong value);
    /// <summary>Reads RFLAGS.</summary>
    [DllImport("*", EntryPoint = "xx_read_flags"), SuppressGCTransition] public static extern ulong ReadFlags();
    /// <summary>Loads the interrupt descriptor table register.</summary>
    [DllImport("*", EntryPoint = "xx_lidt"), SuppressGCTransition] public static extern void LoadIdt(void* descriptor);
    /// <summary>RDRAND: a 64-bit hardware random value; false when the CPU had none ready.</summary>
    [DllImport("*", EntryPoint = "xx_rdrand"), SuppressGCTransition] public static extern bool RdRand(ulong* value);
    /// <summary>RDSEED: a 64-bit entropy value; false when none was ready.</summary>
    [DllImport("*", EntryPoint = "xx_rdseed"), SuppressGCTransition] public static extern bool RdSeed(ulong* value);
    /// <summary>Drops the TLB entry of one page.</summary>
    [DllImport("*", EntryPoint = "xx_invlpg"), SuppressGCTransition] public static extern void InvalidatePage(ulong address);
    /// <summary>The caller's stack pointer.</summary>
    [DllImport("*", EntryPoint = "xx_read_rsp"), SuppressGCTransition] public static extern nuint ReadStackPointer();

    /// <summary>Executes CPUID for a leaf and sub-leaf.</summary>
    public static CpuidResult Cpuid(uint leaf, uint subleaf = 0)
    {
        uint* r = stackalloc uint[4];
        CpuidRaw(leaf, subleaf, r);
        return new CpuidResult(r[0], r[1], r[2], r[3]);
    }

    /// <summary>Stops this CPU for good: interrupts off, halt forever.</summary>
    public static void HaltForever()
    {
        while (true)
        {
            DisableInterrupts();
            Halt();
        }
    }
}

/// <summary>The four registers CPUID returns.</summary>
public readonly record struct CpuidResult(uint Eax, uint Ebx, uint Ecx, uint Edx);
