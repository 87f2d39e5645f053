using System.Runtime.InteropServices;
using XairrosX.Drivers.Console;
using XairrosX.Drivers.Diagnostics;
using XairrosX.Drivers.Platform;

namespace XairrosX.Plugs.Pal;

/// <summary>
/// Process-level facts for the BCL: the kernel is process 1, user root, cwd "/", no environment.
/// Exports: SystemNative_GetPid, GetEUid, GetEGid, GetGroups, GetPwUidR, GetEnv, GetCwd, Abort, LogError,
/// SNPrintF_1S, SNPrintF_1I, GetCryptographicallySecureRandomBytes, GetNonCryptographicallySecureRandomBytes.
/// </summary>
internal static unsafe class ProcessPal
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetPid")]
    private static int GetPid() => 1;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetEUid")]
    private static uint GetEUid() => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetEGid")]
    private static uint GetEGid() => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetGroups")]
    private static int GetGroups(int count, uint* groups) => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetPwUidR")]
    private static int GetPwUidR(uint uid, void* passwd, byte* buffer, int length) => Errno.ENOENT;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetEnv")]
    private static byte* GetEnv(byte* name) => null;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetCwd")]
    private static byte* GetCwd(byte* buffer, int size)
    {
        if (size < 2) { Errno.Fail(Errno.EINVAL); return null; }
        buffer[0] = (byte)'/';
        buffer[1] = 0;
        return buffer;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Abort")]
    private static void Abort() => Panic.Fatal("abort() called by the runtime");

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LogError")]
    private static void LogError(byte* message)
    {
        KernelConsole.Write("[runtime] ");
        WriteCString(message);
        KernelConsole.Write("\n");
    }

    private static void WriteCString(byte* s)
    {
        if (s == null) return;
        int n = 0;
        while (s[n] != 0) n++;
        KernelConsole.WriteUtf8(new System.ReadOnlySpan<byte>(s, n));
    }

    // snprintf with one %s or %d argument (all the BCL asks for: error message formatting).
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SNPrintF_1S")]
    private static int SNPrintF1S(byte* str, int size, byte* format, byte* arg) => Format(str, size, format, arg, 0, true);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SNPrintF_1I")]
    private static int SNPrintF1I(byte* str, int size, byte* format, int arg) => Format(str, size, format, null, arg, false);

    private static int Format(byte* str, int size, byte* format, byte* text, int number, bool isText)
    {
        int n = 0;
        byte* digits = stackalloc byte[12];
        void Put(byte c, byte* dst, int cap, ref int count) { if (count < cap - 1) dst[count] = c; count++; }
        for (byte* f = format; *f != 0; f++)
        {
            if (*f == (byte)'%' && (f[1] == (byte)'s' || f[1] == (byte)'d'))
            {
                f++;
                if (isText) { for (byte* t = text; t != null && *t != 0; t++) Put(*t, str, size, ref n); }
                else
                {
                    long v = number; int d = 0; bool neg = v < 0; if (neg) v = -v;
                    do { digits[d++] = (byte)('0' + v % 10); v /= 10; } while (v != 0);
                    if (neg) Put((byte)'-', str, size, ref n);
                    while (d > 0) Put(digits[--d], str, size, ref n);
                }
                continue;
            }
            Put(*f, str, size, ref n);
        }
        if (size > 0) str[n < size ? n : size - 1] = 0;
        return n;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetCryptographicallySecureRandomBytes")]
    private static int GetSecureRandomBytes(byte* buffer, int length) =>
        (HardwareRandom.SecureSource != null ? HardwareRandom.SecureSource(buffer, length) : HardwareRandom.Fill(buffer, length)) ? 0 : -1;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetNonCryptographicallySecureRandomBytes")]
    private static void GetRandomBytes(byte* buffer, int length) => HardwareRandom.Fill(buffer, length);
}

/// <summary>
/// Random bytes from RDRAND (retried, as Intel's guidance asks) with a TSC-mixing fallback on CPUs
/// without it. The cryptography work puts a ChaCha20 DRBG seeded from RDSEED/RDRAND in front of this.
/// </summary>
public static unsafe class HardwareRandom
{
    private static ulong s_state = 0x9E3779B97F4A7C15;
    private static bool s_hasRdRand;

    /// <summary>
    /// The cryptographic source the kernel installs at boot (its ChaCha20 DRBG over RDSEED/RDRAND); when set,
    /// SystemNative_GetCryptographicallySecureRandomBytes answers from it. Returns false when it has no entropy.
    /// </summary>
    public static delegate*<byte*, int, bool> SecureSource { get; set; }

    /// <summary>Set at boot from CPUID: RDRAND may only be executed where the CPU has it.</summary>
    public static void Configure(bool hasRdRand) => s_hasRdRand = hasRdRand;

    /// <summary>Fills a buffer; false when only the non-cryptographic fallback was available.</summary>
    public static bool Fill(byte* buffer, int length)
    {
        bool hardware = true;
        for (int i = 0; i < length; i += 8)
        {
            ulong value;
            if (!Next(&value)) hardware = false;
            for (int j = 0; j < 8 && i + j < length; j++) buffer[i + j] = (byte)(value >> (8 * j));
        }
        return hardware;
    }

    private static bool Next(ulong* value)
    {
        for (int attempt = 0; s_hasRdRand && attempt < 10; attempt++)
            if (Cpu.RdRand(value)) return true;
        // splitmix64 over the TSC: unpredictable enough for hash seeds, not for keys.
        s_state += 0x9E3779B97F4A7C15 ^ Cpu.ReadTsc();
        ulong z = s_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        *value = z ^ (z >> 31);
        return false;
    }
}
