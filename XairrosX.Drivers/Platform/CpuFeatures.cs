using System;

namespace XairrosX.Drivers.Platform;

/// <summary>Instruction-set extensions of the boot CPU, decoded from CPUID and XCR0.</summary>
[Flags]
public enum CpuFeature : ulong
{
    /// <summary>No extension.</summary>
    None = 0,
    /// <summary>SSE3.</summary>
    Sse3 = 1UL << 0,
    /// <summary>SSSE3.</summary>
    Ssse3 = 1UL << 1,
    /// <summary>SSE4.1.</summary>
    Sse41 = 1UL << 2,
    /// <summary>SSE4.2.</summary>
    Sse42 = 1UL << 3,
    /// <summary>POPCNT.</summary>
    Popcnt = 1UL << 4,
    /// <summary>AES-NI.</summary>
    Aes = 1UL << 5,
    /// <summary>PCLMULQDQ.</summary>
    Pclmulqdq = 1UL << 6,
    /// <summary>AVX, with YMM state enabled by the OS.</summary>
    Avx = 1UL << 7,
    /// <summary>FMA3.</summary>
    Fma = 1UL << 8,
    /// <summary>AVX2.</summary>
    Avx2 = 1UL << 9,
    /// <summary>BMI1.</summary>
    Bmi1 = 1UL << 10,
    /// <summary>BMI2.</summary>
    Bmi2 = 1UL << 11,
    /// <summary>LZCNT.</summary>
    Lzcnt = 1UL << 12,
    /// <summary>MOVBE.</summary>
    Movbe = 1UL << 13,
    /// <summary>F16C.</summary>
    F16c = 1UL << 14,
    /// <summary>AVX-512 F/BW/CD/DQ/VL with ZMM state enabled.</summary>
    Avx512 = 1UL << 15,
    /// <summary>SHA extensions (SHA-NI).</summary>
    Sha = 1UL << 16,
    /// <summary>RDRAND.</summary>
    RdRand = 1UL << 17,
    /// <summary>RDSEED.</summary>
    RdSeed = 1UL << 18,
    /// <summary>XSAVE enabled (CR4.OSXSAVE).</summary>
    OsXsave = 1UL << 19,
    /// <summary>Invariant TSC.</summary>
    InvariantTsc = 1UL << 20,
    /// <summary>1 GiB pages.</summary>
    Pages1G = 1UL << 21,
    /// <summary>No-execute pages.</summary>
    Nx = 1UL << 22,
    /// <summary>x2APIC.</summary>
    X2Apic = 1UL << 23,
}

/// <summary>
/// Decodes CPUID into <see cref="CpuFeature"/> and into the <c>g_cpuFeatures</c> bit set that ilc-compiled
/// code tests before using an optional instruction set. Keep the runtime bits in sync with
/// minipal/cpufeatures.h of the runtime version XairrosX compiles against (XArchIntrinsicConstants_*).
/// </summary>
public static class CpuFeatureDecoder
{
    // XArchIntrinsicConstants_* of runtime release 10.0 (minipal/cpufeatures.h): instruction sets grouped
    // the way the JIT uses them. Verified against ilc 10.0.12 output (IndexOfAnyAsciiSearcher tests bit 0).
    private const ulong RtSse42Group = 1UL << 0, RtAvx = 1UL << 1, RtAvx2Group = 1UL << 2, RtAvx512Group = 1UL << 3,
        RtAes = 1UL << 9, RtSha = 1UL << 14;

    /// <summary>The runtime's bit for the AVX2 group (AVX2, BMI1/2, F16C, FMA, LZCNT, MOVBE).</summary>
    public const ulong RuntimeAvx2Flag = RtAvx2Group;

    /// <summary>Decodes the CPUID leaves 1, 7.0 and 0x80000001/0x80000007 and XCR0 (0 when XSAVE is off).</summary>
    public static CpuFeature Decode(CpuidResult leaf1, CpuidResult leaf7, CpuidResult ext1, CpuidResult ext7, ulong xcr0)
    {
        CpuFeature f = CpuFeature.None;
        void Set(bool condition, CpuFeature feature) { if (condition) f |= feature; }
        static bool Bit(uint reg, int bit) => (reg & (1u << bit)) != 0;

        Set(Bit(leaf1.Ecx, 0), CpuFeature.Sse3);
        Set(Bit(leaf1.Ecx, 9), CpuFeature.Ssse3);
        Set(Bit(leaf1.Ecx, 19), CpuFeature.Sse41);
        Set(Bit(leaf1.Ecx, 20), CpuFeature.Sse42);
        Set(Bit(leaf1.Ecx, 23), CpuFeature.Popcnt);
        Set(Bit(leaf1.Ecx, 25), CpuFeature.Aes);
        Set(Bit(leaf1.Ecx, 1), CpuFeature.Pclmulqdq);
        Set(Bit(leaf1.Ecx, 22), CpuFeature.Movbe);
        Set(Bit(leaf1.Ecx, 29), CpuFeature.F16c);
        Set(Bit(leaf1.Ecx, 30), CpuFeature.RdRand);
        Set(Bit(leaf1.Ecx, 21), CpuFeature.X2Apic);
        bool osXsave = Bit(leaf1.Ecx, 27);
        Set(osXsave, CpuFeature.OsXsave);
        bool ymmEnabled = osXsave && (xcr0 & 0x6) == 0x6;
        bool zmmEnabled = ymmEnabled && (xcr0 & 0xE0) == 0xE0;
        if (ymmEnabled && Bit(leaf1.Ecx, 28))
        {
            f |= CpuFeature.Avx;
            Set(Bit(leaf1.Ecx, 12), CpuFeature.Fma);
            Set(Bit(leaf7.Ebx, 5), CpuFeature.Avx2);
            bool avx512 = Bit(leaf7.Ebx, 16) && Bit(leaf7.Ebx, 17) && Bit(leaf7.Ebx, 28) && Bit(leaf7.Ebx, 30) && Bit(leaf7.Ebx, 31);
            Set(zmmEnabled && avx512, CpuFeature.Avx512);
        }
        Set(Bit(leaf7.Ebx, 3), CpuFeature.Bmi1);
        Set(Bit(leaf7.Ebx, 8), CpuFeature.Bmi2);
        Set(Bit(leaf7.Ebx, 29), CpuFeature.Sha);
        Set(Bit(leaf7.Ebx, 18), CpuFeature.RdSeed);
        Set(Bit(ext1.Ecx, 5), CpuFeature.Lzcnt);
        Set(Bit(ext1.Edx, 26), CpuFeature.Pages1G);
        Set(Bit(ext1.Edx, 20), CpuFeature.Nx);
        Set(Bit(ext7.Edx, 8), CpuFeature.InvariantTsc);
        return f;
    }

    /// <summary>The runtime's g_cpuFeatures bits for a feature set, with the runtime's grouping rules: a group is
    /// reported only when every member is present (and AVX-512 only on top of AVX2, AVX2 only on top of AVX).</summary>
    public static ulong ToRuntimeFlags(CpuFeature f)
    {
        ulong r = 0;
        bool Has(CpuFeature x) => (f & x) == x;
        if (!Has(CpuFeature.Sse3 | CpuFeature.Ssse3 | CpuFeature.Sse41 | CpuFeature.Sse42 | CpuFeature.Popcnt)) return r;
        r |= RtSse42Group;
        if (Has(CpuFeature.Aes | CpuFeature.Pclmulqdq)) r |= RtAes;
        if (Has(CpuFeature.Sha)) r |= RtSha;
        if (!Has(CpuFeature.Avx)) return r;
        r |= RtAvx;
        if (!Has(CpuFeature.Avx2 | CpuFeature.Bmi1 | CpuFeature.Bmi2 | CpuFeature.F16c | CpuFeature.Fma | CpuFeature.Lzcnt | CpuFeature.Movbe)) return r;
        r |= RtAvx2Group;
        if (Has(CpuFeature.Avx512)) r |= RtAvx512Group;
        return r;
    }

    /// <summary>Reads the running CPU's features.</summary>
    public static CpuFeature Detect()
    {
        CpuidResult max = Cpu.Cpuid(0);
        CpuidResult leaf1 = Cpu.Cpuid(1);
        CpuidResult leaf7 = max.Eax >= 7 ? Cpu.Cpuid(7, 0) : default;
        CpuidResult maxExt = Cpu.Cpuid(0x80000000);
        CpuidResult ext1 = maxExt.Eax >= 0x80000001 ? Cpu.Cpuid(0x80000001) : default;
        CpuidResult ext7 = maxExt.Eax >= 0x80000007 ? Cpu.Cpuid(0x80000007) : default;
        ulong xcr0 = (leaf1.Ecx & (1u << 27)) != 0 ? Cpu.ReadXcr(0) : 0;
        return Decode(leaf1, leaf7, ext1, ext7, xcr0);
    }
}
