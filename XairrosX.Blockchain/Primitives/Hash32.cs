using System;
using System.Buffers.Binary;

namespace XairrosX.Blockchain.Primitives;

/// <summary>
/// A 32-byte hash held in four machine words, so it can be a dictionary key and compared
/// without allocation. Byte order is the hash's own order (byte 0 first).
/// </summary>
public readonly struct Hash32 : IEquatable<Hash32>
{
    private readonly ulong _a, _b, _c, _d;

    /// <summary>Size of the hash in bytes.</summary>
    public const int Size = 32;

    /// <summary>Builds a hash from exactly 32 bytes.</summary>
    public Hash32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException("a hash is 32 bytes", nameof(bytes));
        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(8));
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(16));
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(24));
    }

    /// <summary>The all-zero hash.</summary>
    public static Hash32 Zero => default;

    /// <summary>Writes the 32 bytes into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(8), _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(16), _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(24), _d);
    }

    /// <summary>The 32 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        byte[] bytes = new byte[Size];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Parses 64 hex digits, with or without a 0x prefix.</summary>
    public static Hash32 Parse(string hex)
    {
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) hex = hex.Substring(2);
        return new Hash32(Convert.FromHexString(hex));
    }

    /// <inheritdoc/>
    public bool Equals(Hash32 other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Hash32 h && Equals(h);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)(_a ^ (_a >> 32) ^ _d);

    /// <summary>Equality.</summary>
    public static bool operator ==(Hash32 left, Hash32 right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Hash32 left, Hash32 right) => !left.Equals(right);

    /// <summary>Lower-case hex with a 0x prefix.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        return "0x" + Convert.ToHexStringLower(bytes);
    }
}
