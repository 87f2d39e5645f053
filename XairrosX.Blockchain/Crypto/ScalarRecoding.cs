using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Digit recodings of 256-bit scalars: width-w NAF for variable-time (public-input) multiplication, a regular odd signed-digit form for constant-time multiplication.</summary>
internal static class ScalarRecoding
{
    /// <summary>
    /// Writes digits (odd, |d| &lt; 2^(w-1), or zero; nonzero digits at least w apart) of the scalar whose
    /// little-endian limbs are given, into <paramref name="naf"/> (at least 258 entries); returns the length.
    /// </summary>
    public static int Compute(ulong l0, ulong l1, ulong l2, ulong l3, int window, Span<int> naf)
    {
        naf.Clear();
        Span<ulong> limbs = [l0, l1, l2, l3, 0];
        int carry = 0;
        int length = 0;
        for (int bit = 0; bit < 257;)
        {
            if ((int)((limbs[bit >> 6] >> (bit & 63)) & 1) == carry)
            {
                bit++;
                continue;
            }
            int word = (int)ReadBits(limbs, bit, window) + carry;
            carry = (word >> (window - 1)) & 1;
            word -= carry << window;
            naf[bit] = word;
            length = bit + 1;
            bit += window;
        }
        return length;
    }

    private static uint ReadBits(ReadOnlySpan<ulong> limbs, int bit, int count)
    {
        int index = bit >> 6, shift = bit & 63;
        ulong value = limbs[index] >> shift;
        if (shift + count > 64 && index + 1 < limbs.Length) value |= limbs[index + 1] << (64 - shift);
        return (uint)(value & ((1UL << count) - 1));
    }

    /// <summary>
    /// Regular signed-digit recoding of an odd k &lt; 2^256 for constant-time multiplication:
    /// k = 16^64 + Σ digits[i]·16^i with every digit odd in [-15, 15], so no step ever adds "nothing".
    /// Each step takes d = (k mod 32) - 16; k - d is k with its low five bits replaced by 16, a multiple of 16
    /// whose quotient is again odd. Branch-free.
    /// </summary>
    public static void RecodeRegular(ulong l0, ulong l1, ulong l2, ulong l3, Span<sbyte> digits64)
    {
        for (int i = 0; i < 64; i++)
        {
            digits64[i] = (sbyte)((int)(l0 & 31) - 16);
            l0 = (l0 & ~31UL) | 16;
            l0 = (l0 >> 4) | (l1 << 60);
            l1 = (l1 >> 4) | (l2 << 60);
            l2 = (l2 >> 4) | (l3 << 60);
            l3 >>= 4;
        }
    }

    /// <summary>Table index (|d| - 1) / 2 of an odd digit and an all-ones mask when it is negative.</summary>
    public static int DigitIndex(int digit, out ulong negativeMask)
    {
        int sign = digit >> 31;
        negativeMask = (ulong)(long)sign;
        return (((digit ^ sign) - sign) - 1) >> 1;
    }

    /// <summary>All ones when <paramref name="a"/> equals <paramref name="b"/> (both small and non-negative), computed without a branch.</summary>
    public static ulong EqualMask(int a, int b) => 0UL - (ulong)(((uint)(a ^ b) - 1) >> 31);
}
