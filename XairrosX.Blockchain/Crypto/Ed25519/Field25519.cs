using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// An element of GF(2^255 - 19) in four 64-bit limbs, weakly reduced (any value below 2^256).
/// </summary>
/// <remarks>
/// Same scheme as secp256k1's <see cref="FieldElement"/>: 2^256 ≡ 38 here, so carries out of bit 256 fold
/// back as multiples of 38; <see cref="Normalize"/> yields the canonical value for encoding and comparison.
/// The carry helpers are shared with that type.
/// </remarks>
internal readonly struct Field25519
{
    private const ulong Fold = 38;

    public readonly ulong L0, L1, L2, L3;

    public Field25519(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0; L1 = l1; L2 = l2; L3 = l3;
    }

    public static Field25519 Zero => default;

    public static Field25519 One => new(1, 0, 0, 0);

    /// <summary>Reads 32 little-endian bytes ignoring bit 255; false when the 255-bit value is not below p.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes32, out Field25519 value)
    {
        var raw = new Field25519(
            BinaryPrimitives.ReadUInt64LittleEndian(bytes32),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes32.Slice(8)),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes32.Slice(16)),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes32.Slice(24)) & 0x7FFFFFFFFFFFFFFFUL);
        value = raw.Normalize();
        return value.L0 == raw.L0 && value.L1 == raw.L1 && value.L2 == raw.L2 && value.L3 == raw.L3;
    }

    /// <summary>Writes the canonical value as 32 little-endian bytes (bit 255 clear).</summary>
    public void Write(Span<byte> bytes32)
    {
        Field25519 n = Normalize();
        BinaryPrimitives.WriteUInt64LittleEndian(bytes32, n.L0);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes32.Slice(8), n.L1);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes32.Slice(16), n.L2);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes32.Slice(24), n.L3);
    }

    public Field25519 Normalize()
    {
        // Fold bit 255 (2^255 ≡ 19), leaving a value below 2^255 + 19, then subtract p once if needed.
        ulong carry = 0;
        ulong t0 = WideArithmetic.AddCarry(L0, 19 * (L3 >> 63), ref carry);
        ulong t1 = WideArithmetic.AddCarry(L1, 0, ref carry);
        ulong t2 = WideArithmetic.AddCarry(L2, 0, ref carry);
        ulong t3 = WideArithmetic.AddCarry(L3 & 0x7FFFFFFFFFFFFFFFUL, 0, ref carry);
        carry = 0;
        ulong u0 = WideArithmetic.AddCarry(t0, 19, ref carry);
        ulong u1 = WideArithmetic.AddCarry(t1, 0, ref carry);
        ulong u2 = WideArithmetic.AddCarry(t2, 0, ref carry);
        ulong u3 = WideArithmetic.AddCarry(t3, 0, ref carry);
        ulong mask = 0 - (u3 >> 63);
        u3 &= 0x7FFFFFFFFFFFFFFFUL;
        return new Field25519((u0 & mask) | (t0 & ~mask), (u1 & mask) | (t1 & ~mask), (u2 & mask) | (t2 & ~mask), (u3 & mask) | (t3 & ~mask));
    }

    public bool IsZero
    {
        get
        {
            Field25519 n = Normalize();
            return (n.L0 | n.L1 | n.L2 | n.L3) == 0;
        }
    }

    /// <summary>The "sign" of RFC 8032: the low bit of the canonical value.</summary>
    public bool IsNegative => (Normalize().L0 & 1) != 0;

    public static bool Equal(in Field25519 a, in Field25519 b) => Subtract(a, b).IsZero;

    public static Field25519 Add(in Field25519 a, in Field25519 b)
    {
        ulong carry = 0;
        ulong s0 = WideArithmetic.AddCarry(a.L0, b.L0, ref carry);
        ulong s1 = WideArithmetic.AddCarry(a.L1, b.L1, ref carry);
        ulong s2 = WideArithmetic.AddCarry(a.L2, b.L2, ref carry);
        ulong s3 = WideArithmetic.AddCarry(a.L3, b.L3, ref carry);
        return FoldCarry(s0, s1, s2, s3, carry);
    }

    public static Field25519 Subtract(in Field25519 a, in Field25519 b)
    {
        ulong borrow = 0;
        ulong d0 = WideArithmetic.SubBorrow(a.L0, b.L0, ref borrow);
        ulong d1 = WideArithmetic.SubBorrow(a.L1, b.L1, ref borrow);
        ulong d2 = WideArithmetic.SubBorrow(a.L2, b.L2, ref borrow);
        ulong d3 = WideArithmetic.SubBorrow(a.L3, b.L3, ref borrow);
        // A borrow added 2^256 ≡ 38; take it back, at most twice (see FieldElement.Subtract).
        ulong fold = Fold & (0 - borrow);
        borrow = 0;
        d0 = WideArithmetic.SubBorrow(d0, fold, ref borrow);
        d1 = WideArithmetic.SubBorrow(d1, 0, ref borrow);
        d2 = WideArithmetic.SubBorrow(d2, 0, ref borrow);
        d3 = WideArithmetic.SubBorrow(d3, 0, ref borrow);
        d0 -= Fold & (0 - borrow);
        return new Field25519(d0, d1, d2, d3);
    }

    public static Field25519 Negate(in Field25519 a) => Subtract(Zero, a);

    /// <summary>Constant-time select: <paramref name="b"/> when <paramref name="mask"/> is all ones.</summary>
    public static Field25519 Select(ulong mask, in Field25519 a, in Field25519 b) =>
        new((a.L0 & ~mask) | (b.L0 & mask), (a.L1 & ~mask) | (b.L1 & mask), (a.L2 & ~mask) | (b.L2 & mask), (a.L3 & ~mask) | (b.L3 & mask));

    public static Field25519 Multiply(in Field25519 a, in Field25519 b)
    {
        WideArithmetic.MultiplyWide(a.L0, a.L1, a.L2, a.L3, b.L0, b.L1, b.L2, b.L3, out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4, out ulong r5, out ulong r6, out ulong r7);
        return Reduce(r0, r1, r2, r3, r4, r5, r6, r7);
    }

    public static Field25519 Square(in Field25519 a)
    {
        WideArithmetic.SquareWide(a.L0, a.L1, a.L2, a.L3, out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4, out ulong r5, out ulong r6, out ulong r7);
        return Reduce(r0, r1, r2, r3, r4, r5, r6, r7);
    }

    /// <summary>Folds the high half with 2^256 ≡ 38.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Field25519 Reduce(ulong r0, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, ulong r6, ulong r7)
    {
        ulong c = WideArithmetic.MulAdd(r4, Fold, r0, 0, out ulong t0);
        c = WideArithmetic.MulAdd(r5, Fold, r1, c, out ulong t1);
        c = WideArithmetic.MulAdd(r6, Fold, r2, c, out ulong t2);
        c = WideArithmetic.MulAdd(r7, Fold, r3, c, out ulong t3);
        // c < 39, so c · 38 fits in the low limb's carry chain.
        ulong carry = 0;
        t0 = WideArithmetic.AddCarry(t0, c * Fold, ref carry);
        t1 = WideArithmetic.AddCarry(t1, 0, ref carry);
        t2 = WideArithmetic.AddCarry(t2, 0, ref carry);
        t3 = WideArithmetic.AddCarry(t3, 0, ref carry);
        return FoldCarry(t0, t1, t2, t3, carry);
    }

    public static Field25519 SquareTimes(Field25519 a, int count)
    {
        for (int i = 0; i < count; i++) a = Square(a);
        return a;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Field25519 FoldCarry(ulong t0, ulong t1, ulong t2, ulong t3, ulong carry)
    {
        ulong c = 0;
        t0 = WideArithmetic.AddCarry(t0, Fold & (0 - carry), ref c);
        t1 = WideArithmetic.AddCarry(t1, 0, ref c);
        t2 = WideArithmetic.AddCarry(t2, 0, ref c);
        t3 = WideArithmetic.AddCarry(t3, 0, ref c);
        t0 += Fold & (0 - c);
        return new Field25519(t0, t1, t2, t3);
    }

    /// <summary>z^(2^250 - 1), shared by inversion and the square-root exponent.</summary>
    private static Field25519 Ones250(in Field25519 z, out Field25519 z3)
    {
        z3 = Multiply(Square(z), z);
        Field25519 x4 = Multiply(SquareTimes(z3, 2), z3);
        Field25519 x5 = Multiply(Square(x4), z);
        Field25519 x10 = Multiply(SquareTimes(x5, 5), x5);
        Field25519 x20 = Multiply(SquareTimes(x10, 10), x10);
        Field25519 x40 = Multiply(SquareTimes(x20, 20), x20);
        Field25519 x50 = Multiply(SquareTimes(x40, 10), x10);
        Field25519 x100 = Multiply(SquareTimes(x50, 50), x50);
        Field25519 x200 = Multiply(SquareTimes(x100, 100), x100);
        return Multiply(SquareTimes(x200, 50), x50);
    }

    /// <summary>z^(p-2) = z^(32·(2^250 - 1) + 11).</summary>
    public static Field25519 Invert(in Field25519 z)
    {
        Field25519 ones = Ones250(z, out Field25519 z3);
        Field25519 z11 = Multiply(SquareTimes(Square(z), 2), z3);
        return Multiply(SquareTimes(ones, 5), z11);
    }

    /// <summary>z^((p-5)/8) = z^(4·(2^250 - 1) + 1).</summary>
    public static Field25519 PowP58(in Field25519 z) => Multiply(SquareTimes(Ones250(z, out _), 2), z);
}
