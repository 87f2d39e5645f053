using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace XairrosX.Blockchain.Crypto;

/// <summary>The 25-lane Keccak state; an inline array so sponges stay plain structs with no heap state.</summary>
[InlineArray(25)]
internal struct KeccakState
{
    private ulong _lane0;
}

/// <summary>Keccak-f[1600], the permutation under SHA-3, SHAKE and Ethereum's Keccak-256.</summary>
internal static class KeccakPermutation
{
    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808AUL, 0x8000000080008000UL,
        0x000000000000808BUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008AUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000AUL,
        0x000000008000808BUL, 0x800000000000008BUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800AUL, 0x800000008000000AUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    /// <summary>Applies the 24 rounds in place.</summary>
    /// <remarks>
    /// The lanes live in locals for the whole permutation: the JIT keeps the hot ones in registers
    /// and the round body is written out (theta, rho+pi, chi, iota fused) so no lane index is computed at run time.
    /// </remarks>
    [SkipLocalsInit]
    public static void Permute(ref KeccakState state)
    {
        Span<ulong> s = state;
        ulong a00 = s[0], a01 = s[1], a02 = s[2], a03 = s[3], a04 = s[4];
        ulong a05 = s[5], a06 = s[6], a07 = s[7], a08 = s[8], a09 = s[9];
        ulong a10 = s[10], a11 = s[11], a12 = s[12], a13 = s[13], a14 = s[14];
        ulong a15 = s[15], a16 = s[16], a17 = s[17], a18 = s[18], a19 = s[19];
        ulong a20 = s[20], a21 = s[21], a22 = s[22], a23 = s[23], a24 = s[24];
        for (int round = 0; round < 24; round++)
        {
            {
                ulong c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
                ulong c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
                ulong c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
                ulong c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
                ulong c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
                ulong d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
                ulong d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
                ulong d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
                ulong d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
                ulong d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
                ulong b00 = a00 ^ d0;
                ulong b01 = BitOperations.RotateLeft(a06 ^ d1, 44);
                ulong b02 = BitOperations.RotateLeft(a12 ^ d2, 43);
                ulong b03 = BitOperations.RotateLeft(a18 ^ d3, 21);
                ulong b04 = BitOperations.RotateLeft(a24 ^ d4, 14);
                ulong b05 = BitOperations.RotateLeft(a03 ^ d3, 28);
                ulong b06 = BitOperations.RotateLeft(a09 ^ d4, 20);
                ulong b07 = BitOperations.RotateLeft(a10 ^ d0, 3);
                ulong b08 = BitOperations.RotateLeft(a16 ^ d1, 45);
                ulong b09 = BitOperations.RotateLeft(a22 ^ d2, 61);
                ulong b10 = BitOperations.RotateLeft(a01 ^ d1, 1);
                ulong b11 = BitOperations.RotateLeft(a07 ^ d2, 6);
                ulong b12 = BitOperations.RotateLeft(a13 ^ d3, 25);
                ulong b13 = BitOperations.RotateLeft(a19 ^ d4, 8);
                ulong b14 = BitOperations.RotateLeft(a20 ^ d0, 18);
                ulong b15 = BitOperations.RotateLeft(a04 ^ d4, 27);
                ulong b16 = BitOperations.RotateLeft(a05 ^ d0, 36);
                ulong b17 = BitOperations.RotateLeft(a11 ^ d1, 10);
                ulong b18 = BitOperations.RotateLeft(a17 ^ d2, 15);
                ulong b19 = BitOperations.RotateLeft(a23 ^ d3, 56);
                ulong b20 = BitOperations.RotateLeft(a02 ^ d2, 62);
                ulong b21 = BitOperations.RotateLeft(a08 ^ d3, 55);
                ulong b22 = BitOperations.RotateLeft(a14 ^ d4, 39);
                ulong b23 = BitOperations.RotateLeft(a15 ^ d0, 41);
                ulong b24 = BitOperations.RotateLeft(a21 ^ d1, 2);
                a00 = b00 ^ (~b01 & b02);
                a01 = b01 ^ (~b02 & b03);
                a02 = b02 ^ (~b03 & b04);
                a03 = b03 ^ (~b04 & b00);
                a04 = b04 ^ (~b00 & b01);
                a05 = b05 ^ (~b06 & b07);
                a06 = b06 ^ (~b07 & b08);
                a07 = b07 ^ (~b08 & b09);
                a08 = b08 ^ (~b09 & b05);
                a09 = b09 ^ (~b05 & b06);
                a10 = b10 ^ (~b11 & b12);
                a11 = b11 ^ (~b12 & b13);
                a12 = b12 ^ (~b13 & b14);
                a13 = b13 ^ (~b14 & b10);
                a14 = b14 ^ (~b10 & b11);
                a15 = b15 ^ (~b16 & b17);
                a16 = b16 ^ (~b17 & b18);
                a17 = b17 ^ (~b18 & b19);
                a18 = b18 ^ (~b19 & b15);
                a19 = b19 ^ (~b15 & b16);
                a20 = b20 ^ (~b21 & b22);
                a21 = b21 ^ (~b22 & b23);
                a22 = b22 ^ (~b23 & b24);
                a23 = b23 ^ (~b24 & b20);
                a24 = b24 ^ (~b20 & b21);
                a00 ^= RoundConstants[round];
            }
        }
        s[0] = a00; s[1] = a01; s[2] = a02; s[3] = a03; s[4] = a04;
        s[5] = a05; s[6] = a06; s[7] = a07; s[8] = a08; s[9] = a09;
        s[10] = a10; s[11] = a11; s[12] = a12; s[13] = a13; s[14] = a14;
        s[15] = a15; s[16] = a16; s[17] = a17; s[18] = a18; s[19] = a19;
        s[20] = a20; s[21] = a21; s[22] = a22; s[23] = a23; s[24] = a24;
    }
}
