using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NBitcoin.Secp256k1;
using XairrosX.Blockchain.Crypto;
using XairrosX.Tests.Blockchain.Crypto;

namespace XairrosX.Benchmarks.Crypto;

/// <summary>
/// ECDSA verify, sign and public-key recovery against native libsecp256k1 (Debian's libsecp256k1-1, through the P/Invoke wrapper of the
/// tests, linked in) and NBitcoin.Secp256k1 (its C# port). XairrosX is the baseline of each category; the issue's
/// target is verify ≤ 1.5× libsecp256k1's time, i.e. a libsecp256k1 ratio of at least 0.67.
/// Keys and signatures are parsed in setup on every side, so each benchmark times one operation.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NativeSecp256k1Benchmarks
{
    private readonly byte[] _secret = HexCodec.Parse("b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfef");
    private readonly byte[] _hash = Sha256.Hash("native benchmark"u8);
    private readonly byte[] _signature = new byte[64];
    private readonly byte[] _output = new byte[64];
    private readonly byte[] _recovered = new byte[33];
    private int _recoveryId;
    private Secp256k1PublicKey _publicKey;
    private LibSecp256k1.ParsedPublicKey _nativePublic;
    private ECPrivKey _theirSecret;
    private ECPubKey _theirPublic;
    private SecpECDSASignature _theirSignature;

    [GlobalSetup]
    public void Setup()
    {
        if (!LibSecp256k1.IsInstalled) throw new System.InvalidOperationException("apt-get install libsecp256k1-1 first");
        Secp256k1PublicKey.TryCreate(_secret, out _publicKey);
        Secp256k1Ecdsa.TrySign(_secret, _hash, _signature, out _recoveryId);
        LibSecp256k1.TryParsePublicKey(_publicKey.ToCompressed(), out _nativePublic);
        _theirSecret = ECPrivKey.Create(_secret);
        _theirPublic = _theirSecret.CreatePubKey();
        _theirSignature = _theirSecret.SignECDSARFC6979(_hash);
        // The three must agree, or the timings compare different work.
        if (!Secp256k1Ecdsa.Verify(_publicKey, _hash, _signature) || !LibSecp256k1.Verify(_nativePublic, _hash, _signature)
            || !_theirPublic.SigVerify(_theirSignature, _hash) || !LibSecp256k1.TryRecover(_hash, _signature, _recoveryId, _recovered)
            || !_recovered.AsSpan().SequenceEqual(_publicKey.ToCompressed()))
            throw new System.InvalidOperationException("the benchmark signature does not verify everywhere");
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Verify")]
    public bool VerifyXairrosX() => Secp256k1Ecdsa.Verify(_publicKey, _hash, _signature);

    [Benchmark, BenchmarkCategory("Verify")]
    public bool VerifyLibSecp256k1() => LibSecp256k1.Verify(_nativePublic, _hash, _signature);

    [Benchmark, BenchmarkCategory("Verify")]
    public bool VerifyNBitcoin() => _theirPublic.SigVerify(_theirSignature, _hash);

    [Benchmark(Baseline = true), BenchmarkCategory("Recover")]
    public bool RecoverXairrosX() => Secp256k1Ecdsa.TryRecover(_hash, _signature, _recoveryId, out _);

    [Benchmark, BenchmarkCategory("Recover")]
    public bool RecoverLibSecp256k1() => LibSecp256k1.TryRecover(_hash, _signature, _recoveryId, _recovered);

    [Benchmark(Baseline = true), BenchmarkCategory("Sign")]
    public bool SignXairrosX() => Secp256k1Ecdsa.TrySign(_secret, _hash, _output, out _);

    [Benchmark, BenchmarkCategory("Sign")]
    public bool SignLibSecp256k1() => LibSecp256k1.TrySign(_secret, _hash, _output);

    [Benchmark, BenchmarkCategory("Sign")]
    public SecpECDSASignature SignNBitcoin() => _theirSecret.SignECDSARFC6979(_hash);
}
