using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Trie;

/// <summary>
/// The Merkle Patricia Trie of the Ethereum yellow paper (appendix D). Nodes are immutable and
/// shared between versions; nodes known only by hash are fetched from an <see cref="ITrieNodeStore"/>
/// on demand. An empty value deletes the key, as in Ethereum.
/// </summary>
public sealed partial class PatriciaTrie
{
    private readonly ITrieNodeStore? _store;
    private TrieNode? _root;

    /// <summary>Keccak-256 of RLP("") — the root hash of an empty trie.</summary>
    public static readonly Hash32 EmptyRoot = Hash32.Parse("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

    /// <summary>An empty in-memory trie.</summary>
    public PatriciaTrie()
    {
    }

    /// <summary>Opens the trie with root <paramref name="root"/> whose nodes are in <paramref name="store"/>.</summary>
    public PatriciaTrie(ITrieNodeStore store, Hash32 root)
    {
        _store = store;
        _root = root == EmptyRoot ? null : new HashNode(root);
    }

    private PatriciaTrie(ITrieNodeStore? store, TrieNode? root)
    {
        _store = store;
        _root = root;
    }

    /// <summary>A snapshot that shares every node with this trie; later changes to either do not affect the other.</summary>
    public PatriciaTrie Clone() => new(_store, _root);

    /// <summary>The root hash (keccak of the root node's RLP).</summary>
    public Hash32 RootHash => _root?.Hash ?? EmptyRoot;

    /// <summary>Returns the value stored under <paramref name="key"/>, or null.</summary>
    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        byte[] path = Nibbles.FromBytes(key);
        TrieNode? node = _root;
        int at = 0;
        while (node != null)
        {
            switch (Resolve(node))
            {
                case LeafNode leaf:
                    return path.AsSpan(at).SequenceEqual(leaf.Path) ? leaf.Value : null;
                case ExtensionNode ext:
                    if (!path.AsSpan(at).StartsWith(ext.Path)) return null;
                    at += ext.Path.Length;
                    node = ext.Child;
                    break;
                case BranchNode branch:
                    if (at == path.Length) return branch.Value;
                    node = branch.Children[path[at++]];
                    break;
                default:
                    throw new TrieException("unexpected node kind");
            }
        }
        return null;
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>; an empty value deletes.</summary>
    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            Delete(key);
            return;
        }
        _root = Insert(_root, Nibbles.FromBytes(key), value.ToArray());
    }

    /// <summary>Removes <paramref name="key"/>; returns false if it was absent.</summary>
    public bool Delete(ReadOnlySpan<byte> key)
    {
        TrieNode? updated = Remove(_root, Nibbles.FromBytes(key), out bool changed);
        if (changed) _root = updated;
        return changed;
    }

    /// <summary>
    /// Writes every node of the current version that the store lacks and adds one reference to the
    /// root (pinning this version until <see cref="RefCountedNodeStore.Release"/>). Returns the root hash.
    /// </summary>
    public Hash32 Commit(RefCountedNodeStore store)
    {
        if (_root == null) return EmptyRoot;
        store.AddReference(_root);
        return RootHash;
    }

    private TrieNode Resolve(TrieNode node)
    {
        if (node is not HashNode hashNode) return node;
        if (_store == null || !_store.TryGetNode(hashNode.Hash, out byte[]? encoding) || encoding == null)
            throw new TrieException("node " + hashNode.Hash + " is missing from the store");
        return TrieNodeCodec.Decode(encoding);
    }

    private TrieNode Insert(TrieNode? node, ReadOnlySpan<byte> path, byte[] value)
    {
        if (node == null) return new LeafNode(path.ToArray(), value);
        switch (Resolve(node))
        {
            case LeafNode leaf:
            {
                int common = Nibbles.CommonPrefix(leaf.Path, path);
                if (common == leaf.Path.Length && common == path.Length) return new LeafNode(leaf.Path, value);
                TrieNode?[] children = new TrieNode?[16];
                byte[]? branchValue = null;
                if (common == leaf.Path.Length) branchValue = leaf.Value;
                else children[leaf.Path[common]] = new LeafNode(leaf.Path.AsSpan(common + 1).ToArray(), leaf.Value);
                if (common == path.Length) branchValue = value;
                else children[path[common]] = new LeafNode(path.Slice(common + 1).ToArray(), value);
                return WithPrefix(path.Slice(0, common), new BranchNode(children, branchValue));
            }
            case ExtensionNode ext:
            {
                int common = Nibbles.CommonPrefix(ext.Path, path);
                if (common == ext.Path.Length) return new ExtensionNode(ext.Path, Insert(ext.Child, path.Slice(common), value));
                TrieNode?[] children = new TrieNode?[16];
                children[ext.Path[common]] = ext.Path.Length - common == 1
                    ? ext.Child
                    : new ExtensionNode(ext.Path.AsSpan(common + 1).ToArray(), ext.Child);
                byte[]? branchValue = null;
                if (common == path.Length) branchValue = value;
                else children[path[common]] = new LeafNode(path.Slice(common + 1).ToArray(), value);
                return WithPrefix(path.Slice(0, common), new BranchNode(children, branchValue));
            }
            case BranchNode branch:
                if (path.IsEmpty) return branch.WithValue(value);
                return branch.With(path[0], Insert(branch.Children[path[0]], path.Slice(1), value));
            default:
                throw new TrieException("unexpected node kind");
        }
    }

    private static TrieNode WithPrefix(ReadOnlySpan<byte> prefix, TrieNode node) =>
        prefix.IsEmpty ? node : new ExtensionNode(prefix.ToArray(), node);

    private TrieNode? Remove(TrieNode? node, ReadOnlySpan<byte> path, out bool changed)
    {
        changed = false;
        if (node == null) return null;
        switch (Resolve(node))
        {
            case LeafNode leaf:
                if (!path.SequenceEqual(leaf.Path)) return node;
                changed = true;
                return null;
            case ExtensionNode ext:
            {
                if (!path.StartsWith(ext.Path)) return node;
                TrieNode? child = Remove(ext.Child, path.Slice(ext.Path.Length), out changed);
                if (!changed) return node;
                return child == null ? null : JoinPath(ext.Path, child);
            }
            case BranchNode branch:
            {
                BranchNode updated;
                if (path.IsEmpty)
                {
                    if (branch.Value == null) return node;
                    updated = branch.WithValue(null);
                }
                else
                {
                    TrieNode? child = Remove(branch.Children[path[0]], path.Slice(1), out changed);
                    if (!changed) return node;
                    updated = branch.With(path[0], child);
                }
                changed = true;
                return Collapse(updated);
            }
            default:
                throw new TrieException("unexpected node kind");
        }
    }

    /// <summary>A branch left with a single entry is replaced by a leaf or an extension.</summary>
    private TrieNode? Collapse(BranchNode branch)
    {
        int only = -1, count = 0;
        for (int i = 0; i < 16; i++)
        {
            if (branch.Children[i] == null) continue;
            count++;
            only = i;
        }
        if (branch.Value != null) count++;
        if (count >= 2) return branch;
        if (count == 0) return null;
        if (branch.Value != null) return new LeafNode([], branch.Value);
        return JoinPath([(byte)only], branch.Children[only]!);
    }

    /// <summary>Puts <paramref name="prefix"/> in front of a node, merging with leaf or extension paths.</summary>
    private TrieNode JoinPath(ReadOnlySpan<byte> prefix, TrieNode child)
    {
        TrieNode resolved = child is HashNode ? Resolve(child) : child;
        return resolved switch
        {
            LeafNode leaf => new LeafNode(Nibbles.Concat(prefix, leaf.Path), leaf.Value),
            ExtensionNode ext => new ExtensionNode(Nibbles.Concat(prefix, ext.Path), ext.Child),
            _ => new ExtensionNode(prefix.ToArray(), child),
        };
    }
}
