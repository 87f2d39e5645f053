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
    public static void RecodeRegular(ulong l0, ulong l1, ulong l2, ulong l3, Span<sbyte> digits64) =>
        RecodeRegularWindow(l0, l1, l2, l3, 4, digits64.Slice(0, 64));

    /// <summary>
    /// The same recoding with <paramref name="window"/>-bit digits (2 to 6): k = 2^(window·m) + Σ digits[i]·2^(window·i),
    /// m = <paramref name="digits"/>.Length with window·m ≥ 256 (so the leading term is exactly 1), every digit odd
    /// in [-(2^window - 1), 2^window - 1]. Branch-free.
    /// </summary>
    public static void RecodeRegularWindow(ulong l0, ulong l1, ulong l2, ulong l3, int window, Span<sbyte> digits)
    {
        ulong mask = (1UL << (window + 1)) - 1, half = 1UL << window;
        int back = 64 - window;
        for (int i = 0; i < digits.Length; i++)
        {
            digits[i] = (sbyte)((int)(l0 & mask) - (int)half);
            l0 = (l0 & ~mask) | half;
            l0 = (l0 >> window) | (l1 << back);
            l1 = (l1 >> window) | (l2 << back);
            l2 = (l2 >> window) | (l3 << back);
            l3 >>= window;
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
