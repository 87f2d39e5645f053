using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// An integer modulo the group order n of secp256k1, always fully reduced, four 64-bit limbs.
/// </summary>
/// <remarks>
/// Products are reduced with 2^256 ≡ 2^256 - n (a 129-bit constant): three folds take 512 bits
/// down to 257, then one conditional subtraction. Branch-free on the values.
/// </remarks>
internal readonly struct Scalar
{
    // n = FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFE BAAEDCE6 AF48A03B BFD25E8C D0364141
    private const ulong N0 = 0xBFD25E8CD0364141UL, N1 = 0xBAAEDCE6AF48A03BUL, N2 = 0xFFFFFFFFFFFFFFFEUL, N3 = 0xFFFFFFFFFFFFFFFFUL;

    // 2^256 - n
    private const ulong C0 = 0x402DA1732FC9BEBFUL, C1 = 0x4551231950B75FC4UL;

    // floor(n / 2)
    private const ulong H0 = 0xDFE92F46681B20A0UL, H1 = 0x5D576E7357A4501DUL, H2 = 0xFFFFFFFFFFFFFFFFUL, H3 = 0x7FFFFFFFFFFFFFFFUL;

    public readonly ulong L0, L1, L2, L3;

    public Scalar(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0; L1 = l1; L2 = l2; L3 = l3;
    }

    public static Scalar Zero => default;

    public static Scalar One => new(1, 0, 0, 0);

    /// <summary>Reads 32 big-endian bytes reduced mod n; <paramref name="overflowed"/> tells whether the number was ≥ n.</summary>
    public static Scalar Read(ReadOnlySpan<byte> bytes32, out bool overflowed)
    {
        ulong l3 = BinaryPrimitives.ReadUInt64BigEndian(bytes32);
        ulong l2 = BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(8));
        ulong l1 = BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(16));
        ulong l0 = BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(24));
        ulong overflow = ReduceOnce(ref l0, ref l1, ref l2, ref l3, 0);
        overflowed = overflow != 0;
        return new Scalar(l0, l1, l2, l3);
    }

    /// <summary>bits2int for ECDSA: the leftmost 256 bits of a hash (shorter hashes are right-aligned), reduced mod n.</summary>
    public static Scalar FromHash(ReadOnlySpan<byte> hash)
    {
        Span<byte> buffer = stackalloc byte[32];
        buffer.Clear();
        if (hash.Length >= 32) hash.Slice(0, 32).CopyTo(buffer);
        else hash.CopyTo(buffer.Slice(32 - hash.Length));
        return Read(buffer, out _);
    }

    public void Write(Span<byte> bytes32)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bytes32, L3);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32.Slice(8), L2);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32.Slice(16), L1);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32.Slice(24), L0);
    }

    public bool IsZero => (L0 | L1 | L2 | L3) == 0;

    public bool IsOdd => (L0 & 1) != 0;

    /// <summary>True when the value exceeds n/2 (the "high S" that BIP-62/146 forbid).</summary>
    public bool IsHigh
    {
        get
        {
            ulong borrow = 0;
            WideArithmetic.SubBorrow(H0, L0, ref borrow);
            WideArithmetic.SubBorrow(H1, L1, ref borrow);
            WideArithmetic.SubBorrow(H2, L2, ref borrow);
            WideArithmetic.SubBorrow(H3, L3, ref borrow);
            return borrow != 0;
        }
    }

    public static bool Equal(in Scalar a, in Scalar b) => ((a.L0 ^ b.L0) | (a.L1 ^ b.L1) | (a.L2 ^ b.L2) | (a.L3 ^ b.L3)) == 0;

    public static Scalar Add(in Scalar a, in Scalar b)
    {
        ulong carry = 0;
        ulong s0 = WideArithmetic.AddCarry(a.L0, b.L0, ref carry);
        ulong s1 = WideArithmetic.AddCarry(a.L1, b.L1, ref carry);
        ulong s2 = WideArithmetic.AddCarry(a.L2, b.L2, ref carry);
        ulong s3 = WideArithmetic.AddCarry(a.L3, b.L3, ref carry);
        ReduceOnce(ref s0, ref s1, ref s2, ref s3, carry);
        return new Scalar(s0, s1, s2, s3);
    }

    public static Scalar Negate(in Scalar a)
    {
        ulong borrow = 0;
        ulong d0 = WideArithmetic.SubBorrow(N0, a.L0, ref borrow);
        ulong d1 = WideArithmetic.SubBorrow(N1, a.L1, ref borrow);
        ulong d2 = WideArithmetic.SubBorrow(N2, a.L2, ref borrow);
        ulong d3 = WideArithmetic.SubBorrow(N3, a.L3, ref borrow);
        ulong nonZero = a.IsZero ? 0UL : ulong.MaxValue;
        return new Scalar(d0 & nonZero, d1 & nonZero, d2 & nonZero, d3 & nonZero);
    }

    /// <summary>Constant-time select: <paramref name="b"/> when <paramref name="mask"/> is all ones, else <paramref name="a"/>.</summary>
    public static Scalar Select(ulong mask, in Scalar a, in Scalar b) =>
        new((a.L0 & ~mask) | (b.L0 & mask), (a.L1 & ~mask) | (b.L1 & mask), (a.L2 & ~mask) | (b.L2 & mask), (a.L3 & ~mask) | (b.L3 & mask));

    public static Scalar Multiply(in Scalar a, in Scalar b)
    {
        WideArithmetic.MultiplyWide(a.L0, a.L1, a.L2, a.L3, b.L0, b.L1, b.L2, b.L3, out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4, out ulong r5, out ulong r6, out ulong r7);
        return Reduce512(r0, r1, r2, r3, r4, r5, r6, r7);
    }

    public static Scalar Square(in Scalar a)
    {
        WideArithmetic.SquareWide(a.L0, a.L1, a.L2, a.L3, out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4, out ulong r5, out ulong r6, out ulong r7);
        return Reduce512(r0, r1, r2, r3, r4, r5, r6, r7);
    }

    /// <summary>
    /// Splits k into (k1, k2) with k ≡ k1 + k2·λ (mod n), where λ is the cube root of unity with λ·(x, y) = (β·x, y).
    /// Each part is below 2^128 in absolute value, i.e. either it or n minus it fits in 128 bits (GLV method; constants
    /// as in libsecp256k1: c1 = round(k·g1 / 2^384), c2 = round(k·g2 / 2^384), k2 = c1·(-b1) + c2·(-b2), k1 = k - k2·λ).
    /// </summary>
    public static void SplitLambda(in Scalar k, out Scalar k1, out Scalar k2)
    {
        var g1 = new Scalar(0xE893209A45DBB031UL, 0x3DAA8A1471E8CA7FUL, 0xE86C90E49284EB15UL, 0x3086D221A7D46BCDUL);
        var g2 = new Scalar(0x1571B4AE8AC47F71UL, 0x221208AC9DF506C6UL, 0x6F547FA90ABFE4C4UL, 0xE4437ED6010E8828UL);
        var minusB1 = new Scalar(0x6F547FA90ABFE4C3UL, 0xE4437ED6010E8828UL, 0, 0);
        var minusB2 = new Scalar(0xD765CDA83DB1562CUL, 0x8A280AC50774346DUL, 0xFFFFFFFFFFFFFFFEUL, 0xFFFFFFFFFFFFFFFFUL);
        var minusLambda = new Scalar(0xE0CFC810B51283CFUL, 0xA880B9FC8EC739C2UL, 0x5AD9E3FD77ED9BA4UL, 0xAC9C52B33FA3CF1FUL);
        Scalar c1 = MultiplyShift384(k, g1);
        Scalar c2 = MultiplyShift384(k, g2);
        k2 = Add(Multiply(c1, minusB1), Multiply(c2, minusB2));
        k1 = Add(Multiply(k2, minusLambda), k);
    }

    /// <summary>round(a·b / 2^384) for the GLV split (at most 128 bits for the constants used).</summary>
    private static Scalar MultiplyShift384(in Scalar a, in Scalar b)
    {
        WideArithmetic.MultiplyWide(a.L0, a.L1, a.L2, a.L3, b.L0, b.L1, b.L2, b.L3,
            out _, out _, out _, out _, out _, out ulong r5, out ulong r6, out ulong r7);
        ulong c = 0;
        ulong low = WideArithmetic.AddCarry(r6, r5 >> 63, ref c);
        return new Scalar(low, r7 + c, 0, 0);
    }

    /// <summary>1/a by Fermat (a^(n-2)) with a fixed 4-bit window: the exponent is public, so the schedule is fixed.</summary>
    public static Scalar Invert(in Scalar a)
    {
        Span<Scalar> powers = stackalloc Scalar[16];
        powers[0] = One;
        for (int i = 1; i < 16; i++) powers[i] = Multiply(powers[i - 1], a);
        // n - 2, most significant limb first.
        ReadOnlySpan<ulong> exponent = [N3, N2, N1, N0 - 2];
        Scalar result = One;
        for (int limb = 0; limb < 4; limb++)
        {
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                for (int k = 0; k < 4; k++) result = Square(result);
                result = Multiply(result, powers[(int)((exponent[limb] >> shift) & 0xF)]);
            }
        }
        return result;
    }

    /// <summary>Reduces a 512-bit product: L + H·C, twice more on the overflow, then a final subtraction of n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Scalar Reduce512(ulong r0, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, ulong r6, ulong r7)
    {
        // m = r[0..3] + r[4..7]·(C0 + C1·2^64 + 2^128): at most 386 bits, limbs m0..m6.
        MulAccumulate(r4, r5, r6, r7, r0, r1, r2, r3, 0, 0, 0,
            out ulong m0, out ulong m1, out ulong m2, out ulong m3, out ulong m4, out ulong m5, out ulong m6);
        // p = m[0..3] + m[4..6]·C: at most 260 bits, limbs p0..p4.
        MulAccumulate(m4, m5, m6, 0, m0, m1, m2, m3, 0, 0, 0,
            out ulong p0, out ulong p1, out ulong p2, out ulong p3, out ulong p4, out _, out _);
        // q = p[0..3] + p4·C: fits in 257 bits.
        ulong carry = WideArithmetic.MulAdd(p4, C0, p0, 0, out ulong q0);
        carry = WideArithmetic.MulAdd(p4, C1, p1, carry, out ulong q1);
        ulong c = 0;
        ulong q2 = WideArithmetic.AddCarry(p2, p4, ref c);
        ulong c2 = 0;
        q2 = WideArithmetic.AddCarry(q2, carry, ref c2);
        ulong top = 0;
        ulong q3 = WideArithmetic.AddCarry(p3, c + c2, ref top);
        ReduceOnce(ref q0, ref q1, ref q2, ref q3, top);
        return new Scalar(q0, q1, q2, q3);
    }

    /// <summary>(out) = (a0..a3) + (h0..h3)·C, seven limbs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulAccumulate(ulong h0, ulong h1, ulong h2, ulong h3, ulong a0, ulong a1, ulong a2, ulong a3, ulong a4, ulong a5, ulong a6,
        out ulong o0, out ulong o1, out ulong o2, out ulong o3, out ulong o4, out ulong o5, out ulong o6)
    {
        // Row C0.
        ulong carry = WideArithmetic.MulAdd(h0, C0, a0, 0, out o0);
        carry = WideArithmetic.MulAdd(h1, C0, a1, carry, out a1);
        carry = WideArithmetic.MulAdd(h2, C0, a2, carry, out a2);
        carry = WideArithmetic.MulAdd(h3, C0, a3, carry, out a3);
        ulong c = 0;
        a4 = WideArithmetic.AddCarry(a4, carry, ref c);
        a5 = WideArithmetic.AddCarry(a5, 0, ref c);
        a6 += c;
        // Row C1.
        carry = WideArithmetic.MulAdd(h0, C1, a1, 0, out o1);
        carry = WideArithmetic.MulAdd(h1, C1, a2, carry, out a2);
        carry = WideArithmetic.MulAdd(h2, C1, a3, carry, out a3);
        carry = WideArithmetic.MulAdd(h3, C1, a4, carry, out a4);
        c = 0;
        a5 = WideArithmetic.AddCarry(a5, carry, ref c);
        a6 += c;
        // Row 2^128 (the top bit of C).
        c = 0;
        o2 = WideArithmetic.AddCarry(a2, h0, ref c);
        o3 = WideArithmetic.AddCarry(a3, h1, ref c);
        o4 = WideArithmetic.AddCarry(a4, h2, ref c);
        o5 = WideArithmetic.AddCarry(a5, h3, ref c);
        o6 = a6 + c;
    }

    /// <summary>Subtracts n once if (carry·2^256 + value) ≥ n; returns 1 when it did.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReduceOnce(ref ulong l0, ref ulong l1, ref ulong l2, ref ulong l3, ulong carry)
    {
        ulong borrow = 0;
        ulong d0 = WideArithmetic.SubBorrow(l0, N0, ref borrow);
        ulong d1 = WideArithmetic.SubBorrow(l1, N1, ref borrow);
        ulong d2 = WideArithmetic.SubBorrow(l2, N2, ref borrow);
        ulong d3 = WideArithmetic.SubBorrow(l3, N3, ref borrow);
        // Keep the difference when it did not borrow, or when the carry bit pays for the borrow.
        ulong take = (borrow ^ 1) | carry;
        ulong mask = 0 - take;
        l0 = (d0 & mask) | (l0 & ~mask);
        l1 = (d1 & mask) | (l1 & ~mask);
        l2 = (d2 & mask) | (l2 & ~mask);
        l3 = (d3 & mask) | (l3 & ~mask);
        return take;
    }
}
