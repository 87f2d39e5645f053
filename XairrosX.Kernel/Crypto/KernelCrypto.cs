using XairrosX.Drivers.Platform;

namespace XairrosX.Kernel.Crypto;

/// <summary>Boot-time set-up of the kernel's cryptography: SHA-NI under the SHA-256 hook, then the DRBG.</summary>
public static class KernelCrypto
{
    /// <summary>Plugs SHA-NI in when the CPU has it and seeds the DRBG; prints one line when randomness is unavailable.</summary>
    public static void Initialize(CpuFeature features)
    {
        Sha256Acceleration.Install(features);
        HardwareEntropy.Configure(features);
        if (!KernelRandom.Initialize()) System.Console.WriteLine($"crypto: no cryptographic randomness ({KernelRandom.Failure})");
        System.Console.WriteLine("crypto: " + Describe());
    }

    /// <summary>One line for reports: which SHA-256 path and entropy source are in use.</summary>
    public static string Describe() =>
        $"SHA-256 {Sha256Acceleration.Describe()}, entropy {HardwareEntropy.SourceName}{(KernelRandom.Seeded ? " -> ChaCha20 DRBG" : " (DRBG unseeded)")}";
}
