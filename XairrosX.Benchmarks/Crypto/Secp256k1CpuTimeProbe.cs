using System;
using System.Diagnostics;
using XairrosX.Benchmarks.Ledger;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Tests.Blockchain.Crypto;

using XairrosX.Kernel.Ledger;

namespace XairrosX.Benchmarks.Crypto;

/// <summary>
/// secp256k1 and block validation in process CPU time, best of 7 rounds, ours and native libsecp256k1 interleaved
/// in one process: on the shared, loaded build machine BenchmarkDotNet's wall-clock figures swing by 2–3×,
/// CPU time much less. Run: <c>dotnet run -c Release --project XairrosX.Benchmarks -- secp256k1-cputime</c>.
/// </summary>
public static class Secp256k1CpuTimeProbe
{
    private static double BestMicroseconds(Action action, int repetitions)
    {
        for (int i = 0; i < Math.Max(3, repetitions / 10); i++) action();
        double best = double.MaxValue;
        for (int round = 0; round < 7; round++)
        {
            TimeSpan start = Process.GetCurrentProcess().TotalProcessorTime;
            for (int i = 0; i < repetitions; i++) action();
            best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - start).TotalMicroseconds / repetitions);
        }
        return best;
    }

    private static void Report(string what, double ours, double reference, string referenceName, string unit = "us") =>
        Console.WriteLine($"{what}: XairrosX {ours:F1} {unit}, {referenceName} {reference:F1} {unit}, ratio {ours / reference:F2}");

    public static void Run()
    {
        byte[] secret = HexCodec.Parse("b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfef");
        byte[] hash = Sha256.Hash("native benchmark"u8);
        byte[] signature = new byte[64], output = new byte[64], recovered = new byte[33];
        Secp256k1PublicKey.TryCreate(secret, out Secp256k1PublicKey publicKey);
        Secp256k1Ecdsa.TrySign(secret, hash, signature, out int recoveryId);
        if (LibSecp256k1.IsInstalled && LibSecp256k1.TryParsePublicKey(publicKey.ToCompressed(), out LibSecp256k1.ParsedPublicKey nativeKey))
        {
            Report("ECDSA verify", BestMicroseconds(() => Secp256k1Ecdsa.Verify(publicKey, hash, signature), 4000),
                BestMicroseconds(() => LibSecp256k1.Verify(nativeKey, hash, signature), 4000), "libsecp256k1");
            Report("ECDSA sign", BestMicroseconds(() => Secp256k1Ecdsa.TrySign(secret, hash, output, out _), 4000),
                BestMicroseconds(() => LibSecp256k1.TrySign(secret, hash, output), 4000), "libsecp256k1");
            Report("ECDSA recover", BestMicroseconds(() => Secp256k1Ecdsa.TryRecover(hash, signature, recoveryId, out _), 4000),
                BestMicroseconds(() => LibSecp256k1.TryRecover(hash, signature, recoveryId, recovered), 4000), "libsecp256k1");
        }
        else
        {
            Console.WriteLine("libsecp256k1 not installed (apt-get install -y libsecp256k1-1): native figures skipped");
        }
        var (genesis, state, block) = LedgerFixtures.TransferBlock(1000);
        EthChainConfig config = new() { ChainId = LedgerFixtures.ChainId };
        var ours = new EthBlockProcessor(config, Secp256k1Recovery.Instance);
        var reference = new EthBlockProcessor(config, NBitcoinRecovery.Instance);
        Report("validate 1,000-transfer block",
            BestMicroseconds(() => ours.TryValidateBlock(genesis, state, EthBlock.Decode(block), out _, out _), 5) / 1000,
            BestMicroseconds(() => reference.TryValidateBlock(genesis, state, EthBlock.Decode(block), out _, out _), 5) / 1000,
            "NBitcoin.Secp256k1 recovery", "ms");
        EthBlock decoded = EthBlock.Decode(block);
        ours.TryValidateBlock(genesis, state, decoded, out _, out _);
        Console.WriteLine($"  of which without sender recovery (senders cached): {BestMicroseconds(() => ours.TryValidateBlock(genesis, state, decoded, out _, out _), 10) / 1000:F1} ms; " +
            $"decoding the block: {BestMicroseconds(() => EthBlock.Decode(block), 20) / 1000:F2} ms");
    }
}
