using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace XairrosX.Blockchain.Crypto;

/// <summary>The BLAKE2b compression function F (RFC 7693).</summary>
internal static class Blake2bCompression
{
    /// <summary>Message schedule: row r lists the word order of round r (rounds past 9 wrap around).</summary>
    internal static ReadOnlySpan<byte> Sigma =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
        11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
        7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
        9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
        2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
        12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
        13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
        6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
        10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
    ];

    /// <summary>Compresses one 128-byte block; the counter is the message byte count including this block.</summary>
    [SkipLocalsInit]
    internal static void Compress(Span<ulong> h, ReadOnlySpan<byte> block, ulong counterLow, ulong counterHigh, bool isLast)
    {
        ReadOnlySpan<ulong> iv = Sha512Compression.InitialState;
        Span<ulong> m = stackalloc ulong[16];
        for (int i = 0; i < 16; i++) m[i] = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(i * 8));
        ulong v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
        ulong v8 = iv[0], v9 = iv[1], v10 = iv[2], v11 = iv[3];
        ulong v12 = iv[4] ^ (ulong)counterLow, v13 = iv[5] ^ (ulong)counterHigh;
        ulong v14 = isLast ? ~iv[6] : iv[6], v15 = iv[7];
        for (int round = 0; round < 12; round++)
        {
            ReadOnlySpan<byte> sigma = Sigma.Slice((round % 10) * 16, 16);
            v0 += v4 + m[sigma[0]]; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
            v0 += v4 + m[sigma[1]]; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
            v1 += v5 + m[sigma[2]]; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
            v1 += v5 + m[sigma[3]]; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
            v2 += v6 + m[sigma[4]]; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
            v2 += v6 + m[sigma[5]]; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
            v3 += v7 + m[sigma[6]]; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
            v3 += v7 + m[sigma[7]]; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
            v0 += v5 + m[sigma[8]]; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
            v0 += v5 + m[sigma[9]]; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
            v1 += v6 + m[sigma[10]]; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
            v1 += v6 + m[sigma[11]]; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
            v2 += v7 + m[sigma[12]]; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
            v2 += v7 + m[sigma[13]]; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
            v3 += v4 + m[sigma[14]]; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
            v3 += v4 + m[sigma[15]]; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        }
        h[0] ^= v0 ^ v8; h[1] ^= v1 ^ v9; h[2] ^= v2 ^ v10; h[3] ^= v3 ^ v11;
        h[4] ^= v4 ^ v12; h[5] ^= v5 ^ v13; h[6] ^= v6 ^ v14; h[7] ^= v7 ^ v15;
    }
}
