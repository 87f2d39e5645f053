using System;
using System.Buffers.Binary;
using System.Numerics;

namespace XairrosX.Blockchain.Crypto;

/// <summary>The BLAKE2b compression function F (RFC 7693).</summary>
internal static class Blake2bCompression
{
    /// <summary>Compresses one 128-byte block; the counter is the message byte count including this block.</summary>
    internal static void Compress(Span<ulong> h, ReadOnlySpan<byte> block, ulong counterLow, ulong counterHigh, bool isLast)
    {
        ReadOnlySpan<ulong> iv = Sha512Compression.InitialState;
        ulong m0 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(0)), m1 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(8));
        ulong m2 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(16)), m3 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(24));
        ulong m4 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(32)), m5 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(40));
        ulong m6 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(48)), m7 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(56));
        ulong m8 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(64)), m9 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(72));
        ulong m10 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(80)), m11 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(88));
        ulong m12 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(96)), m13 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(104));
        ulong m14 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(112)), m15 = BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(120));
        ulong v0 = h[0], v1 = h[1], v2 = h[2], v3 = h[3], v4 = h[4], v5 = h[5], v6 = h[6], v7 = h[7];
        ulong v8 = iv[0], v9 = iv[1], v10 = iv[2], v11 = iv[3];
        ulong v12 = iv[4] ^ (ulong)counterLow, v13 = iv[5] ^ (ulong)counterHigh;
        ulong v14 = isLast ? ~iv[6] : iv[6], v15 = iv[7];
        // All rounds written out with the message words in locals: the schedule is fixed, so no table lookups at run time.
        // Round 0.
        v0 += v4 + m0; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m1; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m2; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m3; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m4; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m5; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m6; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m7; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m8; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m9; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m10; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m11; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m12; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m13; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m14; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m15; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // Round 1.
        v0 += v4 + m14; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m10; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m4; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m8; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m9; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m15; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m13; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m6; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m1; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m12; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m0; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m2; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m11; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m7; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m5; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m3; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // Round 2.
        v0 += v4 + m11; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m8; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m12; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m0; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m5; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m2; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m15; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m13; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m10; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m14; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m3; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m6; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m7; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m1; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m9; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m4; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // Round 3.
        v0 += v4 + m7; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m9; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m3; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m1; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m13; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m12; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m11; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m14; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m2; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m6; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m5; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m10; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m4; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m0; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m15; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m8; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // Round 4.
        v0 += v4 + m9; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m0; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m5; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m7; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m2; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m4; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m10; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m15; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m14; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m1; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m11; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m12; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m6; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m8; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m3; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m13; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // Round 5.
        v0 += v4 + m2; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m12; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m6; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m10; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m0; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m11; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m8; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m3; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m4; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m13; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m7; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m5; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m15; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m14; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m1; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m9; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // Round 6.
        v0 += v4 + m12; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m5; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m1; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m15; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m14; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m13; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m4; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m10; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m0; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m7; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m6; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m3; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m9; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m2; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m8; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m11; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // Round 7.
        v0 += v4 + m13; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m11; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m7; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m14; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m12; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m1; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m3; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m9; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m5; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m0; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m15; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m4; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m8; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m6; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m2; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m10; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // Round 8.
        v0 += v4 + m6; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m15; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m14; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m9; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m11; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m3; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m0; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m8; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m12; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m2; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m13; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m7; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m1; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m4; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m10; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m5; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // Round 9.
        v0 += v4 + m10; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m2; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m8; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m4; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m7; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m6; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m1; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m5; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m15; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m11; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m9; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m14; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m3; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m12; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m13; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m0; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // Round 10.
        v0 += v4 + m0; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m1; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m2; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m3; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m4; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m5; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m6; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m7; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m8; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m9; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m10; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m11; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m12; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m13; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m14; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m15; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        // Round 11.
        v0 += v4 + m14; v12 = BitOperations.RotateRight(v12 ^ v0, 32); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 24);
        v0 += v4 + m10; v12 = BitOperations.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = BitOperations.RotateRight(v4 ^ v8, 63);
        v1 += v5 + m4; v13 = BitOperations.RotateRight(v13 ^ v1, 32); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 24);
        v1 += v5 + m8; v13 = BitOperations.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = BitOperations.RotateRight(v5 ^ v9, 63);
        v2 += v6 + m9; v14 = BitOperations.RotateRight(v14 ^ v2, 32); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 24);
        v2 += v6 + m15; v14 = BitOperations.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = BitOperations.RotateRight(v6 ^ v10, 63);
        v3 += v7 + m13; v15 = BitOperations.RotateRight(v15 ^ v3, 32); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 24);
        v3 += v7 + m6; v15 = BitOperations.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = BitOperations.RotateRight(v7 ^ v11, 63);
        v0 += v5 + m1; v15 = BitOperations.RotateRight(v15 ^ v0, 32); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 24);
        v0 += v5 + m12; v15 = BitOperations.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = BitOperations.RotateRight(v5 ^ v10, 63);
        v1 += v6 + m0; v12 = BitOperations.RotateRight(v12 ^ v1, 32); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 24);
        v1 += v6 + m2; v12 = BitOperations.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = BitOperations.RotateRight(v6 ^ v11, 63);
        v2 += v7 + m11; v13 = BitOperations.RotateRight(v13 ^ v2, 32); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 24);
        v2 += v7 + m7; v13 = BitOperations.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = BitOperations.RotateRight(v7 ^ v8, 63);
        v3 += v4 + m5; v14 = BitOperations.RotateRight(v14 ^ v3, 32); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 24);
        v3 += v4 + m3; v14 = BitOperations.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = BitOperations.RotateRight(v4 ^ v9, 63);
        h[0] ^= v0 ^ v8; h[1] ^= v1 ^ v9; h[2] ^= v2 ^ v10; h[3] ^= v3 ^ v11;
        h[4] ^= v4 ^ v12; h[5] ^= v5 ^ v13; h[6] ^= v6 ^ v14; h[7] ^= v7 ^ v15;
    }
}
