using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace XairrosX.Blockchain.Crypto;

/// <summary>The SHA-512 block function (FIPS 180-4).</summary>
internal static class Sha512Compression
{
    /// <summary>Initial hash value H(0) of SHA-512 (also BLAKE2b's IV).</summary>
    internal static ReadOnlySpan<ulong> InitialState =>
    [
        0x6a09e667f3bcc908UL, 0xbb67ae8584caa73bUL, 0x3c6ef372fe94f82bUL, 0xa54ff53a5f1d36f1UL,
        0x510e527fade682d1UL, 0x9b05688c2b3e6c1fUL, 0x1f83d9abfb41bd6bUL, 0x5be0cd19137e2179UL,
    ];

    private static ReadOnlySpan<ulong> K =>
    [
        0x428a2f98d728ae22UL, 0x7137449123ef65cdUL, 0xb5c0fbcfec4d3b2fUL, 0xe9b5dba58189dbbcUL, 0x3956c25bf348b538UL,
        0x59f111f1b605d019UL, 0x923f82a4af194f9bUL, 0xab1c5ed5da6d8118UL, 0xd807aa98a3030242UL, 0x12835b0145706fbeUL,
        0x243185be4ee4b28cUL, 0x550c7dc3d5ffb4e2UL, 0x72be5d74f27b896fUL, 0x80deb1fe3b1696b1UL, 0x9bdc06a725c71235UL,
        0xc19bf174cf692694UL, 0xe49b69c19ef14ad2UL, 0xefbe4786384f25e3UL, 0x0fc19dc68b8cd5b5UL, 0x240ca1cc77ac9c65UL,
        0x2de92c6f592b0275UL, 0x4a7484aa6ea6e483UL, 0x5cb0a9dcbd41fbd4UL, 0x76f988da831153b5UL, 0x983e5152ee66dfabUL,
        0xa831c66d2db43210UL, 0xb00327c898fb213fUL, 0xbf597fc7beef0ee4UL, 0xc6e00bf33da88fc2UL, 0xd5a79147930aa725UL,
        0x06ca6351e003826fUL, 0x142929670a0e6e70UL, 0x27b70a8546d22ffcUL, 0x2e1b21385c26c926UL, 0x4d2c6dfc5ac42aedUL,
        0x53380d139d95b3dfUL, 0x650a73548baf63deUL, 0x766a0abb3c77b2a8UL, 0x81c2c92e47edaee6UL, 0x92722c851482353bUL,
        0xa2bfe8a14cf10364UL, 0xa81a664bbc423001UL, 0xc24b8b70d0f89791UL, 0xc76c51a30654be30UL, 0xd192e819d6ef5218UL,
        0xd69906245565a910UL, 0xf40e35855771202aUL, 0x106aa07032bbd1b8UL, 0x19a4c116b8d2d0c8UL, 0x1e376c085141ab53UL,
        0x2748774cdf8eeb99UL, 0x34b0bcb5e19b48a8UL, 0x391c0cb3c5c95a63UL, 0x4ed8aa4ae3418acbUL, 0x5b9cca4f7763e373UL,
        0x682e6ff3d6b2b8a3UL, 0x748f82ee5defb2fcUL, 0x78a5636f43172f60UL, 0x84c87814a1f0ab72UL, 0x8cc702081a6439ecUL,
        0x90befffa23631e28UL, 0xa4506cebde82bde9UL, 0xbef9a3f7b2c67915UL, 0xc67178f2e372532bUL, 0xca273eceea26619cUL,
        0xd186b8c721c0c207UL, 0xeada7dd6cde0eb1eUL, 0xf57d4f7fee6ed178UL, 0x06f067aa72176fbaUL, 0x0a637dc5a2c898a6UL,
        0x113f9804bef90daeUL, 0x1b710b35131c471bUL, 0x28db77f523047d84UL, 0x32caab7b40c72493UL, 0x3c9ebe0a15c9bebcUL,
        0x431d67c49c100d4cUL, 0x4cc5d4becb3e42b6UL, 0x597f299cfc657e2aUL, 0x5fcb6fab3ad6faecUL, 0x6c44198c4a475817UL,
    ];

    /// <summary>Compresses every whole 128-byte block of <paramref name="blocks"/> into <paramref name="state"/>.</summary>
    [SkipLocalsInit]
    internal static void Compress(Span<ulong> state, ReadOnlySpan<byte> blocks)
    {
        Span<ulong> w = stackalloc ulong[80];
        while (blocks.Length >= 128)
        {
            for (int i = 0; i < 16; i++) w[i] = BinaryPrimitives.ReadUInt64BigEndian(blocks.Slice(i * 8));
            for (int i = 16; i < 80; i++)
            {
                ulong w15 = w[i - 15], w2 = w[i - 2];
                ulong sigma0 = BitOperations.RotateRight(w15, 1) ^ BitOperations.RotateRight(w15, 8) ^ (w15 >> 7);
                ulong sigma1 = BitOperations.RotateRight(w2, 19) ^ BitOperations.RotateRight(w2, 61) ^ (w2 >> 6);
                w[i] = w[i - 16] + sigma0 + w[i - 7] + sigma1;
            }
            // Working variables come from state each block and are added back at the end, so no copy of the
            // chaining value stays live through the rounds (that pushed the JIT into spilling temporaries).
            ulong a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
            h += Sigma1(e) + (g ^ (e & (f ^ g))) + K[0] + w[0]; d += h; h += Sigma0(a) + ((a & b) | (c & (a | b)));
            g += Sigma1(d) + (f ^ (d & (e ^ f))) + K[1] + w[1]; c += g; g += Sigma0(h) + ((h & a) | (b & (h | a)));
            f += Sigma1(c) + (e ^ (c & (d ^ e))) + K[2] + w[2]; b += f; f += Sigma0(g) + ((g & h) | (a & (g | h)));
            e += Sigma1(b) + (d ^ (b & (c ^ d))) + K[3] + w[3]; a += e; e += Sigma0(f) + ((f & g) | (h & (f | g)));
            d += Sigma1(a) + (c ^ (a & (b ^ c))) + K[4] + w[4]; h += d; d += Sigma0(e) + ((e & f) | (g & (e | f)));
            c += Sigma1(h) + (b ^ (h & (a ^ b))) + K[5] + w[5]; g += c; c += Sigma0(d) + ((d & e) | (f & (d | e)));
            b += Sigma1(g) + (a ^ (g & (h ^ a))) + K[6] + w[6]; f += b; b += Sigma0(c) + ((c & d) | (e & (c | d)));
            a += Sigma1(f) + (h ^ (f & (g ^ h))) + K[7] + w[7]; e += a; a += Sigma0(b) + ((b & c) | (d & (b | c)));
            h += Sigma1(e) + (g ^ (e & (f ^ g))) + K[8] + w[8]; d += h; h += Sigma0(a) + ((a & b) | (c & (a | b)));
            g += Sigma1(d) + (f ^ (d & (e ^ f))) + K[9] + w[9]; c += g; g += Sigma0(h) + ((h & a) | (b & (h | a)));
            f += Sigma1(c) + (e ^ (c & (d ^ e))) + K[10] + w[10]; b += f; f += Sigma0(g) + ((g & h) | (a & (g | h)));
            e += Sigma1(b) + (d ^ (b & (c ^ d))) + K[11] + w[11]; a += e; e += Sigma0(f) + ((f & g) | (h & (f | g)));
            d += Sigma1(a) + (c ^ (a & (b ^ c))) + K[12] + w[12]; h += d; d += Sigma0(e) + ((e & f) | (g & (e | f)));
            c += Sigma1(h) + (b ^ (h & (a ^ b))) + K[13] + w[13]; g += c; c += Sigma0(d) + ((d & e) | (f & (d | e)));
            b += Sigma1(g) + (a ^ (g & (h ^ a))) + K[14] + w[14]; f += b; b += Sigma0(c) + ((c & d) | (e & (c | d)));
            a += Sigma1(f) + (h ^ (f & (g ^ h))) + K[15] + w[15]; e += a; a += Sigma0(b) + ((b & c) | (d & (b | c)));
            h += Sigma1(e) + (g ^ (e & (f ^ g))) + K[16] + w[16]; d += h; h += Sigma0(a) + ((a & b) | (c & (a | b)));
            g += Sigma1(d) + (f ^ (d & (e ^ f))) + K[17] + w[17]; c += g; g += Sigma0(h) + ((h & a) | (b & (h | a)));
            f += Sigma1(c) + (e ^ (c & (d ^ e))) + K[18] + w[18]; b += f; f += Sigma0(g) + ((g & h) | (a & (g | h)));
            e += Sigma1(b) + (d ^ (b & (c ^ d))) + K[19] + w[19]; a += e; e += Sigma0(f) + ((f & g) | (h & (f | g)));
            d += Sigma1(a) + (c ^ (a & (b ^ c))) + K[20] + w[20]; h += d; d += Sigma0(e) + ((e & f) | (g & (e | f)));
            c += Sigma1(h) + (b ^ (h & (a ^ b))) + K[21] + w[21]; g += c; c += Sigma0(d) + ((d & e) | (f & (d | e)));
            b += Sigma1(g) + (a ^ (g & (h ^ a))) + K[22] + w[22]; f += b; b += Sigma0(c) + ((c & d) | (e & (c | d)));
            a += Sigma1(f) + (h ^ (f & (g ^ h))) + K[23] + w[23]; e += a; a += Sigma0(b) + ((b & c) | (d & (b | c)));
            h += Sigma1(e) + (g ^ (e & (f ^ g))) + K[24] + w[24]; d += h; h += Sigma0(a) + ((a & b) | (c & (a | b)));
            g += Sigma1(d) + (f ^ (d & (e ^ f))) + K[25] + w[25]; c += g; g += Sigma0(h) + ((h & a) | (b & (h | a)));
            f += Sigma1(c) + (e ^ (c & (d ^ e))) + K[26] + w[26]; b += f; f += Sigma0(g) + ((g & h) | (a & (g | h)));
            e += Sigma1(b) + (d ^ (b & (c ^ d))) + K[27] + w[27]; a += e; e += Sigma0(f) + ((f & g) | (h & (f | g)));
            d += Sigma1(a) + (c ^ (a & (b ^ c))) + K[28] + w[28]; h += d; d += Sigma0(e) + ((e & f) | (g & (e | f)));
            c += Sigma1(h) + (b ^ (h & (a ^ b))) + K[29] + w[29]; g += c; c += Sigma0(d) + ((d & e) | (f & (d | e)));
            b += Sigma1(g) + (a ^ (g & (h ^ a))) + K[30] + w[30]; f += b; b += Sigma0(c) + ((c & d) | (e & (c | d)));
            a += Sigma1(f) + (h ^ (f & (g ^ h))) + K[31] + w[31]; e += a; a += Sigma0(b) + ((b & c) | (d & (b | c)));
            h += Sigma1(e) + (g ^ (e & (f ^ g))) + K[32] + w[32]; d += h; h += Sigma0(a) + ((a & b) | (c & (a | b)));
            g += Sigma1(d) + (f ^ (d & (e ^ f))) + K[33] + w[33]; c += g; g += Sigma0(h) + ((h & a) | (b & (h | a)));
            f += Sigma1(c) + (e ^ (c & (d ^ e))) + K[34] + w[34]; b += f; f += Sigma0(g) + ((g & h) | (a & (g | h)));
            e += Sigma1(b) + (d ^ (b & (c ^ d))) + K[35] + w[35]; a += e; e += Sigma0(f) + ((f & g) | (h & (f | g)));
            d += Sigma1(a) + (c ^ (a & (b ^ c))) + K[36] + w[36]; h += d; d += Sigma0(e) + ((e & f) | (g & (e | f)));
            c += Sigma1(h) + (b ^ (h & (a ^ b))) + K[37] + w[37]; g += c; c += Sigma0(d) + ((d & e) | (f & (d | e)));
            b += Sigma1(g) + (a ^ (g & (h ^ a))) + K[38] + w[38]; f += b; b += Sigma0(c) + ((c & d) | (e & (c | d)));
            a += Sigma1(f) + (h ^ (f & (g ^ h))) + K[39] + w[39]; e += a; a += Sigma0(b) + ((b & c) | (d & (b | c)));
            h += Sigma1(e) + (g ^ (e & (f ^ g))) + K[40] + w[40]; d += h; h += Sigma0(a) + ((a & b) | (c & (a | b)));
            g += Sigma1(d) + (f ^ (d & (e ^ f))) + K[41] + w[41]; c += g; g += Sigma0(h) + ((h & a) | (b & (h | a)));
            f += Sigma1(c) + (e ^ (c & (d ^ e))) + K[42] + w[42]; b += f; f += Sigma0(g) + ((g & h) | (a & (g | h)));
            e += Sigma1(b) + (d ^ (b & (c ^ d))) + K[43] + w[43]; a += e; e += Sigma0(f) + ((f & g) | (h & (f | g)));
            d += Sigma1(a) + (c ^ (a & (b ^ c))) + K[44] + w[44]; h += d; d += Sigma0(e) + ((e & f) | (g & (e | f)));
            c += Sigma1(h) + (b ^ (h & (a ^ b))) + K[45] + w[45]; g += c; c += Sigma0(d) + ((d & e) | (f & (d | e)));
            b += Sigma1(g) + (a ^ (g & (h ^ a))) + K[46] + w[46]; f += b; b += Sigma0(c) + ((c & d) | (e & (c | d)));
            a += Sigma1(f) + (h ^ (f & (g ^ h))) + K[47] + w[47]; e += a; a += Sigma0(b) + ((b & c) | (d & (b | c)));
            h += Sigma1(e) + (g ^ (e & (f ^ g))) + K[48] + w[48]; d += h; h += Sigma0(a) + ((a & b) | (c & (a | b)));
            g += Sigma1(d) + (f ^ (d & (e ^ f))) + K[49] + w[49]; c += g; g += Sigma0(h) + ((h & a) | (b & (h | a)));
            f += Sigma1(c) + (e ^ (c & (d ^ e))) + K[50] + w[50]; b += f; f += Sigma0(g) + ((g & h) | (a & (g | h)));
            e += Sigma1(b) + (d ^ (b & (c ^ d))) + K[51] + w[51]; a += e; e += Sigma0(f) + ((f & g) | (h & (f | g)));
            d += Sigma1(a) + (c ^ (a & (b ^ c))) + K[52] + w[52]; h += d; d += Sigma0(e) + ((e & f) | (g & (e | f)));
            c += Sigma1(h) + (b ^ (h & (a ^ b))) + K[53] + w[53]; g += c; c += Sigma0(d) + ((d & e) | (f & (d | e)));
            b += Sigma1(g) + (a ^ (g & (h ^ a))) + K[54] + w[54]; f += b; b += Sigma0(c) + ((c & d) | (e & (c | d)));
            a += Sigma1(f) + (h ^ (f & (g ^ h))) + K[55] + w[55]; e += a; a += Sigma0(b) + ((b & c) | (d & (b | c)));
            h += Sigma1(e) + (g ^ (e & (f ^ g))) + K[56] + w[56]; d += h; h += Sigma0(a) + ((a & b) | (c & (a | b)));
            g += Sigma1(d) + (f ^ (d & (e ^ f))) + K[57] + w[57]; c += g; g += Sigma0(h) + ((h & a) | (b & (h | a)));
            f += Sigma1(c) + (e ^ (c & (d ^ e))) + K[58] + w[58]; b += f; f += Sigma0(g) + ((g & h) | (a & (g | h)));
            e += Sigma1(b) + (d ^ (b & (c ^ d))) + K[59] + w[59]; a += e; e += Sigma0(f) + ((f & g) | (h & (f | g)));
            d += Sigma1(a) + (c ^ (a & (b ^ c))) + K[60] + w[60]; h += d; d += Sigma0(e) + ((e & f) | (g & (e | f)));
            c += Sigma1(h) + (b ^ (h & (a ^ b))) + K[61] + w[61]; g += c; c += Sigma0(d) + ((d & e) | (f & (d | e)));
            b += Sigma1(g) + (a ^ (g & (h ^ a))) + K[62] + w[62]; f += b; b += Sigma0(c) + ((c & d) | (e & (c | d)));
            a += Sigma1(f) + (h ^ (f & (g ^ h))) + K[63] + w[63]; e += a; a += Sigma0(b) + ((b & c) | (d & (b | c)));
            h += Sigma1(e) + (g ^ (e & (f ^ g))) + K[64] + w[64]; d += h; h += Sigma0(a) + ((a & b) | (c & (a | b)));
            g += Sigma1(d) + (f ^ (d & (e ^ f))) + K[65] + w[65]; c += g; g += Sigma0(h) + ((h & a) | (b & (h | a)));
            f += Sigma1(c) + (e ^ (c & (d ^ e))) + K[66] + w[66]; b += f; f += Sigma0(g) + ((g & h) | (a & (g | h)));
            e += Sigma1(b) + (d ^ (b & (c ^ d))) + K[67] + w[67]; a += e; e += Sigma0(f) + ((f & g) | (h & (f | g)));
            d += Sigma1(a) + (c ^ (a & (b ^ c))) + K[68] + w[68]; h += d; d += Sigma0(e) + ((e & f) | (g & (e | f)));
            c += Sigma1(h) + (b ^ (h & (a ^ b))) + K[69] + w[69]; g += c; c += Sigma0(d) + ((d & e) | (f & (d | e)));
            b += Sigma1(g) + (a ^ (g & (h ^ a))) + K[70] + w[70]; f += b; b += Sigma0(c) + ((c & d) | (e & (c | d)));
            a += Sigma1(f) + (h ^ (f & (g ^ h))) + K[71] + w[71]; e += a; a += Sigma0(b) + ((b & c) | (d & (b | c)));
            h += Sigma1(e) + (g ^ (e & (f ^ g))) + K[72] + w[72]; d += h; h += Sigma0(a) + ((a & b) | (c & (a | b)));
            g += Sigma1(d) + (f ^ (d & (e ^ f))) + K[73] + w[73]; c += g; g += Sigma0(h) + ((h & a) | (b & (h | a)));
            f += Sigma1(c) + (e ^ (c & (d ^ e))) + K[74] + w[74]; b += f; f += Sigma0(g) + ((g & h) | (a & (g | h)));
            e += Sigma1(b) + (d ^ (b & (c ^ d))) + K[75] + w[75]; a += e; e += Sigma0(f) + ((f & g) | (h & (f | g)));
            d += Sigma1(a) + (c ^ (a & (b ^ c))) + K[76] + w[76]; h += d; d += Sigma0(e) + ((e & f) | (g & (e | f)));
            c += Sigma1(h) + (b ^ (h & (a ^ b))) + K[77] + w[77]; g += c; c += Sigma0(d) + ((d & e) | (f & (d | e)));
            b += Sigma1(g) + (a ^ (g & (h ^ a))) + K[78] + w[78]; f += b; b += Sigma0(c) + ((c & d) | (e & (c | d)));
            a += Sigma1(f) + (h ^ (f & (g ^ h))) + K[79] + w[79]; e += a; a += Sigma0(b) + ((b & c) | (d & (b | c)));
            state[0] += a; state[1] += b; state[2] += c; state[3] += d;
            state[4] += e; state[5] += f; state[6] += g; state[7] += h;
            blocks = blocks.Slice(128);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Sigma0(ulong x) => BitOperations.RotateRight(x, 28) ^ BitOperations.RotateRight(x, 34) ^ BitOperations.RotateRight(x, 39);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Sigma1(ulong x) => BitOperations.RotateRight(x, 14) ^ BitOperations.RotateRight(x, 18) ^ BitOperations.RotateRight(x, 41);
}
