using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using XairrosX.Blockchain.Crypto;
using XairrosX.Drivers.Platform;

namespace XairrosX.Kernel.Crypto;

/// <summary>
/// Plugs the SHA-NI block function (sha256_ni.asm) under the crypto library's SHA-256 hook, so every SHA-256
/// user in the kernel (hashes, HMAC, Merkle roots, BIP-340 tags, the DRBG's reseeding) gets it. Chosen by CPUID
/// leaf 7 EBX bit 29 (<see cref="CpuFeature.Sha"/>); the routine also uses SSSE3/SSE4.1 and vzeroupper, which the
/// kernel's x86-64-v3 baseline guarantees. Without SHA-NI the library's scalar code stays in place.
/// </summary>
public static unsafe class Sha256Acceleration
{
    [DllImport("*", EntryPoint = "xx_sha256_ni_address"), SuppressGCTransition]
    private static extern void* ShaNiAddress();

    /// <summary>True when the CPU has SHA-NI (whether or not the routine is currently plugged in).</summary>
    public static bool Available { get; private set; }

    /// <summary>True while SHA-256 goes through SHA-NI.</summary>
    public static bool Active => Sha256Compression.AcceleratedBlockFunction != null;

    /// <summary>Installs the SHA-NI routine when <paramref name="features"/> has SHA and AVX. Call once at boot.</summary>
    public static void Install(CpuFeature features)
    {
        Available = (features & (CpuFeature.Sha | CpuFeature.Ssse3 | CpuFeature.Sse41 | CpuFeature.Avx))
            == (CpuFeature.Sha | CpuFeature.Ssse3 | CpuFeature.Sse41 | CpuFeature.Avx);
        SetActive(true);
    }

    /// <summary>Switches between SHA-NI and the scalar code (for benchmarks and differential tests); no-op without SHA-NI.</summary>
    public static void SetActive(bool active) =>
        Sha256Compression.AcceleratedBlockFunction = active && Available
            ? ShaNiRoutine()
            : null;

    // Not inlined: a JIT (the host tests run this class) binds a DllImport when it compiles the caller, and "*"
    // exists only in the kernel image.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static delegate* unmanaged<uint*, byte*, nuint, void> ShaNiRoutine() => (delegate* unmanaged<uint*, byte*, nuint, void>)ShaNiAddress();

    /// <summary>One word for cpuinfo-style reports.</summary>
    public static string Describe() => Active ? "SHA-NI" : Available ? "scalar (SHA-NI available but off)" : "scalar (no SHA-NI)";
}
