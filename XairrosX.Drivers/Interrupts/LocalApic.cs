using System.Threading;
using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Interrupts;

/// <summary>
/// The boot processor's local APIC in xAPIC (MMIO) mode, at the MADT's address (identity-mapped by the boot
/// page tables): global enable through IA32_APIC_BASE, software enable with the spurious vector, task priority
/// 0, EOI, and the registers of the timer that <see cref="Timers.LapicTimer"/> drives. x2APIC is not used.
/// </summary>
public static unsafe class LocalApic
{
    /// <summary>Vector of spurious interrupts (no EOI).</summary>
    public const byte SpuriousVector = 0xFF;
    private const uint ApicBaseMsr = 0x1B;
    private const uint RegId = 0x20, RegVersion = 0x30, RegTaskPriority = 0x80, RegEoi = 0xB0, RegSpurious = 0xF0;
    private const uint RegErrorStatus = 0x280, RegLvtTimer = 0x320, RegLvtLint0 = 0x350, RegLvtLint1 = 0x360, RegLvtError = 0x370;
    private const uint RegInitialCount = 0x380, RegCurrentCount = 0x390, RegDivide = 0x3E0;
    private static byte* s_base;
    private static ulong s_eoiCount;

    /// <summary>True once <see cref="Initialize"/> succeeded.</summary>
    public static bool IsEnabled => s_base != null;
    /// <summary>Physical (= virtual) base of the registers.</summary>
    public static ulong BaseAddress => (ulong)s_base;
    /// <summary>EOIs sent since boot.</summary>
    public static ulong EoiCount => s_eoiCount;
    /// <summary>The APIC id of this processor.</summary>
    public static uint Id => IsEnabled ? Read(RegId) >> 24 : 0;
    /// <summary>Version register (version in bits 0–7, highest LVT entry in bits 16–23).</summary>
    public static uint Version => IsEnabled ? Read(RegVersion) : 0;

    /// <summary>Enables the APIC at <paramref name="mmioBase"/> (0 = the address in IA32_APIC_BASE); false when
    /// CPUID reports no APIC.</summary>
    public static bool Initialize(ulong mmioBase)
    {
        if ((Cpu.Cpuid(1).Edx & (1u << 9)) == 0) return false;
        ulong msr = Cpu.ReadMsr(ApicBaseMsr);
        if (mmioBase == 0) mmioBase = msr & 0x000F_FFFF_FFFF_F000;
        Cpu.WriteMsr(ApicBaseMsr, (msr & ~0x000F_FFFF_FFFF_F000UL) | mmioBase | (1UL << 11)); // global enable, xAPIC
        s_base = (byte*)mmioBase;
        Write(RegTaskPriority, 0);
        Write(RegLvtTimer, 1u << 16);             // masked until a timer is started
        Write(RegLvtLint0, 1u << 16);
        Write(RegLvtLint1, 1u << 16);
        Write(RegLvtError, 1u << 16);
        Write(RegErrorStatus, 0);
        Write(RegSpurious, 0x100u | SpuriousVector); // software enable
        Idt.SetHandler(SpuriousVector, &Spurious);
        return true;
    }

    /// <summary>Signals the end of the interrupt being serviced.</summary>
    public static void EndOfInterrupt()
    {
        s_eoiCount++;
        Write(RegEoi, 0);
    }

    /// <summary>Sends an EOI when <paramref name="vector"/> is in service (its ISR bit is set), i.e. when it came from
    /// the APIC rather than from an <c>int</c> instruction.</summary>
    public static void EndOfInterruptIfInService(int vector)
    {
        if (IsEnabled && vector >= 32 && (Read(0x100 + (uint)(vector >> 5) * 0x10) & (1u << (vector & 31))) != 0) EndOfInterrupt();
    }

    /// <summary>Reads a register (offset from the base).</summary>
    public static uint Read(uint register) => Volatile.Read(ref *(uint*)(s_base + register));

    /// <summary>Writes a register (offset from the base).</summary>
    public static void Write(uint register, uint value) => Volatile.Write(ref *(uint*)(s_base + register), value);

    /// <summary>Programs the timer's LVT entry: vector, mode (0 one-shot, 1 periodic, 2 TSC-deadline), masked.</summary>
    public static void SetTimer(byte vector, uint mode, bool masked) =>
        Write(RegLvtTimer, vector | (mode << 17) | (masked ? 1u << 16 : 0));

    /// <summary>Divide configuration: 0xB = divide by 1, 0x3 = by 16.</summary>
    public static void SetTimerDivide(uint encoding) => Write(RegDivide, encoding);

    /// <summary>Starts the count-down (one-shot/periodic modes); 0 stops it.</summary>
    public static void SetTimerInitialCount(uint count) => Write(RegInitialCount, count);

    /// <summary>Current count-down value.</summary>
    public static uint TimerCurrentCount => Read(RegCurrentCount);

    // A spurious interrupt gets no EOI (the APIC did not set an in-service bit for it).
    private static void Spurious(InterruptFrame* frame) { }
}
