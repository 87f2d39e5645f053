using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// A fixed-output hash that can be fed in pieces. Implemented by structs so generic users
/// (HMAC, HKDF) are specialised per hash and allocate nothing.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
public interface IIncrementalHash<TSelf> where TSelf : struct, IIncrementalHash<TSelf>
{
    /// <summary>Digest length in bytes.</summary>
    static abstract int HashSizeInBytes { get; }

    /// <summary>Internal block length in bytes (what HMAC pads keys to).</summary>
    static abstract int BlockSizeInBytes { get; }

    /// <summary>A fresh, ready-to-use instance (the <c>default</c> value of the struct is not usable).</summary>
    static abstract TSelf Create();

    /// <summary>Feeds more input.</summary>
    void Append(ReadOnlySpan<byte> data);

    /// <summary>Writes the digest of everything appended so far and resets the instance for reuse.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="HashSizeInBytes"/>.</exception>
    void Finish(Span<byte> destination);

    /// <summary>Forgets all input; the instance starts over.</summary>
    void Reset();
}
