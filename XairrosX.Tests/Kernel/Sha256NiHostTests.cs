using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Kernel;

/// <summary>A fact that is skipped, with the reason, when this machine's CPU lacks SHA-NI.</summary>
public sealed class ShaNiFactAttribute : FactAttribute
{
    public ShaNiFactAttribute()
    {
        if (!ShaNiRoutine.HostHasShaNi) Skip = "the host CPU has no SHA-NI (CPUID.7.0:EBX[29] clear): the kernel's sha256_ni.asm cannot run here";
    }
}

/// <summary>
/// The kernel's SHA-NI routine (XairrosX.Kernel/Crypto/sha256_ni.asm), assembled by nasm into a shared object for
/// this process. QEMU's TCG (7.2) does not emulate SHA-NI, so this is where the routine itself is exercised.
/// </summary>
internal static unsafe class ShaNiRoutine
{
    private static readonly Lazy<nint> s_function = new(Build);

    public static bool HostHasShaNi =>
        X86Base.IsSupported && (X86Base.CpuId(7, 0).Ebx & (1 << 29)) != 0 && Sse41.IsSupported && Avx.IsSupported;

    public static delegate* unmanaged<uint*, byte*, nuint, void> Function => (delegate* unmanaged<uint*, byte*, nuint, void>)s_function.Value;

    private static nint Build()
    {
        string source = FindSource();
        string dir = Path.Combine(Path.GetTempPath(), $"xairrosx-shani-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        string obj = Path.Combine(dir, "sha256_ni.o"), lib = Path.Combine(dir, "libsha256ni.so");
        Run("nasm", "-f", "elf64", "-o", obj, source);
        Run("ld", "-shared", "-z", "noexecstack", "-o", lib, obj);
        return NativeLibrary.GetExport(NativeLibrary.Load(lib), "xx_sha256_ni_blocks");
    }

    private static string FindSource()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "XairrosX.Kernel", "Crypto", "sha256_ni.asm");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("XairrosX.Kernel/Crypto/sha256_ni.asm not found above the test directory");
    }

    private static void Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using Process p = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start");
        string errors = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {errors}");
    }
}

public unsafe class Sha256NiHostTests
{
    [ShaNiFact]
    public void BlockFunctionMatchesTheScalarCodeOnRandomStatesAndBlocks()
    {
        var random = new Random(2026);
        uint[] state = new uint[8], expected = new uint[8];
        for (int trial = 0; trial < 2000; trial++)
        {
            int blocks = random.Next(0, 9);
            byte[] data = new byte[64 * blocks];
            random.NextBytes(data);
            for (int i = 0; i < 8; i++) state[i] = expected[i] = (uint)random.NextInt64();
            Sha256Compression.CompressScalar(expected, data);
            fixed (uint* s = state)
            fixed (byte* d = data)
                ShaNiRoutine.Function(s, d, (nuint)blocks);
            Assert.Equal(expected, state);
        }
    }

    [ShaNiFact]
    public void PluggedUnderTheHookEverySha256UserMatchesTheBcl()
    {
        var random = new Random(7);
        byte[] ours = new byte[32];
        // Other tests may hash concurrently; they go through the same (correct) routine while it is plugged in.
        Sha256Compression.AcceleratedBlockFunction = ShaNiRoutine.Function;
        try
        {
            for (int trial = 0; trial < 1000; trial++)
            {
                byte[] data = new byte[random.Next(0, 1000)];
                random.NextBytes(data);
                Sha256.Hash(data, ours);
                Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), ours);
            }
            Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", HexCodec.ToHex(Sha256.Hash("abc"u8)));
        }
        finally
        {
            Sha256Compression.AcceleratedBlockFunction = null;
        }
    }

    [ShaNiFact]
    public void ZeroBlocksLeaveTheStateUntouched()
    {
        uint[] state = [1, 2, 3, 4, 5, 6, 7, 8];
        fixed (uint* s = state) ShaNiRoutine.Function(s, null, 0);
        Assert.Equal([1u, 2, 3, 4, 5, 6, 7, 8], state);
    }
}
