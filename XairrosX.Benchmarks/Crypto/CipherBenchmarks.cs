using System;
using BenchmarkDotNet.Attributes;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using XairrosX.Blockchain.Crypto;
using Bcl = System.Security.Cryptography;

namespace XairrosX.Benchmarks.Crypto;

[MemoryDiagnoser]
public class AesGcmBenchmarks
{
    private readonly byte[] _key = new byte[32];
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _tag = new byte[16];
    private byte[] _plaintext, _ciphertext, _bouncyOutput;
    private AesGcmCipher _ours;
    private Bcl.AesGcm _bcl;
    private GcmBlockCipher _bouncy;

    [Params(16, 16384)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _plaintext = new byte[Size];
        _ciphertext = new byte[Size];
        _bouncyOutput = new byte[Size + 16];
        _ours = new AesGcmCipher(_key);
        _bcl = new Bcl.AesGcm(_key, 16);
        _bouncy = new GcmBlockCipher(new AesEngine());
    }

    [Benchmark(Baseline = true)]
    public void XairrosX() => _ours.Encrypt(_nonce, _plaintext, _ciphertext, _tag);

    [Benchmark]
    public void SystemSecurityCryptography() => _bcl.Encrypt(_nonce, _plaintext, _ciphertext, _tag);

    [Benchmark]
    public int BouncyCastle()
    {
        // BouncyCastle refuses to encrypt twice under one key and nonce, so each call moves the nonce on.
        _nonce[0]++;
        _bouncy.Init(true, new AeadParameters(new KeyParameter(_key), 128, _nonce));
        int written = _bouncy.ProcessBytes(_plaintext, 0, _plaintext.Length, _bouncyOutput, 0);
        return _bouncy.DoFinal(_bouncyOutput, written);
    }
}

[MemoryDiagnoser]
public class Ed25519Benchmarks
{
    private readonly byte[] _seed = new byte[32];
    private readonly byte[] _publicKey = new byte[32];
    private readonly byte[] _message = new byte[64];
    private readonly byte[] _signature = new byte[64];

    [GlobalSetup]
    public void Setup()
    {
        Ed25519.TryGetPublicKey(_seed, _publicKey);
        Ed25519.TrySign(_seed, _message, _signature);
    }

    [Benchmark(Baseline = true)]
    public bool Verify() => Ed25519.Verify(_publicKey, _message, _signature);

    [Benchmark]
    public bool VerifyBouncyCastle() => Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Verify(_signature, 0, _publicKey, 0, _message, 0, _message.Length);

    [Benchmark]
    public bool Sign() => Ed25519.TrySign(_seed, _message, _signature);

    [Benchmark]
    public void SignBouncyCastle() => Org.BouncyCastle.Math.EC.Rfc8032.Ed25519.Sign(_seed, 0, _message, 0, _message.Length, _signature, 0);
}

[MemoryDiagnoser]
public class ChaCha20Benchmarks
{
    private readonly byte[] _key = new byte[32];
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _data = new byte[16384];
    private readonly byte[] _output = new byte[16384];
    private readonly ChaCha7539Engine _bouncy = new();

    [Benchmark(Baseline = true)]
    public void XairrosX() => ChaCha20.Xor(_key, _nonce, 0, _data, _output);

    [Benchmark]
    public void BouncyCastle()
    {
        _bouncy.Init(true, new ParametersWithIV(new KeyParameter(_key), _nonce));
        _bouncy.ProcessBytes(_data, 0, _data.Length, _output, 0);
    }
}
