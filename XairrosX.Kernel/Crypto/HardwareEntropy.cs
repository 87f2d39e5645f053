using System;
using System.Numerics;
using XairrosX.Blockchain.Crypto;
using XairrosX.Drivers.Platform;

namespace XairrosX.Kernel.Crypto;

/// <summary>
/// Entropy from the CPU: RDSEED (an entropy source, preferred for seeding) or RDRAND (a DRBG output: when it is the
/// only source, 16 draws are conditioned into every 8 seed bytes through SHA-512), each retried as Intel's guidance
/// asks. Health checks after NIST SP 800-90B's spirit: a draw equal to the previous one (repetition count test with
/// a cutoff of 2 for 64-bit samples), or all zeros / all ones (the failure mode of some AMD parts after resume), is
/// discarded and counted; a start-up test of 64 draws checks distinctness and bit balance before the first seed.
/// </summary>
public static unsafe class HardwareEntropy
{
    /// <summary>Attempts per RDRAND value (Intel: ten failures in a row mean a broken part).</summary>
    public const int RdRandRetries = 10;

    /// <summary>Attempts per RDSEED value (RDSEED may legitimately run dry for a while under load).</summary>
    public const int RdSeedRetries = 256;

    private static bool s_hasRdRand, s_hasRdSeed;
    private static ulong s_previous;

    /// <summary>Draws rejected by a health check since boot.</summary>
    public static ulong HealthFailures { get; private set; }

    /// <summary>Instructions that returned no value (CF = 0) and were retried, since boot.</summary>
    public static ulong Retries { get; private set; }

    /// <summary>True when the CPU has RDSEED or RDRAND.</summary>
    public static bool Available => s_hasRdSeed || s_hasRdRand;

    /// <summary>The source seeding uses: "RDSEED", "RDRAND" or "none".</summary>
    public static string SourceName => s_hasRdSeed ? "RDSEED" : s_hasRdRand ? "RDRAND" : "none";

    /// <summary>Records which instructions the CPU has (executing a missing one faults).</summary>
    public static void Configure(CpuFeature features)
    {
        s_hasRdRand = (features & CpuFeature.RdRand) != 0;
        s_hasRdSeed = (features & CpuFeature.RdSeed) != 0;
    }

    /// <summary>One health-checked 64-bit value from the best instruction; false when the hardware gave none.</summary>
    public static bool TryNext(out ulong value)
    {
        for (int attempt = 0; attempt < 4; attempt++)
        {
            if (!TryDraw(s_hasRdSeed, out value)) return false;
            bool healthy = value != 0 && value != ulong.MaxValue && value != s_previous;
            s_previous = value;
            if (healthy) return true;
            HealthFailures++;
        }
        value = 0;
        return false;
    }

    /// <summary>Fills <paramref name="seed"/> with seed-grade entropy; false (and cleared) on hardware failure.</summary>
    public static bool TryGather(Span<byte> seed)
    {
        if (!Available) return false;
        Span<byte> block = stackalloc byte[128];
        Span<byte> digest = stackalloc byte[64];
        int drawsPerBlock = s_hasRdSeed ? 8 : 16;   // RDRAND: 2x oversampling per output byte
        try
        {
            for (int offset = 0; offset < seed.Length; offset += 64)
            {
                for (int i = 0; i < drawsPerBlock; i++)
                {
                    if (!TryNext(out ulong v)) { seed.Clear(); return false; }
                    BitConverter.TryWriteBytes(block.Slice(8 * i), v);
                }
                Sha512.Hash(block.Slice(0, 8 * drawsPerBlock), digest);
                digest.Slice(0, Math.Min(64, seed.Length - offset)).CopyTo(seed.Slice(offset));
            }
            return true;
        }
        finally
        {
            block.Clear();
            digest.Clear();
        }
    }

    /// <summary>Start-up health test: 64 draws, pairwise distinct, with 4096 ± 256 bits balanced (±8σ).</summary>
    public static bool StartupTest(out string failure)
    {
        failure = null;
        if (!Available) { failure = "no RDRAND/RDSEED"; return false; }
        Span<ulong> draws = stackalloc ulong[64];
        int ones = 0;
        for (int i = 0; i < draws.Length; i++)
        {
            if (!TryNext(out draws[i])) { failure = $"{SourceName} returned no value"; return false; }
            ones += BitOperations.PopCount(draws[i]);
            for (int j = 0; j < i; j++)
                if (draws[j] == draws[i]) { failure = $"{SourceName} repeated a 64-bit value"; return false; }
        }
        if (Math.Abs(ones - 2048) > 256) { failure = $"{SourceName} bit balance {ones}/4096"; return false; }
        draws.Clear();
        return true;
    }

    private static bool TryDraw(bool seedInstruction, out ulong value)
    {
        ulong v;
        int limit = seedInstruction ? RdSeedRetries : RdRandRetries;
        for (int attempt = 0; attempt < limit; attempt++)
        {
            if (seedInstruction ? Cpu.RdSeed(&v) : Cpu.RdRand(&v)) { value = v; return true; }
            Retries++;
            if (seedInstruction) Cpu.Pause();
        }
        // RDSEED can stay empty under contention; RDRAND (reseeded by the same conditioner) is the fallback.
        if (seedInstruction && s_hasRdRand) return TryDraw(false, out value);
        value = 0;
        return false;
    }
}
