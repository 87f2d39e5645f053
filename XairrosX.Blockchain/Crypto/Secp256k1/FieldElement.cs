using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// An element of GF(p), p = 2^256 - 2^32 - 977, in four 64-bit little-endian limbs.
/// </summary>
/// <remarks>
/// Values are kept "weakly reduced": any 256-bit number, congruent to the element, possibly in [p, 2^256).
/// Because 2^256 ≡ 2^32 + 977 (mod p), every carry out of bit 256 folds back in as a multiple of
/// that 33-bit constant, so no operation needs a full reduction; <see cref="Normalize"/> does it
/// before comparisons and serialisation. All arithmetic is branch-free on the values.
/// </remarks>
internal readonly struct FieldElement
{
    /// <summary>2^256 mod p.</summary>
    private const ulong Fold = 0x1000003D1UL;

    public readonly ulong L0, L1, L2, L3;

    public FieldElement(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0; L1 = l1; L2 = l2; L3 = l3;
    }

    public static FieldElement Zero => default;

    public static FieldElement One => new(1, 0, 0, 0);

    /// <summary>p itself, limb order little-endian.</summary>
    public static FieldElement Prime => new(0xFFFFFFFEFFFFFC2FUL, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    /// <summary>Reads 32 big-endian bytes; false (value still set, reduced) when the number is not below p.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes32, out FieldElement value)
    {
        var raw = new FieldElement(
            BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(24)),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(16)),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(8)),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32));
        value = raw.Normalize();
        return value.L0 == raw.L0 && value.L1 == raw.L1 && value.L2 == raw.L2 && value.L3 == raw.L3;
    }

    /// <summary>Writes the fully reduced value as 32 big-endian bytes.</summary>
    public void Write(Span<byte> bytes32)
    {
        FieldElement n = Normalize();
        BinaryPrimitives.WriteUInt64BigEndian(bytes32, n.L3);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32.Slice(8), n.L2);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32.Slice(16), n.L1);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32.Slice(24), n.L0);
    }

    /// <summary>The unique representative in [0, p).</summary>
    public FieldElement Normalize()
    {
        // value >= p exactly when value + (2^256 - p) carries out of 256 bits.
        ulong carry = 0;
        ulong t0 = AddCarry(L0, Fold, ref carry);
        ulong t1 = AddCarry(L1, 0, ref carry);
        ulong t2 = AddCarry(L2, 0, ref carry);
        ulong t3 = AddCarry(L3, 0, ref carry);
        ulong mask = 0 - carry;
        return new FieldElement((t0 & mask) | (L0 & ~mask), (t1 & mask) | (L1 & ~mask), (t2 & mask) | (L2 & ~mask), (t3 & mask) | (L3 & ~mask));
    }

    public bool IsZero
    {
        get
        {
            FieldElement n = Normalize();
            return (n.L0 | n.L1 | n.L2 | n.L3) == 0;
        }
    }

    /// <summary>Parity of the reduced value (the "y is odd" bit of compressed keys).</summary>
    public bool IsOdd => (Normalize().L0 & 1) != 0;

    public static bool Equal(in FieldElement a, in FieldElement b) => Subtract(a, b).IsZero;

    public static FieldElement Add(in FieldElement a, in FieldElement b)
    {
        ulong carry = 0;
        ulong s0 = AddCarry(a.L0, b.L0, ref carry);
        ulong s1 = AddCarry(a.L1, b.L1, ref carry);
        ulong s2 = AddCarry(a.L2, b.L2, ref carry);
        ulong s3 = AddCarry(a.L3, b.L3, ref carry);
        return FoldCarry(s0, s1, s2, s3, carry);
    }

    public static FieldElement Subtract(in FieldElement a, in FieldElement b)
    {
        ulong borrow = 0;
        ulong d0 = SubBorrow(a.L0, b.L0, ref borrow);
        ulong d1 = SubBorrow(a.L1, b.L1, ref borrow);
        ulong d2 = SubBorrow(a.L2, b.L2, ref borrow);
        ulong d3 = SubBorrow(a.L3, b.L3, ref borrow);
        // A borrow means 2^256 was added; take 2^256 mod p back off. That can borrow once more (only when b >= p),
        // and then the value is at least 2^256 - Fold, so the second correction cannot borrow.
        ulong fold = Fold & (0 - borrow);
        borrow = 0;
        d0 = SubBorrow(d0, fold, ref borrow);
        d1 = SubBorrow(d1, 0, ref borrow);
        d2 = SubBorrow(d2, 0, ref borrow);
        d3 = SubBorrow(d3, 0, ref borrow);
        d0 -= Fold & (0 - borrow);
        return new FieldElement(d0, d1, d2, d3);
    }

    public static FieldElement Negate(in FieldElement a) => Subtract(Zero, a);

    public static FieldElement Double(in FieldElement a) => Add(a, a);

    /// <summary>a · b for a small non-negative multiplier (3, 4, 8 in the point formulas).</summary>
    public static FieldElement MultiplySmall(in FieldElement a, uint factor)
    {
        ulong c0 = Math.BigMul(a.L0, factor, out ulong s0);
        ulong c1 = MulAdd(a.L1, factor, c0, 0, out ulong s1);
        ulong c2 = MulAdd(a.L2, factor, c1, 0, out ulong s2);
        ulong top = MulAdd(a.L3, factor, c2, 0, out ulong s3);
        return Reduce(s0, s1, s2, s3, top);
    }

    public static FieldElement Multiply(in FieldElement a, in FieldElement b)
    {
        MultiplyWide(a.L0, a.L1, a.L2, a.L3, b.L0, b.L1, b.L2, b.L3, out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4, out ulong r5, out ulong r6, out ulong r7);
        return Reduce(r0, r1, r2, r3, r4, r5, r6, r7);
    }

    public static FieldElement Square(in FieldElement a)
    {
        SquareWide(a.L0, a.L1, a.L2, a.L3, out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4, out ulong r5, out ulong r6, out ulong r7);
        return Reduce(r0, r1, r2, r3, r4, r5, r6, r7);
    }

    /// <summary>The 512-bit product of two 256-bit numbers (schoolbook; shared by both prime fields and the scalars).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void MultiplyWide(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4, out ulong r5, out ulong r6, out ulong r7)
    {
        ulong carry;
        carry = MulAdd(a0, b0, 0, 0, out r0);
        carry = MulAdd(a0, b1, 0, carry, out r1);
        carry = MulAdd(a0, b2, 0, carry, out r2);
        r4 = MulAdd(a0, b3, 0, carry, out r3);
        carry = MulAdd(a1, b0, r1, 0, out r1);
        carry = MulAdd(a1, b1, r2, carry, out r2);
        carry = MulAdd(a1, b2, r3, carry, out r3);
        r5 = MulAdd(a1, b3, r4, carry, out r4);
        carry = MulAdd(a2, b0, r2, 0, out r2);
        carry = MulAdd(a2, b1, r3, carry, out r3);
        carry = MulAdd(a2, b2, r4, carry, out r4);
        r6 = MulAdd(a2, b3, r5, carry, out r5);
        carry = MulAdd(a3, b0, r3, 0, out r3);
        carry = MulAdd(a3, b1, r4, carry, out r4);
        carry = MulAdd(a3, b2, r5, carry, out r5);
        r7 = MulAdd(a3, b3, r6, carry, out r6);
    }

    /// <summary>The 512-bit square: the six cross products are computed once and doubled, ten multiplications instead of sixteen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SquareWide(ulong a0, ulong a1, ulong a2, ulong a3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4, out ulong r5, out ulong r6, out ulong r7)
    {
        ulong carry = MulAdd(a0, a1, 0, 0, out r1);
        carry = MulAdd(a0, a2, 0, carry, out r2);
        r4 = MulAdd(a0, a3, 0, carry, out r3);
        carry = MulAdd(a1, a2, r3, 0, out r3);
        r5 = MulAdd(a1, a3, r4, carry, out r4);
        r6 = MulAdd(a2, a3, r5, 0, out r5);
        r7 = r6 >> 63;
        r6 = (r6 << 1) | (r5 >> 63);
        r5 = (r5 << 1) | (r4 >> 63);
        r4 = (r4 << 1) | (r3 >> 63);
        r3 = (r3 << 1) | (r2 >> 63);
        r2 = (r2 << 1) | (r1 >> 63);
        r1 <<= 1;
        ulong high = Math.BigMul(a0, a0, out r0);
        carry = 0;
        r1 = AddCarry(r1, high, ref carry);
        high = Math.BigMul(a1, a1, out ulong low);
        r2 = AddCarry(r2, low, ref carry);
        r3 = AddCarry(r3, high, ref carry);
        high = Math.BigMul(a2, a2, out low);
        r4 = AddCarry(r4, low, ref carry);
        r5 = AddCarry(r5, high, ref carry);
        high = Math.BigMul(a3, a3, out low);
        r6 = AddCarry(r6, low, ref carry);
        r7 = AddCarry(r7, high, ref carry);
    }

    /// <summary>Squares <paramref name="count"/> times.</summary>
    public static FieldElement SquareTimes(FieldElement a, int count)
    {
        for (int i = 0; i < count; i++) a = Square(a);
        return a;
    }

    /// <summary>Constant-time select: <paramref name="b"/> when <paramref name="mask"/> is all ones, else <paramref name="a"/>.</summary>
    public static FieldElement Select(ulong mask, in FieldElement a, in FieldElement b) =>
        new((a.L0 & ~mask) | (b.L0 & mask), (a.L1 & ~mask) | (b.L1 & mask), (a.L2 & ~mask) | (b.L2 & mask), (a.L3 & ~mask) | (b.L3 & mask));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Reduce(ulong r0, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, ulong r6, ulong r7)
    {
        // low + high · 2^256 ≡ low + high · Fold; the top limb that results is below 2^34.
        ulong carry = MulAdd(r4, Fold, r0, 0, out ulong t0);
        carry = MulAdd(r5, Fold, r1, carry, out ulong t1);
        carry = MulAdd(r6, Fold, r2, carry, out ulong t2);
        ulong t4 = MulAdd(r7, Fold, r3, carry, out ulong t3);
        return Reduce(t0, t1, t2, t3, t4);
    }

    /// <summary>Folds a fifth limb (small) back into four.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Reduce(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4)
    {
        ulong high = Math.BigMul(t4, Fold, out ulong low);
        ulong carry = 0;
        t0 = AddCarry(t0, low, ref carry);
        t1 = AddCarry(t1, high, ref carry);
        t2 = AddCarry(t2, 0, ref carry);
        t3 = AddCarry(t3, 0, ref carry);
        return FoldCarry(t0, t1, t2, t3, carry);
    }

    /// <summary>Adds carry · 2^256 back as carry · Fold; after a wrap the value is tiny, so one more limb of carry suffices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement FoldCarry(ulong t0, ulong t1, ulong t2, ulong t3, ulong carry)
    {
        ulong c = 0;
        t0 = AddCarry(t0, Fold & (0 - carry), ref c);
        t1 = AddCarry(t1, 0, ref c);
        t2 = AddCarry(t2, 0, ref c);
        t3 = AddCarry(t3, 0, ref c);
        // A second wrap leaves t0 < Fold, so adding Fold again cannot carry.
        t0 += Fold & (0 - c);
        return new FieldElement(t0, t1, t2, t3);
    }

    /// <summary>a · b + x + y as a 128-bit (high, low) pair; cannot overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MulAdd(ulong a, ulong b, ulong x, ulong y, out ulong low)
    {
        ulong high = Math.BigMul(a, b, out ulong l);
        l += x;
        high += l < x ? 1UL : 0UL;
        l += y;
        high += l < y ? 1UL : 0UL;
        low = l;
        return high;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong sum = a + b;
        ulong c1 = sum < a ? 1UL : 0UL;
        ulong result = sum + carry;
        ulong c2 = result < sum ? 1UL : 0UL;
        carry = c1 | c2;
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SubBorrow(ulong a, ulong b, ref ulong borrow)
    {
        ulong difference = a - b;
        ulong b1 = a < b ? 1UL : 0UL;
        ulong result = difference - borrow;
        ulong b2 = difference < borrow ? 1UL : 0UL;
        borrow = b1 | b2;
        return result;
    }
}
