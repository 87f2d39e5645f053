using System;

namespace XairrosX.Blockchain.Trie;

/// <summary>Nibble paths (one 4-bit value per byte) and the yellow paper's hex-prefix encoding.</summary>
public static class Nibbles
{
    /// <summary>Splits bytes into nibbles, high nibble first.</summary>
    public static byte[] FromBytes(ReadOnlySpan<byte> key)
    {
        byte[] nibbles = new byte[key.Length * 2];
        for (int i = 0; i < key.Length; i++)
        {
            nibbles[2 * i] = (byte)(key[i] >> 4);
            nibbles[2 * i + 1] = (byte)(key[i] & 0x0F);
        }
        return nibbles;
    }

    /// <summary>Joins an even number of nibbles back into bytes.</summary>
    public static byte[] ToBytes(ReadOnlySpan<byte> nibbles)
    {
        if ((nibbles.Length & 1) != 0) throw new ArgumentException("odd nibble count", nameof(nibbles));
        byte[] bytes = new byte[nibbles.Length / 2];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
        return bytes;
    }

    /// <summary>Length of the common prefix of two nibble paths.</summary>
    public static int CommonPrefix(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int n = Math.Min(a.Length, b.Length);
        int i = 0;
        while (i < n && a[i] == b[i]) i++;
        return i;
    }

    /// <summary>
    /// Hex-prefix (compact) encoding: the first nibble holds the flags (2 = leaf, 1 = odd length);
    /// an even path gets a zero padding nibble so the result is whole bytes.
    /// </summary>
    public static byte[] EncodeHexPrefix(ReadOnlySpan<byte> nibbles, bool isLeaf)
    {
        bool odd = (nibbles.Length & 1) != 0;
        byte[] output = new byte[nibbles.Length / 2 + 1];
        int flags = (isLeaf ? 2 : 0) + (odd ? 1 : 0);
        int at;
        if (odd)
        {
            output[0] = (byte)((flags << 4) | nibbles[0]);
            at = 1;
        }
        else
        {
            output[0] = (byte)(flags << 4);
            at = 0;
        }
        for (int i = 1; i < output.Length; i++, at += 2) output[i] = (byte)((nibbles[at] << 4) | nibbles[at + 1]);
        return output;
    }

    /// <summary>Decodes a hex-prefix path; throws <see cref="TrieException"/> for bad flags or padding.</summary>
    public static byte[] DecodeHexPrefix(ReadOnlySpan<byte> encoded, out bool isLeaf)
    {
        if (encoded.IsEmpty) throw new TrieException("empty hex-prefix path");
        int flags = encoded[0] >> 4;
        if (flags > 3) throw new TrieException("invalid hex-prefix flag nibble");
        isLeaf = (flags & 2) != 0;
        bool odd = (flags & 1) != 0;
        if (!odd && (encoded[0] & 0x0F) != 0) throw new TrieException("non-zero hex-prefix padding");
        byte[] nibbles = new byte[(encoded.Length - 1) * 2 + (odd ? 1 : 0)];
        int at = 0;
        if (odd) nibbles[at++] = (byte)(encoded[0] & 0x0F);
        for (int i = 1; i < encoded.Length; i++)
        {
            nibbles[at++] = (byte)(encoded[i] >> 4);
            nibbles[at++] = (byte)(encoded[i] & 0x0F);
        }
        return nibbles;
    }

    /// <summary>Concatenates nibble paths (used when collapsing nodes after a delete).</summary>
    public static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        byte[] r = new byte[a.Length + b.Length];
        a.CopyTo(r);
        b.CopyTo(r.AsSpan(a.Length));
        return r;
    }

    /// <summary>Prefixes a single nibble to a path.</summary>
    public static byte[] Prepend(byte nibble, ReadOnlySpan<byte> path)
    {
        byte[] r = new byte[path.Length + 1];
        r[0] = nibble;
        path.CopyTo(r.AsSpan(1));
        return r;
    }
}
