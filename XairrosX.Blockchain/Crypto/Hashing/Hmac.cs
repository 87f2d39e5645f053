using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>HMAC (RFC 2104) over any <see cref="IIncrementalHash{TSelf}"/>, e.g. <c>Hmac&lt;Sha256&gt;</c>.</summary>
/// <typeparam name="THash">The underlying hash.</typeparam>
/// <remarks>
/// The keyed inner and outer states are kept after construction, so <see cref="Reset"/> and
/// every further MAC with the same key cost two hash finishes, not four extra blocks (this is what makes PBKDF2 affordable).
/// </remarks>
public struct Hmac<THash> where THash : struct, IIncrementalHash<THash>
{
    private const int MaxBlockSize = 200;

    private THash _inner;
    private THash _outer;
    private THash _innerKeyed;
    private THash _outerKeyed;
    private bool _ready;

    /// <summary>Creates a MAC for <paramref name="key"/> (any length; longer than a block it is hashed first).</summary>
    public Hmac(ReadOnlySpan<byte> key)
    {
        int blockSize = THash.BlockSizeInBytes;
        Span<byte> pad = stackalloc byte[MaxBlockSize];
        pad = pad.Slice(0, blockSize);
        pad.Clear();
        if (key.Length > blockSize)
        {
            THash keyHash = THash.Create();
            keyHash.Append(key);
            keyHash.Finish(pad);
        }
        else
        {
            key.CopyTo(pad);
        }
        for (int i = 0; i < pad.Length; i++) pad[i] ^= 0x36;
        _innerKeyed = THash.Create();
        _innerKeyed.Append(pad);
        for (int i = 0; i < pad.Length; i++) pad[i] ^= 0x36 ^ 0x5C;
        _outerKeyed = THash.Create();
        _outerKeyed.Append(pad);
        pad.Clear();
        _inner = _innerKeyed;
        _outer = _outerKeyed;
        _ready = true;
    }

    /// <summary>MAC length in bytes.</summary>
    public static int MacSizeInBytes => THash.HashSizeInBytes;

    /// <summary>One-shot MAC of <paramref name="data"/> under <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="MacSizeInBytes"/>.</exception>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var mac = new Hmac<THash>(key);
        mac.Append(data);
        mac.Finish(destination);
    }

    /// <summary>One-shot MAC into a new array.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        byte[] result = new byte[THash.HashSizeInBytes];
        Compute(key, data, result);
        return result;
    }

    /// <summary>Feeds more message bytes.</summary>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (!_ready) throw new InvalidOperationException("Construct the HMAC with a key.");
        _inner.Append(data);
    }

    /// <summary>Writes the MAC and resets to the keyed start state.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="MacSizeInBytes"/>.</exception>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Finish(Span<byte> destination)
    {
        if (!_ready) throw new InvalidOperationException("Construct the HMAC with a key.");
        int size = THash.HashSizeInBytes;
        ByteOps.RequireLength(destination, size, nameof(destination));
        Span<byte> innerDigest = stackalloc byte[64];
        innerDigest = innerDigest.Slice(0, size);
        _inner.Finish(innerDigest);
        _outer.Append(innerDigest);
        _outer.Finish(destination);
        Reset();
    }

    /// <summary>Finishes and compares with a received full-length MAC in constant time (truncated MACs are refused).</summary>
    public bool Verify(ReadOnlySpan<byte> expectedMac)
    {
        Span<byte> actual = stackalloc byte[64];
        actual = actual.Slice(0, THash.HashSizeInBytes);
        Finish(actual);
        return ByteOps.FixedTimeEquals(actual, expectedMac);
    }

    /// <summary>Discards message input; the key is kept.</summary>
    public void Reset()
    {
        _inner = _innerKeyed;
        _outer = _outerKeyed;
    }
}
