using System;
using System.Collections.Generic;
using System.Diagnostics;
using XairrosX.Blockchain.Crypto;
using XairrosX.Kernel.Crypto;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// <c>bench crypto</c>: throughput of the crypto library inside the OS, timed with Stopwatch (the TSC). Each line runs
/// its operation until <see cref="Budget"/> has passed and prints MB/s (hashes: 64 KiB messages; AES-GCM: 16 KiB) or
/// operations per second; the inputs match XairrosX.Benchmarks/Crypto so the host figures compare directly. The
/// loops reuse their buffers: there is no garbage collector yet. Under QEMU TCG the times are emulated.
/// </summary>
internal static class BenchCommand
{
    /// <summary>Minimum measuring time per line.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(300);

    private const int HashSize = 65536, AeadSize = 16384;

    public static IEnumerable<ShellCommand> All() =>
    [
        new("bench", "crypto|irq|ledger", "measure the crypto primitives (MB/s, ops/s), the timer IRQ latency or the ledger (trie, block validation)", Run),
    ];

    private static int Run(ShellContext c, IReadOnlyList<string> args)
    {
        if (args.Count >= 1 && args[0] == "irq") return IrqCommands.Bench(c, args.Count >= 2 ? args[1] : null);
        if (args.Count == 1 && args[0] == "ledger") return LedgerBench.Run(c);
        if (args.Count != 1 || args[0] != "crypto") return c.Error("usage: bench crypto|irq|ledger");
        c.Out.WriteLine($"bench crypto: Stopwatch {Stopwatch.Frequency} Hz, {Budget.TotalMilliseconds:F0} ms per line; {KernelCrypto.Describe()}");
        byte[] message = new byte[HashSize];
        for (int i = 0; i < message.Length; i++) message[i] = (byte)(i * 31 + 7);
        byte[] digest = new byte[64];

        bool shaNi = Sha256Acceleration.Active;
        if (Sha256Acceleration.Available)
        {
            Sha256Acceleration.SetActive(true);
            Report(c, "sha256 (sha-ni)", Throughput(() => Sha256.Hash(message, digest), HashSize));
        }
        else c.Out.WriteLine($"{"sha256 (sha-ni)",-22} n/a (CPU has no SHA-NI)");
        Sha256Acceleration.SetActive(false);
        Report(c, "sha256 (scalar)", Throughput(() => Sha256.Hash(message, digest), HashSize));
        Sha256Acceleration.SetActive(shaNi);
        Report(c, "sha512", Throughput(() => Sha512.Hash(message, digest), HashSize));
        Report(c, "keccak256", Throughput(() => Keccak256.Hash(message, digest), HashSize));
        Report(c, "blake2b", Throughput(() => Blake2b.Hash(message, digest), HashSize));

        byte[] key = new byte[32], nonce = new byte[12], tag = new byte[16];
        byte[] plaintext = new byte[AeadSize], ciphertext = new byte[AeadSize];
        var gcm = new AesGcmCipher(key);
        string aesPath = System.Runtime.Intrinsics.X86.Aes.IsSupported ? "aes-ni" : "software";
        Report(c, $"aes-256-gcm ({aesPath})", Throughput(() => gcm.Encrypt(nonce, plaintext, ciphertext, tag), AeadSize));

        byte[] secret = HexCodec.Parse("b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfef");
        byte[] hash = Sha256.Hash("benchmark"u8);
        byte[] signature = new byte[64], schnorr = new byte[64], xOnly = new byte[32], aux = new byte[32];
        Secp256k1PublicKey.TryCreate(secret, out Secp256k1PublicKey publicKey);
        Secp256k1Ecdsa.TrySign(secret, hash, signature, out _);
        Bip340Schnorr.TrySign(secret, hash, aux, schnorr);
        Bip340Schnorr.TryGetPublicKey(secret, xOnly);
        Report(c, "ecdsa sign", Operations(() => Secp256k1Ecdsa.TrySign(secret, hash, signature, out _)));
        Report(c, "ecdsa verify", Operations(() => Secp256k1Ecdsa.Verify(publicKey, hash, signature)));
        Report(c, "schnorr verify", Operations(() => Bip340Schnorr.Verify(xOnly, hash, schnorr)));
        return 0;
    }

    private readonly record struct Measurement(double Rate, string Unit, long Iterations, double Seconds);

    private static Measurement Throughput(Action operation, int bytesPerOperation)
    {
        (long n, double seconds) = Time(operation);
        return new Measurement(n * (double)bytesPerOperation / seconds / 1e6, "MB/s", n, seconds);
    }

    private static Measurement Operations(Action operation)
    {
        (long n, double seconds) = Time(operation);
        return new Measurement(n / seconds, "ops/s", n, seconds);
    }

    // Doubling batches keep the Stopwatch reads out of the measured loop.
    private static (long Iterations, double Seconds) Time(Action operation)
    {
        operation();
        long total = 0, batch = 1;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Budget)
        {
            for (long i = 0; i < batch; i++) operation();
            total += batch;
            batch *= 2;
        }
        return (total, watch.Elapsed.TotalSeconds);
    }

    private static void Report(ShellContext c, string name, Measurement m) =>
        c.Out.WriteLine($"{name,-22} {m.Rate,12:F1} {m.Unit}  ({m.Iterations} in {m.Seconds:F3} s)");
}
