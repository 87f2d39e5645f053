using System;
using System.Buffers.Binary;

namespace XairrosX.Blockchain.Primitives;

/// <summary>A 20-byte Ethereum account address (the last 20 bytes of keccak(public key)).</summary>
public readonly struct Address : IEquatable<Address>
{
    private readonly ulong _a, _b;
    private readonly uint _c;

    /// <summary>Size in bytes.</summary>
    public const int Size = 20;

    /// <summary>Builds an address from exactly 20 bytes.</summary>
    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException("an address is 20 bytes", nameof(bytes));
        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes.Slice(8));
        _c = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(16));
    }

    /// <summary>The zero address.</summary>
    public static Address Zero => default;

    /// <summary>Writes the 20 bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(8), _b);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(16), _c);
    }

    /// <summary>The 20 bytes in a new array.</summary>
    public byte[] ToArray()
    {
        byte[] r = new byte[Size];
        CopyTo(r);
        return r;
    }

    /// <summary>Parses 40 hex digits, 0x prefix optional.</summary>
    public static Address Parse(string hex)
    {
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) hex = hex.Substring(2);
        return new Address(Convert.FromHexString(hex));
    }

    /// <summary>Parses without throwing.</summary>
    public static bool TryParse(string hex, out Address address)
    {
        address = default;
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) hex = hex.Substring(2);
        if (hex.Length != 40) return false;
        try
        {
            address = new Address(Convert.FromHexString(hex));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public bool Equals(Address other) => _a == other._a && _b == other._b && _c == other._c;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Address o && Equals(o);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)(_a ^ (_a >> 32) ^ _c);

    /// <summary>Equality.</summary>
    public static bool operator ==(Address a, Address b) => a.Equals(b);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Address a, Address b) => !a.Equals(b);

    /// <summary>Lower-case hex with 0x prefix.</summary>
    public override string ToString()
    {
        Span<byte> b = stackalloc byte[Size];
        CopyTo(b);
        return "0x" + Convert.ToHexStringLower(b);
    }
}
