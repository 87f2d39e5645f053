using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// The SHA-256 block function (FIPS 180-4), with a hook for a hardware routine.
/// </summary>
/// <remarks>
/// .NET 10 exposes no SHA-NI intrinsics class, so a SHA-NI path has to come from outside managed code:
/// the kernel assembles a routine with the System V signature
/// <c>void sha256_blocks(uint32_t state[8], const uint8_t* blocks, size_t blockCount)</c>
/// (state as eight native-endian words a..h, blocks as raw big-endian message bytes), checks CPUID
/// leaf 7 EBX bit 29, and stores the routine's address in <see cref="AcceleratedBlockFunction"/> once at boot,
/// before any thread hashes. Every <see cref="Sha256"/> user then goes through it.
/// </remarks>
public static unsafe class Sha256Compression
{
    /// <summary>
    /// Optional native block function (see the type remarks for the contract); null selects the scalar code.
    /// Set once during start-up; not synchronised.
    /// </summary>
    public static delegate* unmanaged<uint*, byte*, nuint, void> AcceleratedBlockFunction { get; set; }

    /// <summary>Initial hash value H(0).</summary>
    internal static ReadOnlySpan<uint> InitialState =>
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    private static ReadOnlySpan<uint> K =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>Compresses every whole 64-byte block of <paramref name="blocks"/> into <paramref name="state"/>.</summary>
    internal static void Compress(Span<uint> state, ReadOnlySpan<byte> blocks)
    {
        int blockCount = blocks.Length >> 6;
        if (blockCount == 0) return;
        delegate* unmanaged<uint*, byte*, nuint, void> accelerated = AcceleratedBlockFunction;
        if (accelerated != null)
        {
            fixed (uint* statePointer = state)
            fixed (byte* blockPointer = blocks)
                accelerated(statePointer, blockPointer, (nuint)blockCount);
            return;
        }
        CompressScalar(state, blocks);
    }

    /// <summary>The portable block function; public to tests so a native routine can be checked against it.</summary>
    [SkipLocalsInit]
    internal static void CompressScalar(Span<uint> state, ReadOnlySpan<byte> blocks)
    {
        Span<uint> w = stackalloc uint[64];
        while (blocks.Length >= 64)
        {
            for (int i = 0; i < 16; i++) w[i] = BinaryPrimitives.ReadUInt32BigEndian(blocks.Slice(i * 4));
            for (int i = 16; i < 64; i++)
            {
                uint w15 = w[i - 15], w2 = w[i - 2];
                uint sigma0 = BitOperations.RotateRight(w15, 7) ^ BitOperations.RotateRight(w15, 18) ^ (w15 >> 3);
                uint sigma1 = BitOperations.RotateRight(w2, 17) ^ BitOperations.RotateRight(w2, 19) ^ (w2 >> 10);
                w[i] = w[i - 16] + sigma0 + w[i - 7] + sigma1;
            }
            // Working variables come from state each block and are added back at the end, so no copy of the
            // chaining value stays live through the rounds (that pushed the JIT into spilling temporaries).
            uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
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
            state[0] += a; state[1] += b; state[2] += c; state[3] += d;
            state[4] += e; state[5] += f; state[6] += g; state[7] += h;
            blocks = blocks.Slice(64);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Sigma0(uint x) => BitOperations.RotateRight(x, 2) ^ BitOperations.RotateRight(x, 13) ^ BitOperations.RotateRight(x, 22);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Sigma1(uint x) => BitOperations.RotateRight(x, 6) ^ BitOperations.RotateRight(x, 11) ^ BitOperations.RotateRight(x, 25);
}
