using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// An element of GF(p), p = 2^256 - 2^32 - 977, in five 52-bit limbs (radix 2^52, the top limb 48 bits).
/// </summary>
/// <remarks>
/// Why 52-bit limbs: the twelve spare bits of each word absorb the carries of additions and of the column sums
/// of a product, so additions need no carry chain and a multiplication sums up to five 106-bit products in a
/// 128-bit accumulator before it carries once per column (no compare-based carry on every partial product).
/// Invariant of every value this type hands out ("weakly normalized"): limbs 0–3 below 2^53, limb 4 below 2^49,
/// value congruent to the element and below 2p; <see cref="Normalize"/> gives the unique representative in [0, p).
/// Every operation keeps the invariant, so callers never track magnitudes. Branch-free on the values.
/// </remarks>
internal readonly struct FieldElement
{
    private const ulong M52 = 0xFFFFFFFFFFFFFUL, M48 = 0xFFFFFFFFFFFFUL;

    /// <summary>2^256 mod p.</summary>
    private const ulong Fold = 0x1000003D1UL;

    /// <summary>2^260 mod p: what a limb of weight 2^260 (the sixth 52-bit column) folds into.</summary>
    private const ulong Fold260 = 0x1000003D10UL;

    // p in radix 2^52.
    private const ulong P0 = 0xFFFFEFFFFFC2FUL, P4 = 0x0FFFFFFFFFFFFUL;

    private readonly ulong _w0, _w1, _w2, _w3, _w4;

    /// <summary>From five limbs already within the invariant.</summary>
    private FieldElement(ulong w0, ulong w1, ulong w2, ulong w3, ulong w4, bool _)
    {
        _w0 = w0; _w1 = w1; _w2 = w2; _w3 = w3; _w4 = w4;
    }

    /// <summary>Any 256-bit number given as four little-endian 64-bit limbs (it may be ≥ p).</summary>
    public FieldElement(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        _w0 = l0 & M52;
        _w1 = ((l0 >> 52) | (l1 << 12)) & M52;
        _w2 = ((l1 >> 40) | (l2 << 24)) & M52;
        _w3 = ((l2 >> 28) | (l3 << 36)) & M52;
        _w4 = l3 >> 16;
    }

    /// <summary>The fully reduced value's 64-bit limbs, least significant first.</summary>
    public ulong L0 => Normalize().Pack(0);

    /// <inheritdoc cref="L0"/>
    public ulong L1 => Normalize().Pack(1);

    /// <inheritdoc cref="L0"/>
    public ulong L2 => Normalize().Pack(2);

    /// <inheritdoc cref="L0"/>
    public ulong L3 => Normalize().Pack(3);

    /// <summary>64-bit limb <paramref name="index"/> of a normalized value.</summary>
    private ulong Pack(int index) => index switch
    {
        0 => _w0 | (_w1 << 52),
        1 => (_w1 >> 12) | (_w2 << 40),
        2 => (_w2 >> 24) | (_w3 << 28),
        _ => (_w3 >> 36) | (_w4 << 16),
    };

    public static FieldElement Zero => default;

    public static FieldElement One => new(1, 0, 0, 0, 0, false);

    /// <summary>p itself (a valid, non-normalized representation of zero).</summary>
    public static FieldElement Prime => new(P0, M52, M52, M52, P4, false);

    /// <summary>Reads 32 big-endian bytes; false (value still set, reduced) when the number is not below p.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes32, out FieldElement value)
    {
        var raw = new FieldElement(
            BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(24)),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(16)),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(8)),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32));
        value = raw.Normalize();
        return ((value._w0 ^ raw._w0) | (value._w1 ^ raw._w1) | (value._w2 ^ raw._w2) | (value._w3 ^ raw._w3) | (value._w4 ^ raw._w4)) == 0;
    }

    /// <summary>Writes the fully reduced value as 32 big-endian bytes.</summary>
    public void Write(Span<byte> bytes32)
    {
        FieldElement n = Normalize();
        BinaryPrimitives.WriteUInt64BigEndian(bytes32, n.Pack(3));
        BinaryPrimitives.WriteUInt64BigEndian(bytes32.Slice(8), n.Pack(2));
        BinaryPrimitives.WriteUInt64BigEndian(bytes32.Slice(16), n.Pack(1));
        BinaryPrimitives.WriteUInt64BigEndian(bytes32.Slice(24), n.Pack(0));
    }

    /// <summary>The unique representative in [0, p), as limbs (limbs 0–3 below 2^52, limb 4 below 2^48).</summary>
    public FieldElement Normalize()
    {
        FieldElement t = Weak(_w0, _w1, _w2, _w3, _w4);
        // Now t < 2^256 + 2^220 < 2p, so one conditional subtraction of p finishes. t ≥ p when it reaches 2^256,
        // or when limbs 1–4 are all ones and limb 0 is at least p's lowest limb.
        ulong allOnes = (ulong)(((t._w1 & t._w2 & t._w3) == M52 && t._w4 == M48) ? 1 : 0);
        ulong subtract = (t._w4 >> 48) | (allOnes & ((t._w0 + Fold) >> 52));
        // t - p = t + Fold - 2^256: add Fold, carry through, and drop bit 256.
        ulong w0 = t._w0 + (Fold & (0 - subtract));
        ulong w1 = t._w1 + (w0 >> 52); w0 &= M52;
        ulong w2 = t._w2 + (w1 >> 52); w1 &= M52;
        ulong w3 = t._w3 + (w2 >> 52); w2 &= M52;
        ulong w4 = t._w4 + (w3 >> 52); w3 &= M52;
        return new FieldElement(w0, w1, w2, w3, w4 & M48, false);
    }

    /// <summary>Carries every limb into the next and folds the bits above 2^256 back in (the invariant's form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Weak(ulong w0, ulong w1, ulong w2, ulong w3, ulong w4)
    {
        w0 += (w4 >> 48) * Fold;
        w4 &= M48;
        w1 += w0 >> 52; w0 &= M52;
        w2 += w1 >> 52; w1 &= M52;
        w3 += w2 >> 52; w2 &= M52;
        w4 += w3 >> 52; w3 &= M52;
        return new FieldElement(w0, w1, w2, w3, w4, false);
    }

    /// <summary>True when the value is 0 mod p (the weakly normalized form of zero is 0 or p).</summary>
    public bool IsZero
    {
        get
        {
            FieldElement t = Weak(_w0, _w1, _w2, _w3, _w4);
            ulong zero = t._w0 | t._w1 | t._w2 | t._w3 | t._w4;
            ulong prime = (t._w0 ^ P0) | (t._w1 ^ M52) | (t._w2 ^ M52) | (t._w3 ^ M52) | (t._w4 ^ P4);
            return (zero == 0) | (prime == 0);
        }
    }

    /// <summary>Parity of the reduced value (the "y is odd" bit of compressed keys).</summary>
    public bool IsOdd => (Normalize()._w0 & 1) != 0;

    public static bool Equal(in FieldElement a, in FieldElement b) => Subtract(a, b).IsZero;

    public static FieldElement Add(in FieldElement a, in FieldElement b) =>
        Weak(a._w0 + b._w0, a._w1 + b._w1, a._w2 + b._w2, a._w3 + b._w3, a._w4 + b._w4);

    /// <summary>a - b as a + 4p - b: 4p's limbs exceed any limb the invariant allows, so no limb goes negative.</summary>
    public static FieldElement Subtract(in FieldElement a, in FieldElement b) =>
        Weak(a._w0 + 4 * P0 - b._w0, a._w1 + 4 * M52 - b._w1, a._w2 + 4 * M52 - b._w2, a._w3 + 4 * M52 - b._w3, a._w4 + 4 * P4 - b._w4);

    public static FieldElement Negate(in FieldElement a) =>
        Weak(4 * P0 - a._w0, 4 * M52 - a._w1, 4 * M52 - a._w2, 4 * M52 - a._w3, 4 * P4 - a._w4);

    public static FieldElement Double(in FieldElement a) =>
        Weak(a._w0 << 1, a._w1 << 1, a._w2 << 1, a._w3 << 1, a._w4 << 1);

    /// <summary>a · b for a small non-negative multiplier (at most 2^10; 3, 4, 8 in the point formulas).</summary>
    public static FieldElement MultiplySmall(in FieldElement a, uint factor) =>
        Weak(a._w0 * factor, a._w1 * factor, a._w2 * factor, a._w3 * factor, a._w4 * factor);

    /// <summary>Constant-time select: <paramref name="b"/> when <paramref name="mask"/> is all ones, else <paramref name="a"/>.</summary>
    public static FieldElement Select(ulong mask, in FieldElement a, in FieldElement b) =>
        new((a._w0 & ~mask) | (b._w0 & mask), (a._w1 & ~mask) | (b._w1 & mask), (a._w2 & ~mask) | (b._w2 & mask),
            (a._w3 & ~mask) | (b._w3 & mask), (a._w4 & ~mask) | (b._w4 & mask), false);

    /// <summary>Squares <paramref name="count"/> times.</summary>
    public static FieldElement SquareTimes(FieldElement a, int count)
    {
        for (int i = 0; i < count; i++) a = Square(a);
        return a;
    }

    // Multiplication: every 106-bit limb product is split at bit 52 as it is formed — its low 52 bits by a plain
    // multiply, its high part as the high word of (x << 6)·(y << 6) — and the two halves are summed into separate
    // 64-bit column accumulators (low[k] for column k, high[k] for column k + 1). No 128-bit addition and no
    // carry flag is needed, and all products are independent, so they overlap in the pipeline. Bounds under the
    // invariant: a low half is below 2^52, a high half below 2^55, a column accumulator below 2^58.

    public static FieldElement Multiply(in FieldElement a, in FieldElement b)
    {
        ulong a0 = a._w0, a1 = a._w1, a2 = a._w2, a3 = a._w3, a4 = a._w4;
        ulong b0 = b._w0, b1 = b._w1, b2 = b._w2, b3 = b._w3, b4 = b._w4;
        ulong s0 = a0 << 6, s1 = a1 << 6, s2 = a2 << 6, s3 = a3 << 6, s4 = a4 << 6;
        ulong u0 = b0 << 6, u1 = b1 << 6, u2 = b2 << 6, u3 = b3 << 6, u4 = b4 << 6;
        ulong l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0, l8 = 0;
        ulong h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0, h7 = 0, h8 = 0;
        Product(a0, s0, b0, u0, ref l0, ref h0);
        Product(a0, s0, b1, u1, ref l1, ref h1); Product(a1, s1, b0, u0, ref l1, ref h1);
        Product(a0, s0, b2, u2, ref l2, ref h2); Product(a1, s1, b1, u1, ref l2, ref h2); Product(a2, s2, b0, u0, ref l2, ref h2);
        Product(a0, s0, b3, u3, ref l3, ref h3); Product(a1, s1, b2, u2, ref l3, ref h3); Product(a2, s2, b1, u1, ref l3, ref h3);
        Product(a3, s3, b0, u0, ref l3, ref h3);
        Product(a0, s0, b4, u4, ref l4, ref h4); Product(a1, s1, b3, u3, ref l4, ref h4); Product(a2, s2, b2, u2, ref l4, ref h4);
        Product(a3, s3, b1, u1, ref l4, ref h4); Product(a4, s4, b0, u0, ref l4, ref h4);
        Product(a1, s1, b4, u4, ref l5, ref h5); Product(a2, s2, b3, u3, ref l5, ref h5); Product(a3, s3, b2, u2, ref l5, ref h5);
        Product(a4, s4, b1, u1, ref l5, ref h5);
        Product(a2, s2, b4, u4, ref l6, ref h6); Product(a3, s3, b3, u3, ref l6, ref h6); Product(a4, s4, b2, u2, ref l6, ref h6);
        Product(a3, s3, b4, u4, ref l7, ref h7); Product(a4, s4, b3, u3, ref l7, ref h7);
        Product(a4, s4, b4, u4, ref l8, ref h8);
        return Reduce(l0, l1, l2, l3, l4, l5, l6, l7, l8, h0, h1, h2, h3, h4, h5, h6, h7, h8);
    }

    public static FieldElement Square(in FieldElement a)
    {
        ulong a0 = a._w0, a1 = a._w1, a2 = a._w2, a3 = a._w3, a4 = a._w4;
        // Cross products once, one factor doubled (below 2^54, so a product stays below 2^107).
        ulong d0 = a0 << 1, d1 = a1 << 1, d2 = a2 << 1, d3 = a3 << 1;
        ulong s0 = a0 << 6, s1 = a1 << 6, s2 = a2 << 6, s3 = a3 << 6, s4 = a4 << 6;
        ulong e0 = d0 << 6, e1 = d1 << 6, e2 = d2 << 6, e3 = d3 << 6;
        ulong l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0, l6 = 0, l7 = 0, l8 = 0;
        ulong h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0, h7 = 0, h8 = 0;
        Product(a0, s0, a0, s0, ref l0, ref h0);
        Product(d0, e0, a1, s1, ref l1, ref h1);
        Product(d0, e0, a2, s2, ref l2, ref h2); Product(a1, s1, a1, s1, ref l2, ref h2);
        Product(d0, e0, a3, s3, ref l3, ref h3); Product(d1, e1, a2, s2, ref l3, ref h3);
        Product(d0, e0, a4, s4, ref l4, ref h4); Product(d1, e1, a3, s3, ref l4, ref h4); Product(a2, s2, a2, s2, ref l4, ref h4);
        Product(d1, e1, a4, s4, ref l5, ref h5); Product(d2, e2, a3, s3, ref l5, ref h5);
        Product(d2, e2, a4, s4, ref l6, ref h6); Product(a3, s3, a3, s3, ref l6, ref h6);
        Product(d3, e3, a4, s4, ref l7, ref h7);
        Product(a4, s4, a4, s4, ref l8, ref h8);
        return Reduce(l0, l1, l2, l3, l4, l5, l6, l7, l8, h0, h1, h2, h3, h4, h5, h6, h7, h8);
    }

    /// <summary>
    /// Turns the split column sums of a product into limbs: columns 5–9 become 52-bit digits t5..t9, which fold into
    /// columns 0–4 times 2^260 mod p; what then sits above 2^256 in column 4 folds into limb 0 times 2^256 mod p,
    /// and its carry reaches limb 2 by at most one unit (limb 2 may end at exactly 2^52, inside the invariant).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Reduce(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5, ulong l6, ulong l7, ulong l8,
        ulong h0, ulong h1, ulong h2, ulong h3, ulong h4, ulong h5, ulong h6, ulong h7, ulong h8)
    {
        const ulong Fold260Shifted = Fold260 << 6;
        ulong x = l5 + h4;
        ulong t5 = x & M52;
        x = l6 + h5 + (x >> 52);
        ulong t6 = x & M52;
        x = l7 + h6 + (x >> 52);
        ulong t7 = x & M52;
        x = l8 + h7 + (x >> 52);
        ulong t8 = x & M52;
        ulong t9 = h8 + (x >> 52);
        ulong f0 = 0, f1 = 0, f2 = 0, f3 = 0, f4 = 0, g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0;
        Product(t5, t5 << 6, Fold260, Fold260Shifted, ref f0, ref g0);
        Product(t6, t6 << 6, Fold260, Fold260Shifted, ref f1, ref g1);
        Product(t7, t7 << 6, Fold260, Fold260Shifted, ref f2, ref g2);
        Product(t8, t8 << 6, Fold260, Fold260Shifted, ref f3, ref g3);
        Product(t9, t9 << 6, Fold260, Fold260Shifted, ref f4, ref g4);
        x = l0 + f0;
        ulong r0 = x & M52;
        x = l1 + h0 + f1 + g0 + (x >> 52);
        ulong r1 = x & M52;
        x = l2 + h1 + f2 + g1 + (x >> 52);
        ulong r2 = x & M52;
        x = l3 + h2 + f3 + g2 + (x >> 52);
        ulong r3 = x & M52;
        x = l4 + h3 + f4 + g3 + (x >> 52);
        ulong r4 = x & M48;
        // Units of 2^256: the bits of column 4 above 48, and g4, which has weight 2^260.
        ulong over = (x >> 48) + (g4 << 4);
        ulong o0 = 0, o1 = 0;
        Product(over, over << 6, Fold, Fold << 6, ref o0, ref o1);
        x = r0 + o0;
        r0 = x & M52;
        x = r1 + o1 + (x >> 52);
        r1 = x & M52;
        r2 += x >> 52;
        return new FieldElement(r0, r1, r2, r3, r4, false);
    }

    /// <summary>
    /// Adds x·y to a split column: its low 52 bits to <paramref name="low"/>, the rest to <paramref name="high"/>.
    /// <paramref name="x6"/> and <paramref name="y6"/> are x and y shifted left by 6 (both below 2^58), so the high
    /// word of their product is exactly x·y / 2^52. MULX gives that word without touching the low one in memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Product(ulong x, ulong x6, ulong y, ulong y6, ref ulong low, ref ulong high)
    {
        low += (x * y) & M52;
        high += Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(x6, y6) : Math.BigMul(x6, y6, out _);
    }
}
