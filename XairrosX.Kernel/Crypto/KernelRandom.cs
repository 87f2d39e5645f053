using System;
using System.Runtime.InteropServices;
using XairrosX.Blockchain.Crypto;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.Crypto;

/// <summary>
/// The kernel's cryptographic random number generator: the library's ChaCha20 DRBG (fast key erasure), seeded
/// from <see cref="HardwareEntropy"/> at boot and reseeded from it every <see cref="ReseedInterval"/> requests.
/// Installed as the PAL's secure source, so SystemNative_GetCryptographicallySecureRandomBytes (Guid.NewGuid,
/// RandomNumberGenerator on PAL paths) answers from it; the CryptoNative_* exports below answer
/// System.Security.Cryptography.RandomNumberGenerator, which on Linux asks the OpenSSL shim. One thread: no lock yet.
/// </summary>
public static unsafe class KernelRandom
{
    /// <summary>Requests served between reseeds from the hardware.</summary>
    public const ulong ReseedInterval = 1024;

    private static ChaCha20Drbg s_drbg;

    /// <summary>True once seeded from hardware entropy.</summary>
    public static bool Seeded => s_drbg != null;

    /// <summary>Reseeds since boot (the initial seed excluded).</summary>
    public static ulong Reseeds { get; private set; }

    /// <summary>Why seeding failed (null when seeded).</summary>
    public static string Failure { get; private set; }

    /// <summary>Runs the start-up health test, seeds the DRBG and installs it under the PAL. Call once at boot.</summary>
    public static bool Initialize()
    {
        if (!HardwareEntropy.StartupTest(out string failure)) { Failure = failure; return false; }
        Span<byte> seed = stackalloc byte[64];
        if (!HardwareEntropy.TryGather(seed)) { Failure = "entropy source failed while seeding"; return false; }
        s_drbg = new ChaCha20Drbg(seed, "XairrosX kernel DRBG"u8);
        seed.Clear();
        HardwareRandom.SecureSource = &FillFromPal;
        Failure = null;
        return true;
    }

    /// <summary>Fills <paramref name="output"/> with DRBG output.</summary>
    /// <exception cref="InvalidOperationException">The DRBG was never seeded (no hardware entropy).</exception>
    public static void Fill(Span<byte> output)
    {
        if (!TryFill(output)) throw new InvalidOperationException("no cryptographic randomness: " + (Failure ?? "the DRBG is not seeded"));
    }

    /// <summary>Fills <paramref name="output"/>; false when the DRBG is not seeded.</summary>
    public static bool TryFill(Span<byte> output)
    {
        ChaCha20Drbg drbg = s_drbg;
        if (drbg == null) return false;
        if (drbg.RequestsSinceReseed >= ReseedInterval) Reseed(drbg);
        drbg.Fill(output);
        return true;
    }

    private static void Reseed(ChaCha20Drbg drbg)
    {
        Span<byte> entropy = stackalloc byte[32];
        // A failed reseed keeps the current key: fast key erasure still protects past output.
        if (HardwareEntropy.TryGather(entropy))
        {
            drbg.Reseed(entropy);
            Reseeds++;
        }
        entropy.Clear();
    }

    private static bool FillFromPal(byte* buffer, int length) => length < 0 ? false : TryFill(new Span<byte>(buffer, length));

    // System.Security.Cryptography's OpenSSL shim, as far as RandomNumberGenerator needs it.
    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_GetRandomBytes")]
    private static int CryptoNativeGetRandomBytes(byte* buffer, int count) => FillFromPal(buffer, count) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_EnsureOpenSslInitialized")]
    private static int CryptoNativeEnsureInitialized() => 0;

    // Reached from the error path (CreateOpenSslCryptographicException) and Interop.Crypto's static constructor.
    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_GetMaxMdSize")]
    private static int CryptoNativeGetMaxMdSize() => 64;

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_ErrGetExceptionError")]
    private static ulong CryptoNativeErrGetExceptionError(int* isAllocFailure)
    {
        if (isAllocFailure != null) *isAllocFailure = 0;
        return 1;
    }

    [UnmanagedCallersOnly(EntryPoint = "CryptoNative_ErrErrorStringN")]
    private static void CryptoNativeErrErrorStringN(ulong error, byte* buffer, int length)
    {
        ReadOnlySpan<byte> message = "the kernel DRBG has no entropy"u8;
        if (buffer == null || length <= 0) return;
        int n = Math.Min(message.Length, length - 1);
        message.Slice(0, n).CopyTo(new Span<byte>(buffer, n));
        buffer[n] = 0;
    }
}
