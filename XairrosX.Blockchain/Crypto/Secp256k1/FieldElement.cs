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

    /// <summary>From the five limbs of a value of this type, read back from memory (constant-time table scans).</summary>
    internal static FieldElement FromLimbs(ulong w0, ulong w1, ulong w2, ulong w3, ulong w4) => new(w0, w1, w2, w3, w4, false);

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

    // Multiplication: every limb product (below 2^106) is split at bit 52 as it is formed and the halves go into
    // separate 64-bit column sums: no 128-bit addition, no carry flag, and the products are independent, so they
    // overlap in the pipeline. The factors are pre-scaled, x by 2^11 and y by 2 (both still below 2^64), so that
    // the 128-bit product is x·y·2^12: its high word is exactly x·y >> 52 and its low word shifted right by 12 is
    // the low 52 bits of x·y. Bounds under the invariant: a low half is below 2^52, a high half below 2^55, a
    // column sum below 2^58. Columns 4–8 go first so that their digits can fold into columns 0–3 as those form,
    // which keeps few values live at once.

    public static FieldElement Multiply(in FieldElement a, in FieldElement b)
    {
        ulong x0 = a._w0 << 11, x1 = a._w1 << 11, x2 = a._w2 << 11, x3 = a._w3 << 11, x4 = a._w4 << 11;
        ulong y0 = b._w0 << 1, y1 = b._w1 << 1, y2 = b._w2 << 1, y3 = b._w3 << 1, y4 = b._w4 << 1;
        ulong l4 = 0, h4 = 0, l = 0, h = 0;
        Product(x0, y4, ref l4, ref h4); Product(x1, y3, ref l4, ref h4); Product(x2, y2, ref l4, ref h4);
        Product(x3, y1, ref l4, ref h4); Product(x4, y0, ref l4, ref h4);
        Product(x1, y4, ref l, ref h); Product(x2, y3, ref l, ref h); Product(x3, y2, ref l, ref h); Product(x4, y1, ref l, ref h);
        ulong c = 0, hPrevious = h4;
        ulong t5 = NextDigit(ref c, ref l, ref h, ref hPrevious);
        Product(x2, y4, ref l, ref h); Product(x3, y3, ref l, ref h); Product(x4, y2, ref l, ref h);
        ulong t6 = NextDigit(ref c, ref l, ref h, ref hPrevious);
        Product(x3, y4, ref l, ref h); Product(x4, y3, ref l, ref h);
        ulong t7 = NextDigit(ref c, ref l, ref h, ref hPrevious);
        Product(x4, y4, ref l, ref h);
        c = l + hPrevious + (c >> 52);
        ulong t8 = c & M52;
        ulong t9 = h + (c >> 52);

        l = 0; h = 0;
        Product(x0, y0, ref l, ref h);
        AddFolded(t5, ref l, ref h);
        c = 0; hPrevious = 0;
        ulong r0 = NextDigit(ref c, ref l, ref h, ref hPrevious);
        Product(x0, y1, ref l, ref h); Product(x1, y0, ref l, ref h);
        AddFolded(t6, ref l, ref h);
        ulong r1 = NextDigit(ref c, ref l, ref h, ref hPrevious);
        Product(x0, y2, ref l, ref h); Product(x1, y1, ref l, ref h); Product(x2, y0, ref l, ref h);
        AddFolded(t7, ref l, ref h);
        ulong r2 = NextDigit(ref c, ref l, ref h, ref hPrevious);
        Product(x0, y3, ref l, ref h); Product(x1, y2, ref l, ref h); Product(x2, y1, ref l, ref h); Product(x3, y0, ref l, ref h);
        AddFolded(t8, ref l, ref h);
        c = l + hPrevious + (c >> 52);
        ulong r3 = c & M52;
        return Finish(r0, r1, r2, r3, l4 + h + (c >> 52), t9);
    }

    public static FieldElement Square(in FieldElement a)
    {
        // Cross products once, with the second factor doubled (y scaled by 4 instead of 2).
        ulong x0 = a._w0 << 11, x1 = a._w1 << 11, x2 = a._w2 << 11, x3 = a._w3 << 11, x4 = a._w4 << 11;
        ulong y0 = a._w0 << 1, y1 = a._w1 << 1, y2 = a._w2 << 1, y3 = a._w3 << 1, y4 = a._w4 << 1;
        ulong z1 = y1 << 1, z2 = y2 << 1, z3 = y3 << 1, z4 = y4 << 1;
        ulong l4 = 0, h4 = 0, l = 0, h = 0;
        Product(x0, z4, ref l4, ref h4); Product(x1, z3, ref l4, ref h4); Product(x2, y2, ref l4, ref h4);
        Product(x1, z4, ref l, ref h); Product(x2, z3, ref l, ref h);
        ulong c = 0, hPrevious = h4;
        ulong t5 = NextDigit(ref c, ref l, ref h, ref hPrevious);
        Product(x2, z4, ref l, ref h); Product(x3, y3, ref l, ref h);
        ulong t6 = NextDigit(ref c, ref l, ref h, ref hPrevious);
        Product(x3, z4, ref l, ref h);
        ulong t7 = NextDigit(ref c, ref l, ref h, ref hPrevious);
        Product(x4, y4, ref l, ref h);
        c = l + hPrevious + (c >> 52);
        ulong t8 = c & M52;
        ulong t9 = h + (c >> 52);

        l = 0; h = 0;
        Product(x0, y0, ref l, ref h);
        AddFolded(t5, ref l, ref h);
        c = 0; hPrevious = 0;
        ulong r0 = NextDigit(ref c, ref l, ref h, ref hPrevious);
        Product(x0, z1, ref l, ref h);
        AddFolded(t6, ref l, ref h);
        ulong r1 = NextDigit(ref c, ref l, ref h, ref hPrevious);
        Product(x0, z2, ref l, ref h); Product(x1, y1, ref l, ref h);
        AddFolded(t7, ref l, ref h);
        ulong r2 = NextDigit(ref c, ref l, ref h, ref hPrevious);
        Product(x0, z3, ref l, ref h); Product(x1, z2, ref l, ref h);
        AddFolded(t8, ref l, ref h);
        c = l + hPrevious + (c >> 52);
        ulong r3 = c & M52;
        return Finish(r0, r1, r2, r3, l4 + h + (c >> 52), t9);
    }

    /// <summary>
    /// Column 4 (its sum <paramref name="c4"/>, below 2^59) plus t9·2^260: its low 48 bits are limb 4 and the rest,
    /// in units of 2^256, folds into limbs 0–1 times 2^256 mod p; the carry reaches limb 2 by at most one unit
    /// (limb 2 may end at exactly 2^52, inside the invariant).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FieldElement Finish(ulong r0, ulong r1, ulong r2, ulong r3, ulong c4, ulong t9)
    {
        ulong l = 0, h = 0;
        AddFolded(t9, ref l, ref h);
        c4 += l;
        ulong r4 = c4 & M48;
        // Units of 2^256: the bits of column 4 above 48, and h, which has weight 2^260.
        ulong over = (c4 >> 48) + (h << 4);
        l = 0; h = 0;
        Product(over << 6, Fold << 6, ref l, ref h);
        ulong c = r0 + l;
        r0 = c & M52;
        c = r1 + h + (c >> 52);
        r1 = c & M52;
        r2 += c >> 52;
        return new FieldElement(r0, r1, r2, r3, r4, false);
    }

    /// <summary>
    /// Closes a column: adds its low sum, the previous column's high sum and the carry, returns the 52-bit digit and
    /// leaves the carry in <paramref name="carry"/>; the column's high sum becomes the next one's previous, and the
    /// sums restart at zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NextDigit(ref ulong carry, ref ulong low, ref ulong high, ref ulong highPrevious)
    {
        carry = low + highPrevious + (carry >> 52);
        highPrevious = high;
        low = 0;
        high = 0;
        return carry & M52;
    }

    /// <summary>Adds t·(2^260 mod p) to a split column (t below 2^58, so t·2^6 fits in a word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddFolded(ulong t, ref ulong low, ref ulong high) => Product(t << 6, Fold260 << 6, ref low, ref high);

    /// <summary>
    /// Adds a product to a split column, given factors pre-scaled so that their 128-bit product is the wanted
    /// product times 2^12: its low 52 bits to <paramref name="low"/>, the rest to <paramref name="high"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Product(ulong x, ulong y, ref ulong low, ref ulong high)
    {
        low += (x * y) >> 12;
        high += WideArithmetic.MultiplyHigh(x, y);
    }
}
