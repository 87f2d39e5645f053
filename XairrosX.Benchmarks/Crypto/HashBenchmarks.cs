using System;
using BenchmarkDotNet.Attributes;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using XairrosX.Blockchain.Crypto;
using Bcl = System.Security.Cryptography;

namespace XairrosX.Benchmarks.Crypto;

/// <summary>Shared input sizes: a 32-byte hash (Ethereum/Bitcoin node hashing) and 64 KiB (throughput).</summary>
public abstract class HashBenchmarkBase
{
    protected byte[] Data;
    protected readonly byte[] Output = new byte[64];

    [Params(32, 65536)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Data = new byte[Size];
        new Random(1).NextBytes(Data);
    }

    protected int Reference(IDigest digest)
    {
        digest.BlockUpdate(Data, 0, Data.Length);
        return digest.DoFinal(Output, 0);
    }
}

[MemoryDiagnoser]
public class Keccak256Benchmarks : HashBenchmarkBase
{
    private readonly KeccakDigest _bouncy = new(256);

    [Benchmark(Baseline = true)]
    public void XairrosX() => Keccak256.Hash(Data, Output);

    [Benchmark]
    public int BouncyCastle() => Reference(_bouncy);
}

[MemoryDiagnoser]
public class Sha256Benchmarks : HashBenchmarkBase
{
    private readonly Sha256Digest _bouncy = new();

    [Benchmark(Baseline = true)]
    public void XairrosX() => Sha256.Hash(Data, Output);

    [Benchmark]
    public int SystemSecurityCryptography() => Bcl.SHA256.HashData(Data, Output);

    [Benchmark]
    public int BouncyCastle() => Reference(_bouncy);
}

[MemoryDiagnoser]
public class Sha512Benchmarks : HashBenchmarkBase
{
    private readonly Sha512Digest _bouncy = new();

    [Benchmark(Baseline = true)]
    public void XairrosX() => Sha512.Hash(Data, Output);

    [Benchmark]
    public int SystemSecurityCryptography() => Bcl.SHA512.HashData(Data, Output);

    [Benchmark]
    public int BouncyCastle() => Reference(_bouncy);
}

[MemoryDiagnoser]
public class Sha3_256Benchmarks : HashBenchmarkBase
{
    private readonly Sha3Digest _bouncy = new(256);

    [Benchmark(Baseline = true)]
    public void XairrosX() => Sha3_256.Hash(Data, Output);

    [Benchmark]
    public int SystemSecurityCryptography() => Bcl.SHA3_256.IsSupported ? Bcl.SHA3_256.HashData(Data, Output) : 0;

    [Benchmark]
    public int BouncyCastle() => Reference(_bouncy);
}

[MemoryDiagnoser]
public class Blake2bBenchmarks : HashBenchmarkBase
{
    private readonly Blake2bDigest _bouncy = new(512);

    [Benchmark(Baseline = true)]
    public void XairrosX() => Blake2b.Hash(Data, Output.AsSpan(0, 64));

    [Benchmark]
    public int BouncyCastle() => Reference(_bouncy);
}

[MemoryDiagnoser]
public class Blake2sBenchmarks : HashBenchmarkBase
{
    private readonly Blake2sDigest _bouncy = new(256);

    [Benchmark(Baseline = true)]
    public void XairrosX() => Blake2s.Hash(Data, Output.AsSpan(0, 32));

    [Benchmark]
    public int BouncyCastle() => Reference(_bouncy);
}

[MemoryDiagnoser]
public class Ripemd160Benchmarks : HashBenchmarkBase
{
    private readonly RipeMD160Digest _bouncy = new();

    [Benchmark(Baseline = true)]
    public void XairrosX() => Ripemd160.Hash(Data, Output);

    [Benchmark]
    public int BouncyCastle() => Reference(_bouncy);
}
