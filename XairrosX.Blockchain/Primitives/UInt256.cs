using System;
using System.Buffers.Binary;

namespace XairrosX.Blockchain.Primitives;

/// <summary>
/// Unsigned 256-bit integer (Ethereum balances, values, fees) in four 64-bit limbs, least
/// significant first. Arithmetic is checked: the Try methods report overflow instead of wrapping,
/// because a wrapped balance is a consensus bug.
/// </summary>
public readonly struct UInt256 : IEquatable<UInt256>, IComparable<UInt256>
{
    private readonly ulong _u0, _u1, _u2, _u3;

    /// <summary>Builds a value from limbs, least significant first.</summary>
    public UInt256(ulong u0, ulong u1 = 0, ulong u2 = 0, ulong u3 = 0)
    {
        _u0 = u0;
        _u1 = u1;
        _u2 = u2;
        _u3 = u3;
    }

    /// <summary>Zero.</summary>
    public static UInt256 Zero => default;

    /// <summary>2^256 - 1.</summary>
    public static UInt256 MaxValue => new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    /// <summary>True for zero.</summary>
    public bool IsZero => (_u0 | _u1 | _u2 | _u3) == 0;

    /// <summary>True if the value fits 64 bits.</summary>
    public bool FitsUInt64 => (_u1 | _u2 | _u3) == 0;

    /// <summary>The low 64 bits.</summary>
    public ulong Low64 => _u0;

    /// <summary>Reads up to 32 big-endian bytes.</summary>
    public static UInt256 FromBigEndian(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 32) throw new ArgumentException("more than 32 bytes", nameof(bytes));
        Span<byte> padded = stackalloc byte[32];
        padded.Clear();
        bytes.CopyTo(padded.Slice(32 - bytes.Length));
        return new UInt256(
            BinaryPrimitives.ReadUInt64BigEndian(padded.Slice(24)),
            BinaryPrimitives.ReadUInt64BigEndian(padded.Slice(16)),
            BinaryPrimitives.ReadUInt64BigEndian(padded.Slice(8)),
            BinaryPrimitives.ReadUInt64BigEndian(padded));
    }

    /// <summary>Writes exactly 32 big-endian bytes.</summary>
    public void WriteBigEndian(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _u3);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(8), _u2);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(16), _u1);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(24), _u0);
    }

    /// <summary>32 big-endian bytes in a new array.</summary>
    public byte[] ToBigEndian()
    {
        byte[] b = new byte[32];
        WriteBigEndian(b);
        return b;
    }

    /// <summary>a + b, false on overflow.</summary>
    public static bool TryAdd(UInt256 a, UInt256 b, out UInt256 sum)
    {
        ulong r0 = a._u0 + b._u0;
        ulong c = r0 < a._u0 ? 1UL : 0;
        ulong r1 = AddCarry(a._u1, b._u1, ref c);
        ulong r2 = AddCarry(a._u2, b._u2, ref c);
        ulong r3 = AddCarry(a._u3, b._u3, ref c);
        sum = new UInt256(r0, r1, r2, r3);
        return c == 0;
    }

    /// <summary>a - b, false if b &gt; a.</summary>
    public static bool TrySubtract(UInt256 a, UInt256 b, out UInt256 difference)
    {
        ulong borrow = 0;
        ulong r0 = SubBorrow(a._u0, b._u0, ref borrow);
        ulong r1 = SubBorrow(a._u1, b._u1, ref borrow);
        ulong r2 = SubBorrow(a._u2, b._u2, ref borrow);
        ulong r3 = SubBorrow(a._u3, b._u3, ref borrow);
        difference = new UInt256(r0, r1, r2, r3);
        return borrow == 0;
    }

    /// <summary>a * b, false on overflow.</summary>
    public static bool TryMultiply(UInt256 a, UInt256 b, out UInt256 product)
    {
        Span<ulong> x = [a._u0, a._u1, a._u2, a._u3];
        Span<ulong> y = [b._u0, b._u1, b._u2, b._u3];
        Span<ulong> r = stackalloc ulong[8];
        r.Clear();
        for (int i = 0; i < 4; i++)
        {
            if (x[i] == 0) continue;
            ulong carry = 0;
            for (int j = 0; j < 4; j++)
            {
                UInt128 t = (UInt128)x[i] * y[j] + r[i + j] + carry;
                r[i + j] = (ulong)t;
                carry = (ulong)(t >> 64);
            }
            r[i + 4] = carry;
        }
        product = new UInt256(r[0], r[1], r[2], r[3]);
        return (r[4] | r[5] | r[6] | r[7]) == 0;
    }

    /// <summary>Checked addition; throws <see cref="OverflowException"/>.</summary>
    public static UInt256 operator +(UInt256 a, UInt256 b) =>
        TryAdd(a, b, out UInt256 r) ? r : throw new OverflowException("uint256 addition overflow");

    /// <summary>Checked subtraction; throws <see cref="OverflowException"/>.</summary>
    public static UInt256 operator -(UInt256 a, UInt256 b) =>
        TrySubtract(a, b, out UInt256 r) ? r : throw new OverflowException("uint256 subtraction underflow");

    /// <summary>Checked multiplication; throws <see cref="OverflowException"/>.</summary>
    public static UInt256 operator *(UInt256 a, UInt256 b) =>
        TryMultiply(a, b, out UInt256 r) ? r : throw new OverflowException("uint256 multiplication overflow");

    /// <summary>Widening conversion.</summary>
    public static implicit operator UInt256(ulong value) => new(value);

    /// <summary>Divides by a small divisor; returns the remainder.</summary>
    public static UInt256 DivRem(UInt256 a, ulong divisor, out ulong remainder)
    {
        if (divisor == 0) throw new DivideByZeroException();
        Span<ulong> limbs = [a._u3, a._u2, a._u1, a._u0];
        UInt128 rem = 0;
        for (int i = 0; i < 4; i++)
        {
            UInt128 cur = (rem << 64) | limbs[i];
            limbs[i] = (ulong)(cur / divisor);
            rem = cur % divisor;
        }
        remainder = (ulong)rem;
        return new UInt256(limbs[3], limbs[2], limbs[1], limbs[0]);
    }

    /// <summary>Parses a decimal string or 0x-prefixed hex.</summary>
    public static UInt256 Parse(string text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            string hex = text.Substring(2);
            if (hex.Length % 2 != 0) hex = "0" + hex;
            return FromBigEndian(Convert.FromHexString(hex));
        }
        UInt256 value = Zero;
        foreach (char ch in text)
        {
            if (ch < '0' || ch > '9') throw new FormatException("not a decimal number");
            value = value * 10UL + (ulong)(ch - '0');
        }
        return value;
    }

    /// <summary>Minimum of two values.</summary>
    public static UInt256 Min(UInt256 a, UInt256 b) => a.CompareTo(b) <= 0 ? a : b;

    /// <inheritdoc/>
    public int CompareTo(UInt256 other)
    {
        if (_u3 != other._u3) return _u3 < other._u3 ? -1 : 1;
        if (_u2 != other._u2) return _u2 < other._u2 ? -1 : 1;
        if (_u1 != other._u1) return _u1 < other._u1 ? -1 : 1;
        if (_u0 != other._u0) return _u0 < other._u0 ? -1 : 1;
        return 0;
    }

    /// <summary>Less than.</summary>
    public static bool operator <(UInt256 a, UInt256 b) => a.CompareTo(b) < 0;

    /// <summary>Greater than.</summary>
    public static bool operator >(UInt256 a, UInt256 b) => a.CompareTo(b) > 0;

    /// <summary>Less than or equal.</summary>
    public static bool operator <=(UInt256 a, UInt256 b) => a.CompareTo(b) <= 0;

    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(UInt256 a, UInt256 b) => a.CompareTo(b) >= 0;

    /// <summary>Equality.</summary>
    public static bool operator ==(UInt256 a, UInt256 b) => a.Equals(b);

    /// <summary>Inequality.</summary>
    public static bool operator !=(UInt256 a, UInt256 b) => !a.Equals(b);

    /// <inheritdoc/>
    public bool Equals(UInt256 other) => _u0 == other._u0 && _u1 == other._u1 && _u2 == other._u2 && _u3 == other._u3;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is UInt256 o && Equals(o);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_u0, _u1, _u2, _u3);

    /// <summary>Decimal representation.</summary>
    public override string ToString()
    {
        if (IsZero) return "0";
        Span<char> digits = stackalloc char[80];
        int at = digits.Length;
        UInt256 v = this;
        while (!v.IsZero)
        {
            v = DivRem(v, 10, out ulong d);
            digits[--at] = (char)('0' + d);
        }
        return new string(digits.Slice(at));
    }

    private static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong s = a + b;
        ulong c1 = s < a ? 1UL : 0;
        ulong r = s + carry;
        ulong c2 = r < s ? 1UL : 0;
        carry = c1 | c2;
        return r;
    }

    private static ulong SubBorrow(ulong a, ulong b, ref ulong borrow)
    {
        ulong d = a - b;
        ulong b1 = a < b ? 1UL : 0;
        ulong r = d - borrow;
        ulong b2 = d < borrow ? 1UL : 0;
        borrow = b1 | b2;
        return r;
    }
}
