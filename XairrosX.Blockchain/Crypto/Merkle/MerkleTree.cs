using System;
using System.Collections.Generic;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// A binary Merkle tree in the shape of RFC 6962/9162 (Certificate Transparency): leaves hash as H(0x00 ‖ data),
/// nodes as H(0x01 ‖ left ‖ right), and an n-leaf tree splits at the largest power of two below n. The prefixes
/// stop a node from passing for a leaf (second-preimage), and no node is duplicated, unlike Bitcoin's tree.
/// </summary>
/// <typeparam name="THash">The hash, e.g. <see cref="Sha256"/> or <see cref="Keccak256"/>.</typeparam>
public sealed class MerkleTree<THash> where THash : struct, IIncrementalHash<THash>
{
    private readonly byte[][] _leafHashes;

    /// <summary>Builds the tree over the given leaf contents.</summary>
    public MerkleTree(IReadOnlyList<byte[]> leaves)
    {
        _leafHashes = new byte[leaves.Count][];
        for (int i = 0; i < leaves.Count; i++)
        {
            _leafHashes[i] = new byte[THash.HashSizeInBytes];
            HashLeaf(leaves[i], _leafHashes[i]);
        }
        Root = RootOf(0, _leafHashes.Length);
    }

    /// <summary>Number of leaves.</summary>
    public int Count => _leafHashes.Length;

    /// <summary>The root; for an empty tree, the hash of the empty string.</summary>
    public byte[] Root { get; }

    /// <summary>H(0x00 ‖ data).</summary>
    public static void HashLeaf(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        THash hash = THash.Create();
        hash.Append([0x00]);
        hash.Append(data);
        hash.Finish(destination);
    }

    /// <summary>H(0x01 ‖ left ‖ right).</summary>
    public static void HashNode(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        THash hash = THash.Create();
        hash.Append([0x01]);
        hash.Append(left);
        hash.Append(right);
        hash.Finish(destination);
    }

    /// <summary>The audit path of leaf <paramref name="index"/>, nearest sibling first.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a leaf index.</exception>
    public byte[][] CreateProof(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var path = new List<byte[]>();
        AddPath(index, 0, Count, path);
        return path.ToArray();
    }

    /// <summary>
    /// Checks that <paramref name="leafData"/> is leaf <paramref name="index"/> of a tree of <paramref name="treeSize"/>
    /// leaves with root <paramref name="root"/> (the verification algorithm of RFC 9162 §2.1.3.2).
    /// </summary>
    public static bool VerifyProof(ReadOnlySpan<byte> leafData, int index, int treeSize, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= treeSize) return false;
        int size = THash.HashSizeInBytes;
        Span<byte> running = stackalloc byte[64];
        running = running.Slice(0, size);
        HashLeaf(leafData, running);
        long fn = index, sn = treeSize - 1;
        foreach (byte[] sibling in proof)
        {
            if (sn == 0 || sibling.Length != size) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                HashNode(sibling, running, running);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                HashNode(running, sibling, running);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && running.SequenceEqual(root);
    }

    private byte[] RootOf(int start, int count)
    {
        byte[] result = new byte[THash.HashSizeInBytes];
        if (count == 0)
        {
            THash empty = THash.Create();
            empty.Finish(result);
        }
        else if (count == 1)
        {
            _leafHashes[start].CopyTo(result, 0);
        }
        else
        {
            int split = LargestPowerOfTwoBelow(count);
            HashNode(RootOf(start, split), RootOf(start + split, count - split), result);
        }
        return result;
    }

    private void AddPath(int index, int start, int count, List<byte[]> path)
    {
        if (count <= 1) return;
        int split = LargestPowerOfTwoBelow(count);
        if (index < split)
        {
            AddPath(index, start, split, path);
            path.Add(RootOf(start + split, count - split));
        }
        else
        {
            AddPath(index - split, start + split, count - split, path);
            path.Add(RootOf(start, split));
        }
    }

    private static int LargestPowerOfTwoBelow(int n) => 1 << (31 - System.Numerics.BitOperations.LeadingZeroCount((uint)(n - 1)));
}
