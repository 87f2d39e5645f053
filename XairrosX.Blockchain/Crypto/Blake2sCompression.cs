using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace XairrosX.Blockchain.Crypto;

/// <summary>The BLAKE2s compression function F (RFC 7693).</summary>
internal static class Blake2sCompression
{
    /// <summary>Compresses one 64-byte block; the counter is the message byte count including this block.</summary>
    [SkipLocalsInit]
    internal static void Compress(Span<uint> h, ReadOnlySpan<byte> block, ulong counterLow, ulong counterHigh, bool isLast)
    {
        ReadOnlySpan<uint> iv = Sha256Compression.InitialState;
        Span<uint> m = stackalloc uint[16];
        for (int i = 0; i < 16; i++) m[i] = BinaryPrimitives.ReadUInt32LittleEndian(block.Slice(i * 4));
        uint v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
        uint v8 = iv[0], v9 = iv[1], v10 = iv[2], v11 = iv[3];
        uint v12 = iv[4] ^ (uint)counterLow, v13 = iv[5] ^ (uint)counterHigh;
        uint v14 = isLast ? ~iv[6] : iv[6], v15 = iv[7];
        for (int round = 0; round < 10; round++)
        {
            ReadOnlySpan<byte> sigma = Blake2bCompression.Sigma.Slice((round % 10) * 16, 16);
            v0 += v4 + m[sigma[0]]; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 12);
            v0 += v4 + m[sigma[1]]; v12 = BitOperations.RotateRight(v12 ^ v0, 8); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 7);
            v1 += v5 + m[sigma[2]]; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 12);
            v1 += v5 + m[sigma[3]]; v13 = BitOperations.RotateRight(v13 ^ v1, 8); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 7);
            v2 += v6 + m[sigma[4]]; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 12);
            v2 += v6 + m[sigma[5]]; v14 = BitOperations.RotateRight(v14 ^ v2, 8); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 7);
            v3 += v7 + m[sigma[6]]; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 12);
            v3 += v7 + m[sigma[7]]; v15 = BitOperations.RotateRight(v15 ^ v3, 8); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 7);
            v0 += v5 + m[sigma[8]]; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 12);
            v0 += v5 + m[sigma[9]]; v15 = BitOperations.RotateRight(v15 ^ v0, 8); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 7);
            v1 += v6 + m[sigma[10]]; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 12);
            v1 += v6 + m[sigma[11]]; v12 = BitOperations.RotateRight(v12 ^ v1, 8); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 7);
            v2 += v7 + m[sigma[12]]; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 12);
            v2 += v7 + m[sigma[13]]; v13 = BitOperations.RotateRight(v13 ^ v2, 8); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 7);
            v3 += v4 + m[sigma[14]]; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 12);
            v3 += v4 + m[sigma[15]]; v14 = BitOperations.RotateRight(v14 ^ v3, 8); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 7);
        }
        h[0] ^= v0 ^ v8; h[1] ^= v1 ^ v9; h[2] ^= v2 ^ v10; h[3] ^= v3 ^ v11;
        h[4] ^= v4 ^ v12; h[5] ^= v5 ^ v13; h[6] ^= v6 ^ v14; h[7] ^= v7 ^ v15;
    }
}
