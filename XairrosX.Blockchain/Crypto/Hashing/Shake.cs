using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Shake128 extendable-output function (FIPS 202): any output length, read in as many pieces as wanted.</summary>
public struct Shake128
{
    private KeccakSponge _sponge;

    /// <summary>Creates an empty instance.</summary>
    public Shake128() => _sponge = new KeccakSponge(168, 0x1F);

    /// <summary>Writes <c>destination.Length</c> bytes of output for <paramref name="data"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination) => KeccakSponge.Hash(168, 0x1F, data, destination, destination.Length);

    /// <summary>Returns <paramref name="outputLength"/> bytes of output for <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputLength"/> is negative.</exception>
    public static byte[] Hash(ReadOnlySpan<byte> data, int outputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        byte[] output = new byte[outputLength];
        KeccakSponge.Hash(168, 0x1F, data, output, outputLength);
        return output;
    }

    /// <summary>Feeds more input.</summary>
    /// <exception cref="InvalidOperationException">Output was already read; call <see cref="Reset"/> first.</exception>
    public void Append(ReadOnlySpan<byte> data) => _sponge.Absorb(data);

    /// <summary>Reads the next <c>destination.Length</c> bytes of the output stream.</summary>
    public void Squeeze(Span<byte> destination) => _sponge.Squeeze(destination);

    /// <summary>Forgets all input and output.</summary>
    public void Reset() => _sponge.Reset();
}

/// <summary>Shake256 extendable-output function (FIPS 202): any output length, read in as many pieces as wanted.</summary>
public struct Shake256
{
    private KeccakSponge _sponge;

    /// <summary>Creates an empty instance.</summary>
    public Shake256() => _sponge = new KeccakSponge(136, 0x1F);

    /// <summary>Writes <c>destination.Length</c> bytes of output for <paramref name="data"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination) => KeccakSponge.Hash(136, 0x1F, data, destination, destination.Length);

    /// <summary>Returns <paramref name="outputLength"/> bytes of output for <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputLength"/> is negative.</exception>
    public static byte[] Hash(ReadOnlySpan<byte> data, int outputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outputLength);
        byte[] output = new byte[outputLength];
        KeccakSponge.Hash(136, 0x1F, data, output, outputLength);
        return output;
    }

    /// <summary>Feeds more input.</summary>
    /// <exception cref="InvalidOperationException">Output was already read; call <see cref="Reset"/> first.</exception>
    public void Append(ReadOnlySpan<byte> data) => _sponge.Absorb(data);

    /// <summary>Reads the next <c>destination.Length</c> bytes of the output stream.</summary>
    public void Squeeze(Span<byte> destination) => _sponge.Squeeze(destination);

    /// <summary>Forgets all input and output.</summary>
    public void Reset() => _sponge.Reset();
}
