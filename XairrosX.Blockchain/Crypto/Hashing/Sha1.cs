using System;
using System.Buffers.Binary;
using System.Numerics;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// SHA-1 (FIPS 180-4). Broken for collision resistance; it exists because Bitcoin Script's OP_SHA1 is
/// consensus and must be computed exactly. Do not use it for anything new.
/// </summary>
public struct Sha1 : IIncrementalHash<Sha1>
{
    private Digest160<Sha1CompressionBlocks> _core;

    /// <summary>Creates an empty hasher.</summary>
    public Sha1() => _core.Reset();

    /// <inheritdoc/>
    public static int HashSizeInBytes => 20;

    /// <inheritdoc/>
    public static int BlockSizeInBytes => 64;

    /// <inheritdoc/>
    public static Sha1 Create() => new();

    /// <summary>Hashes <paramref name="data"/> into the first 20 bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 20 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination) => Digest160<Sha1CompressionBlocks>.Hash(data, destination);

    /// <summary>Hashes <paramref name="data"/> into a new 20-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        byte[] digest = new byte[20];
        Hash(data, digest);
        return digest;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Append(ReadOnlySpan<byte> data) => _core.Append(data);

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The instance is a <c>default</c> value.</exception>
    public void Finish(Span<byte> destination) => _core.Finish(destination);

    /// <inheritdoc/>
    public void Reset() => _core.Reset();
}

/// <summary>The SHA-1 block function (80 rounds over a 16-word rolling schedule).</summary>
internal struct Sha1CompressionBlocks : IBlockCompressor<State5x32>
{
    public static int BlockSize => 64;

    public static int LengthFieldSize => 8;

    public static bool BigEndianLength => true;

    public static void Compress(ref State5x32 state, ReadOnlySpan<byte> blocks)
    {
        Span<uint> w = stackalloc uint[16];
        for (; blocks.Length >= 64; blocks = blocks.Slice(64))
        {
            for (int i = 0; i < 16; i++) w[i] = BinaryPrimitives.ReadUInt32BigEndian(blocks.Slice(i * 4));
            uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
            for (int t = 0; t < 80; t++)
            {
                uint word;
                if (t < 16) word = w[t];
                else
                {
                    word = BitOperations.RotateLeft(w[(t + 13) & 15] ^ w[(t + 8) & 15] ^ w[(t + 2) & 15] ^ w[t & 15], 1);
                    w[t & 15] = word;
                }
                uint f, k;
                if (t < 20) { f = (b & c) | (~b & d); k = 0x5A827999; }
                else if (t < 40) { f = b ^ c ^ d; k = 0x6ED9EBA1; }
                else if (t < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC; }
                else { f = b ^ c ^ d; k = 0xCA62C1D6; }
                uint temp = BitOperations.RotateLeft(a, 5) + f + e + k + word;
                e = d; d = c; c = BitOperations.RotateLeft(b, 30); b = a; a = temp;
            }
            state[0] += a; state[1] += b; state[2] += c; state[3] += d; state[4] += e;
        }
    }
}
