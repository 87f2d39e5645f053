using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Trie;

public sealed partial class PatriciaTrie
{
    /// <summary>
    /// Merkle proof for <paramref name="key"/>: the encodings of the nodes on its path that are
    /// referenced by hash (the root first). Proves presence or absence.
    /// </summary>
    public List<byte[]> Prove(ReadOnlySpan<byte> key)
    {
        List<byte[]> proof = new();
        byte[] path = Nibbles.FromBytes(key);
        TrieNode? node = _root;
        int at = 0;
        bool isRoot = true;
        while (node != null)
        {
            TrieNode resolved = Resolve(node);
            if (isRoot || resolved.IsReferencedByHash) proof.Add(resolved.Encoding);
            isRoot = false;
            node = Step(resolved, path, ref at);
        }
        return proof;
    }

    /// <summary>
    /// Checks a proof against <paramref name="root"/>. Returns false if the proof is malformed or
    /// incomplete; otherwise true with <paramref name="value"/> the proven value (null = proven absent).
    /// </summary>
    public static bool TryVerifyProof(Hash32 root, ReadOnlySpan<byte> key, IReadOnlyList<byte[]> proof, out byte[]? value)
    {
        value = null;
        Dictionary<Hash32, byte[]> byHash = new();
        Span<byte> h = stackalloc byte[32];
        foreach (byte[] encoding in proof)
        {
            Keccak256.Hash(encoding, h);
            byHash[new Hash32(h)] = encoding;
        }
        if (root == EmptyRoot) return true;
        byte[] path = Nibbles.FromBytes(key);
        TrieNode? node = new HashNode(root);
        int at = 0;
        try
        {
            while (node != null)
            {
                if (node is HashNode hn)
                {
                    if (!byHash.TryGetValue(hn.Hash, out byte[]? encoding)) return false;
                    node = TrieNodeCodec.Decode(encoding);
                }
                if (node is LeafNode leaf)
                {
                    value = path.AsSpan(at).SequenceEqual(leaf.Path) ? leaf.Value : null;
                    return true;
                }
                if (node is BranchNode branch && at == path.Length)
                {
                    value = branch.Value;
                    return true;
                }
                node = Step(node, path, ref at);
            }
            return true;
        }
        catch (TrieException)
        {
            return false;
        }
    }

    /// <summary>Follows one node along <paramref name="path"/>; null when the key cannot continue.</summary>
    private static TrieNode? Step(TrieNode node, byte[] path, ref int at)
    {
        switch (node)
        {
            case ExtensionNode ext:
                if (!path.AsSpan(at).StartsWith(ext.Path)) return null;
                at += ext.Path.Length;
                return ext.Child;
            case BranchNode branch:
                return at == path.Length ? null : branch.Children[path[at++]];
            default:
                return null;
        }
    }

    /// <summary>Longest nibble path <see cref="ToSortedList"/> follows (keys up to 4 KiB).</summary>
    public const int MaxIterationDepth = 8192;

    /// <summary>All key/value pairs in key order (keys as bytes).</summary>
    public List<KeyValuePair<byte[], byte[]>> ToSortedList()
    {
        List<KeyValuePair<byte[], byte[]>> result = new();
        List<byte> prefix = new();
        Collect(_root, prefix, result);
        return result;
    }

    private void Collect(TrieNode? node, List<byte> prefix, List<KeyValuePair<byte[], byte[]>> into)
    {
        if (node == null) return;
        // Paths only grow, so a walk this deep means a store whose nodes refer to themselves.
        if (prefix.Count > MaxIterationDepth) throw new TrieException("trie deeper than any key (cyclic node store?)");
        int mark = prefix.Count;
        switch (Resolve(node))
        {
            case LeafNode leaf:
                prefix.AddRange(leaf.Path);
                into.Add(new(Nibbles.ToBytes(prefix.ToArray()), leaf.Value));
                break;
            case ExtensionNode ext:
                prefix.AddRange(ext.Path);
                Collect(ext.Child, prefix, into);
                break;
            case BranchNode branch:
                if (branch.Value != null) into.Add(new(Nibbles.ToBytes(prefix.ToArray()), branch.Value));
                for (int i = 0; i < 16; i++)
                {
                    prefix.Add((byte)i);
                    Collect(branch.Children[i], prefix, into);
                    prefix.RemoveAt(prefix.Count - 1);
                }
                break;
        }
        prefix.RemoveRange(mark, prefix.Count - mark);
    }
}
