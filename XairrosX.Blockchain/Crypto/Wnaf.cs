using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Width-w non-adjacent form of 256-bit scalars, for variable-time (public-input) multiplication.</summary>
internal static class Wnaf
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
}
