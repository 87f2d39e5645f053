using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// Table-free, constant-time AES rounds. Eight state bytes are packed in a ulong and processed together
/// (SIMD within a register); the S-box is computed as inversion in GF(2^8) (x^254) plus the affine map,
/// so no memory access depends on secret data. Slow next to AES-NI; it exists for CPUs without it.
/// </summary>
internal static class AesSoftware
{
    private const ulong LowBits = 0x0101010101010101UL;
    private const ulong High7 = 0x7F7F7F7F7F7F7F7FUL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong XTime(ulong a) => ((a & High7) << 1) ^ (((a >> 7) & LowBits) * 0x1B);

    /// <summary>Byte-wise GF(2^8) product of eight lanes.</summary>
    private static ulong Multiply(ulong a, ulong b)
    {
        ulong result = 0;
        for (int i = 0; i < 8; i++)
        {
            result ^= a & (((b >> i) & LowBits) * 0xFF);
            a = XTime(a);
        }
        return result;
    }

    /// <summary>x^254 per byte: the multiplicative inverse, with 0 mapped to 0.</summary>
    private static ulong Invert(ulong x)
    {
        ulong x3 = Multiply(Multiply(x, x), x);
        ulong x7 = Multiply(Multiply(x3, x3), x);
        ulong x15 = Multiply(Multiply(x7, x7), x);
        ulong x31 = Multiply(Multiply(x15, x15), x);
        ulong x63 = Multiply(Multiply(x31, x31), x);
        ulong x127 = Multiply(Multiply(x63, x63), x);
        return Multiply(x127, x127);
    }

    /// <summary>Rotates every byte left by <paramref name="n"/> bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateBytes(ulong x, int n)
    {
        ulong keepHigh = LowBits * (byte)(0xFF << n);
        return ((x << n) & keepHigh) | ((x >> (8 - n)) & ~keepHigh);
    }

    public static ulong SubBytes(ulong x)
    {
        ulong b = Invert(x);
        return b ^ RotateBytes(b, 1) ^ RotateBytes(b, 2) ^ RotateBytes(b, 3) ^ RotateBytes(b, 4) ^ (LowBits * 0x63);
    }

    public static ulong InverseSubBytes(ulong s) =>
        Invert(RotateBytes(s, 1) ^ RotateBytes(s, 3) ^ RotateBytes(s, 6) ^ (LowBits * 0x05));

    /// <summary>Rotates each 4-byte column so byte i receives byte i + k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RotateColumns(ulong x, int k)
    {
        int bits = 8 * k;
        ulong keepLow = 0x00000000FFFFFFFFUL >> bits;
        keepLow |= keepLow << 32;
        return ((x >> bits) & keepLow) | ((x << (32 - bits)) & ~keepLow);
    }

    private static ulong MixColumns(ulong a)
    {
        ulong r1 = RotateColumns(a, 1);
        return XTime(a ^ r1) ^ r1 ^ RotateColumns(a, 2) ^ RotateColumns(a, 3);
    }

    private static ulong InverseMixColumns(ulong a)
    {
        // InvMixColumns = MixColumns after a ^= 4·(a ^ a rotated by two bytes).
        ulong t = XTime(XTime(a ^ RotateColumns(a, 2)));
        return MixColumns(a ^ t);
    }

    /// <summary>ShiftRows: output byte r + 4c takes input byte r + 4((c + r) mod 4).</summary>
    private static void ShiftRows(ref ulong s0, ref ulong s1, bool inverse)
    {
        Span<byte> state = stackalloc byte[16];
        Span<byte> shifted = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(state, s0);
        BinaryPrimitives.WriteUInt64LittleEndian(state.Slice(8), s1);
        for (int c = 0; c < 4; c++)
        {
            for (int r = 0; r < 4; r++)
            {
                int source = r + 4 * ((inverse ? c - r + 4 : c + r) & 3);
                shifted[r + 4 * c] = state[source];
            }
        }
        s0 = BinaryPrimitives.ReadUInt64LittleEndian(shifted);
        s1 = BinaryPrimitives.ReadUInt64LittleEndian(shifted.Slice(8));
    }

    public static void EncryptBlock(ReadOnlySpan<byte> roundKeys, int rounds, ReadOnlySpan<byte> input, Span<byte> output)
    {
        ulong s0 = BinaryPrimitives.ReadUInt64LittleEndian(input) ^ BinaryPrimitives.ReadUInt64LittleEndian(roundKeys);
        ulong s1 = BinaryPrimitives.ReadUInt64LittleEndian(input.Slice(8)) ^ BinaryPrimitives.ReadUInt64LittleEndian(roundKeys.Slice(8));
        for (int round = 1; round <= rounds; round++)
        {
            s0 = SubBytes(s0);
            s1 = SubBytes(s1);
            ShiftRows(ref s0, ref s1, inverse: false);
            if (round != rounds)
            {
                s0 = MixColumns(s0);
                s1 = MixColumns(s1);
            }
            s0 ^= BinaryPrimitives.ReadUInt64LittleEndian(roundKeys.Slice(16 * round));
            s1 ^= BinaryPrimitives.ReadUInt64LittleEndian(roundKeys.Slice(16 * round + 8));
        }
        BinaryPrimitives.WriteUInt64LittleEndian(output, s0);
        BinaryPrimitives.WriteUInt64LittleEndian(output.Slice(8), s1);
    }

    public static void DecryptBlock(ReadOnlySpan<byte> roundKeys, int rounds, ReadOnlySpan<byte> input, Span<byte> output)
    {
        ulong s0 = BinaryPrimitives.ReadUInt64LittleEndian(input) ^ BinaryPrimitives.ReadUInt64LittleEndian(roundKeys.Slice(16 * rounds));
        ulong s1 = BinaryPrimitives.ReadUInt64LittleEndian(input.Slice(8)) ^ BinaryPrimitives.ReadUInt64LittleEndian(roundKeys.Slice(16 * rounds + 8));
        for (int round = rounds - 1; round >= 0; round--)
        {
            ShiftRows(ref s0, ref s1, inverse: true);
            s0 = InverseSubBytes(s0);
            s1 = InverseSubBytes(s1);
            s0 ^= BinaryPrimitives.ReadUInt64LittleEndian(roundKeys.Slice(16 * round));
            s1 ^= BinaryPrimitives.ReadUInt64LittleEndian(roundKeys.Slice(16 * round + 8));
            if (round != 0)
            {
                s0 = InverseMixColumns(s0);
                s1 = InverseMixColumns(s1);
            }
        }
        BinaryPrimitives.WriteUInt64LittleEndian(output, s0);
        BinaryPrimitives.WriteUInt64LittleEndian(output.Slice(8), s1);
    }

    /// <summary>FIPS 197 key expansion into (rounds + 1) · 16 bytes; the S-box here is the constant-time one too.</summary>
    public static void ExpandKey(ReadOnlySpan<byte> key, Span<byte> roundKeys, out int rounds)
    {
        int nk = key.Length / 4;
        rounds = nk + 6;
        int totalWords = 4 * (rounds + 1);
        Span<uint> w = stackalloc uint[60];
        for (int i = 0; i < nk; i++) w[i] = BinaryPrimitives.ReadUInt32LittleEndian(key.Slice(4 * i));
        uint rcon = 1;
        for (int i = nk; i < totalWords; i++)
        {
            uint temp = w[i - 1];
            if (i % nk == 0)
            {
                temp = (uint)SubBytes((temp >> 8) | (temp << 24)) ^ rcon;
                rcon = (uint)XTime(rcon);
            }
            else if (nk > 6 && i % nk == 4)
            {
                temp = (uint)SubBytes(temp);
            }
            w[i] = w[i - nk] ^ temp;
        }
        for (int i = 0; i < totalWords; i++) BinaryPrimitives.WriteUInt32LittleEndian(roundKeys.Slice(4 * i), w[i]);
        w.Clear();
    }
}
