using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Keccak-256 as used by Ethereum: the pre-standard Keccak padding (0x01), not SHA3-256.</summary>
public struct Keccak256 : IIncrementalHash<Keccak256>
{
    private KeccakSponge _sponge;

    /// <summary>Creates an empty hasher.</summary>
    public Keccak256() => _sponge = new KeccakSponge(136, 0x01);

    /// <inheritdoc/>
    public static int HashSizeInBytes => 32;

    /// <inheritdoc/>
    public static int BlockSizeInBytes => 136;

    /// <inheritdoc/>
    public static Keccak256 Create() => new();

    /// <summary>Hashes <paramref name="data"/> into the first 32 bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination) => KeccakSponge.Hash(136, 0x01, data, destination, 32);

    /// <summary>Hashes <paramref name="data"/> into a new 32-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        byte[] digest = new byte[32];
        KeccakSponge.Hash(136, 0x01, data, digest, 32);
        return digest;
    }

    /// <inheritdoc/>
    public void Append(ReadOnlySpan<byte> data) => _sponge.Absorb(data);

    /// <inheritdoc/>
    public void Finish(Span<byte> destination) => _sponge.Finish(destination, 32);

    /// <inheritdoc/>
    public void Reset() => _sponge.Reset();
}

/// <summary>SHA3-256 (FIPS 202).</summary>
public struct Sha3_256 : IIncrementalHash<Sha3_256>
{
    private KeccakSponge _sponge;

    /// <summary>Creates an empty hasher.</summary>
    public Sha3_256() => _sponge = new KeccakSponge(136, 0x06);

    /// <inheritdoc/>
    public static int HashSizeInBytes => 32;

    /// <inheritdoc/>
    public static int BlockSizeInBytes => 136;

    /// <inheritdoc/>
    public static Sha3_256 Create() => new();

    /// <summary>Hashes <paramref name="data"/> into the first 32 bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination) => KeccakSponge.Hash(136, 0x06, data, destination, 32);

    /// <summary>Hashes <paramref name="data"/> into a new 32-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        byte[] digest = new byte[32];
        KeccakSponge.Hash(136, 0x06, data, digest, 32);
        return digest;
    }

    /// <inheritdoc/>
    public void Append(ReadOnlySpan<byte> data) => _sponge.Absorb(data);

    /// <inheritdoc/>
    public void Finish(Span<byte> destination) => _sponge.Finish(destination, 32);

    /// <inheritdoc/>
    public void Reset() => _sponge.Reset();
}

/// <summary>SHA3-512 (FIPS 202).</summary>
public struct Sha3_512 : IIncrementalHash<Sha3_512>
{
    private KeccakSponge _sponge;

    /// <summary>Creates an empty hasher.</summary>
    public Sha3_512() => _sponge = new KeccakSponge(72, 0x06);

    /// <inheritdoc/>
    public static int HashSizeInBytes => 64;

    /// <inheritdoc/>
    public static int BlockSizeInBytes => 72;

    /// <inheritdoc/>
    public static Sha3_512 Create() => new();

    /// <summary>Hashes <paramref name="data"/> into the first 64 bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 64 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination) => KeccakSponge.Hash(72, 0x06, data, destination, 64);

    /// <summary>Hashes <paramref name="data"/> into a new 64-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        byte[] digest = new byte[64];
        KeccakSponge.Hash(72, 0x06, data, digest, 64);
        return digest;
    }

    /// <inheritdoc/>
    public void Append(ReadOnlySpan<byte> data) => _sponge.Absorb(data);

    /// <inheritdoc/>
    public void Finish(Span<byte> destination) => _sponge.Finish(destination, 64);

    /// <inheritdoc/>
    public void Reset() => _sponge.Reset();
}
