using BenchmarkDotNet.Attributes;
using NBitcoin.Secp256k1;
using XairrosX.Blockchain.Crypto;

namespace XairrosX.Benchmarks.Crypto;

/// <summary>ECDSA and BIP-340 against NBitcoin.Secp256k1 (a C# port of libsecp256k1).</summary>
[MemoryDiagnoser]
public class Secp256k1Benchmarks
{
    private readonly byte[] _secret = HexCodec.Parse("b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfef");
    private readonly byte[] _hash = Sha256.Hash("benchmark"u8);
    private readonly byte[] _signature = new byte[64];
    private readonly byte[] _schnorr = new byte[64];
    private readonly byte[] _xOnly = new byte[32];
    private readonly byte[] _aux = new byte[32];
    private Secp256k1PublicKey _publicKey;
    private ECPrivKey _theirSecret;
    private ECPubKey _theirPublic;
    private SecpECDSASignature _theirSignature;
    private ECXOnlyPubKey _theirXOnly;
    private SecpSchnorrSignature _theirSchnorr;

    [GlobalSetup]
    public void Setup()
    {
        Secp256k1PublicKey.TryCreate(_secret, out _publicKey);
        Secp256k1Ecdsa.TrySign(_secret, _hash, _signature, out _);
        Bip340Schnorr.TrySign(_secret, _hash, _aux, _schnorr);
        Bip340Schnorr.TryGetPublicKey(_secret, _xOnly);
        _theirSecret = ECPrivKey.Create(_secret);
        _theirPublic = _theirSecret.CreatePubKey();
        _theirSignature = _theirSecret.SignECDSARFC6979(_hash);
        _theirXOnly = _theirSecret.CreateXOnlyPubKey();
        _theirSchnorr = _theirSecret.SignBIP340(_hash, _aux);
    }

    [Benchmark(Baseline = true)]
    public bool EcdsaVerify() => Secp256k1Ecdsa.Verify(_publicKey, _hash, _signature);

    [Benchmark]
    public bool EcdsaVerifyNBitcoin() => _theirPublic.SigVerify(_theirSignature, _hash);

    [Benchmark]
    public bool EcdsaSign() => Secp256k1Ecdsa.TrySign(_secret, _hash, _signature, out _);

    [Benchmark]
    public SecpECDSASignature EcdsaSignNBitcoin() => _theirSecret.SignECDSARFC6979(_hash);

    [Benchmark]
    public bool Recover() => Secp256k1Ecdsa.TryRecover(_hash, _signature, 0, out _);

    [Benchmark]
    public bool SchnorrVerify() => Bip340Schnorr.Verify(_xOnly, _hash, _schnorr);

    [Benchmark]
    public bool SchnorrVerifyNBitcoin() => _theirXOnly.SigVerifyBIP340(_theirSchnorr, _hash);
}
