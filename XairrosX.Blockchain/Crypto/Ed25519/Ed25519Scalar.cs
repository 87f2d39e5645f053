using System;
using System.Buffers.Binary;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Arithmetic modulo the Ed25519 group order L = 2^252 + 27742317777372353535851937790883648493.</summary>
internal static class Ed25519Scalar
{
    private const ulong L0 = 0x5812631A5CF5D3EDUL, L1 = 0x14DEF9DEA2F79CD6UL, L2 = 0, L3 = 0x1000000000000000UL;

    /// <summary>Reduces a 64-byte little-endian number mod L (binary long division with masked subtraction: no data-dependent branches).</summary>
    public static void ReduceWide(ReadOnlySpan<byte> wide64, Span<ulong> result4)
    {
        ulong r0 = 0, r1 = 0, r2 = 0, r3 = 0;
        for (int bit = 511; bit >= 0; bit--)
        {
            ulong incoming = (ulong)(wide64[bit >> 3] >> (bit & 7)) & 1;
            r3 = (r3 << 1) | (r2 >> 63);
            r2 = (r2 << 1) | (r1 >> 63);
            r1 = (r1 << 1) | (r0 >> 63);
            r0 = (r0 << 1) | incoming;
            ulong borrow = 0;
            ulong d0 = WideArithmetic.SubBorrow(r0, L0, ref borrow);
            ulong d1 = WideArithmetic.SubBorrow(r1, L1, ref borrow);
            ulong d2 = WideArithmetic.SubBorrow(r2, L2, ref borrow);
            ulong d3 = WideArithmetic.SubBorrow(r3, L3, ref borrow);
            ulong keep = borrow - 1;
            r0 = (d0 & keep) | (r0 & ~keep);
            r1 = (d1 & keep) | (r1 & ~keep);
            r2 = (d2 & keep) | (r2 & ~keep);
            r3 = (d3 & keep) | (r3 & ~keep);
        }
        result4[0] = r0; result4[1] = r1; result4[2] = r2; result4[3] = r3;
    }

    /// <summary>Reduces 32 little-endian bytes mod L.</summary>
    public static void Reduce(ReadOnlySpan<byte> bytes32, Span<ulong> result4)
    {
        Span<byte> wide = stackalloc byte[64];
        wide.Clear();
        bytes32.Slice(0, 32).CopyTo(wide);
        ReduceWide(wide, result4);
    }

    /// <summary>(a · b + c) mod L for reduced inputs, written as 32 little-endian bytes.</summary>
    public static void MultiplyAdd(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, ReadOnlySpan<ulong> c, Span<byte> output32)
    {
        Span<ulong> product = stackalloc ulong[9];
        product.Clear();
        c.Slice(0, 4).CopyTo(product);
        for (int i = 0; i < 4; i++)
        {
            ulong carry = 0;
            for (int j = 0; j < 4; j++) carry = WideArithmetic.MulAdd(a[i], b[j], product[i + j], carry, out product[i + j]);
            for (int k = i + 4; carry != 0 && k < 9; k++)
            {
                ulong sum = product[k] + carry;
                carry = sum < carry ? 1UL : 0UL;
                product[k] = sum;
            }
        }
        Span<byte> wide = stackalloc byte[64];
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteUInt64LittleEndian(wide.Slice(8 * i), product[i]);
        Span<ulong> reduced = stackalloc ulong[4];
        ReduceWide(wide, reduced);
        Write(reduced, output32);
        wide.Clear();
        product.Clear();
    }

    /// <summary>True when the 32-byte little-endian value is below L (RFC 8032 requires it of S).</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> bytes32)
    {
        ulong borrow = 0;
        WideArithmetic.SubBorrow(BinaryPrimitives.ReadUInt64LittleEndian(bytes32), L0, ref borrow);
        WideArithmetic.SubBorrow(BinaryPrimitives.ReadUInt64LittleEndian(bytes32.Slice(8)), L1, ref borrow);
        WideArithmetic.SubBorrow(BinaryPrimitives.ReadUInt64LittleEndian(bytes32.Slice(16)), L2, ref borrow);
        WideArithmetic.SubBorrow(BinaryPrimitives.ReadUInt64LittleEndian(bytes32.Slice(24)), L3, ref borrow);
        return borrow != 0;
    }

    /// <summary>L - a for 0 &lt; a &lt; L.</summary>
    public static void Negate(ReadOnlySpan<ulong> a, Span<ulong> result)
    {
        ulong borrow = 0;
        result[0] = WideArithmetic.SubBorrow(L0, a[0], ref borrow);
        result[1] = WideArithmetic.SubBorrow(L1, a[1], ref borrow);
        result[2] = WideArithmetic.SubBorrow(L2, a[2], ref borrow);
        result[3] = WideArithmetic.SubBorrow(L3, a[3], ref borrow);
    }

    public static void Write(ReadOnlySpan<ulong> limbs, Span<byte> output32)
    {
        for (int i = 0; i < 4; i++) BinaryPrimitives.WriteUInt64LittleEndian(output32.Slice(8 * i), limbs[i]);
    }
}
