using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Store;

namespace XairrosX.Blockchain.Trie;

/// <summary>
/// Trie nodes keyed by hash over an <see cref="IKeyValueStore"/>, each with a reference count:
/// one per parent node that refers to it by hash plus one per committed root. Releasing a root
/// deletes exactly the nodes no longer reachable from any other committed root.
/// Stored value layout: 4-byte big-endian count, then the node's RLP.
/// </summary>
public sealed class RefCountedNodeStore : ITrieNodeStore
{
    private readonly IKeyValueStore _backing;

    /// <summary>Keeps nodes in <paramref name="backing"/>.</summary>
    public RefCountedNodeStore(IKeyValueStore backing) => _backing = backing;

    /// <inheritdoc/>
    public bool TryGetNode(Hash32 hash, out byte[]? encoding)
    {
        encoding = null;
        if (!TryGetEntry(hash, out int _, out byte[]? raw)) return false;
        encoding = raw.AsSpan(4).ToArray();
        return true;
    }

    /// <summary>Current reference count of a node (0 if absent).</summary>
    public int ReferenceCount(Hash32 hash) => TryGetEntry(hash, out int refs, out _) ? refs : 0;

    /// <summary>
    /// Drops one reference to a committed root; nodes whose count reaches zero are deleted and
    /// their children released in turn.
    /// </summary>
    public void Release(Hash32 root)
    {
        if (root == PatriciaTrie.EmptyRoot) return;
        Stack<Hash32> pending = new();
        pending.Push(root);
        List<Hash32> children = new();
        Span<byte> key = stackalloc byte[32];
        while (pending.Count > 0)
        {
            Hash32 hash = pending.Pop();
            if (!TryGetEntry(hash, out int refs, out byte[]? raw)) throw new TrieException("release of a node that is not stored");
            hash.CopyTo(key);
            if (refs > 1)
            {
                BinaryPrimitives.WriteInt32BigEndian(raw, refs - 1);
                _backing.Put(key, raw);
                continue;
            }
            _backing.Delete(key);
            children.Clear();
            TrieNodeCodec.CollectHashChildren(raw.AsSpan(4).ToArray(), children);
            foreach (Hash32 child in children) pending.Push(child);
        }
    }

    /// <summary>Adds one reference to <paramref name="node"/>, storing it (and, recursively, its new children) if absent.</summary>
    internal void AddReference(TrieNode node)
    {
        Hash32 hash = node.Hash;
        Span<byte> key = stackalloc byte[32];
        hash.CopyTo(key);
        if (TryGetEntry(hash, out int refs, out byte[]? raw))
        {
            BinaryPrimitives.WriteInt32BigEndian(raw, refs + 1);
            _backing.Put(key, raw);
            return;
        }
        if (node is HashNode) throw new TrieException("node referenced by hash is missing from the store");
        byte[] encoding = node.Encoding;
        byte[] value = new byte[4 + encoding.Length];
        BinaryPrimitives.WriteInt32BigEndian(value, 1);
        encoding.CopyTo(value, 4);
        _backing.Put(key, value);
        switch (node)
        {
            case ExtensionNode e when e.Child.IsReferencedByHash:
                AddReference(e.Child);
                break;
            case BranchNode b:
                foreach (TrieNode? child in b.Children)
                    if (child != null && child.IsReferencedByHash) AddReference(child);
                break;
        }
    }

    private bool TryGetEntry(Hash32 hash, out int refs, out byte[] raw)
    {
        Span<byte> key = stackalloc byte[32];
        hash.CopyTo(key);
        refs = 0;
        raw = [];
        if (!_backing.TryGet(key, out byte[]? value) || value == null || value.Length < 4) return false;
        raw = value;
        refs = BinaryPrimitives.ReadInt32BigEndian(value);
        return true;
    }
}
