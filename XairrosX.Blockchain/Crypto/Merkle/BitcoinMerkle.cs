using System;
using System.Collections.Generic;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// Bitcoin's block Merkle root: nodes are SHA-256d(left ‖ right) of 32-byte hashes in internal byte order,
/// and a level with an odd count pairs its last hash with itself.
/// </summary>
/// <remarks>
/// The duplication makes the tree malleable (CVE-2012-2459: two transaction lists can share a root);
/// consensus code must reject blocks with duplicate transactions, which is outside this primitive.
/// </remarks>
public static class BitcoinMerkle
{
    /// <summary>Computes the root of <paramref name="hashes"/> (a concatenation of 32-byte leaf hashes, e.g. txids).</summary>
    /// <returns>False when there are no leaves, the length is not a multiple of 32, or the destination is short.</returns>
    public static bool TryComputeRoot(ReadOnlySpan<byte> hashes, Span<byte> root)
    {
        if (hashes.IsEmpty || hashes.Length % 32 != 0 || root.Length < 32) return false;
        int count = hashes.Length / 32;
        byte[]? rented = count > 64 ? new byte[hashes.Length] : null;
        Span<byte> level = rented ?? stackalloc byte[64 * 32];
        level = level.Slice(0, hashes.Length);
        hashes.CopyTo(level);
        Span<byte> pair = stackalloc byte[64];
        while (count > 1)
        {
            int parents = (count + 1) / 2;
            for (int i = 0; i < parents; i++)
            {
                int left = 2 * i, right = Math.Min(2 * i + 1, count - 1);
                level.Slice(32 * left, 32).CopyTo(pair);
                level.Slice(32 * right, 32).CopyTo(pair.Slice(32));
                Sha256.HashTwice(pair, level.Slice(32 * i, 32));
            }
            count = parents;
        }
        level.Slice(0, 32).CopyTo(root);
        return true;
    }

    /// <summary>Hashes each leaf's bytes with SHA-256d first (as transactions become txids), then computes the root.</summary>
    /// <exception cref="ArgumentException">No leaves.</exception>
    public static byte[] ComputeRootOfData(IReadOnlyList<byte[]> leaves)
    {
        if (leaves.Count == 0) throw new ArgumentException("A Merkle tree needs at least one leaf.", nameof(leaves));
        byte[] hashes = new byte[32 * leaves.Count];
        for (int i = 0; i < leaves.Count; i++) Sha256.HashTwice(leaves[i], hashes.AsSpan(32 * i, 32));
        byte[] root = new byte[32];
        TryComputeRoot(hashes, root);
        return root;
    }
}
