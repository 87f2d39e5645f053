using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Trie;

/// <summary>
/// A trie whose keys are Keccak-256 hashed before use (Ethereum's state and storage tries), which
/// keeps paths uniformly 64 nibbles deep whatever keys an attacker chooses.
/// </summary>
public sealed class SecureTrie
{
    /// <summary>An empty in-memory secure trie.</summary>
    public SecureTrie() => Inner = new PatriciaTrie();

    /// <summary>Opens a committed secure trie.</summary>
    public SecureTrie(ITrieNodeStore store, Hash32 root) => Inner = new PatriciaTrie(store, root);

    /// <summary>The underlying trie over hashed keys.</summary>
    public PatriciaTrie Inner { get; }

    /// <summary>Root hash.</summary>
    public Hash32 RootHash => Inner.RootHash;

    /// <summary>Value for a key, or null.</summary>
    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        Span<byte> h = stackalloc byte[32];
        Keccak256.Hash(key, h);
        return Inner.Get(h);
    }

    /// <summary>Stores a value (empty deletes).</summary>
    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Span<byte> h = stackalloc byte[32];
        Keccak256.Hash(key, h);
        Inner.Put(h, value);
    }

    /// <summary>Deletes a key.</summary>
    public bool Delete(ReadOnlySpan<byte> key)
    {
        Span<byte> h = stackalloc byte[32];
        Keccak256.Hash(key, h);
        return Inner.Delete(h);
    }

    /// <summary>Merkle proof for a key (over its hash).</summary>
    public List<byte[]> Prove(ReadOnlySpan<byte> key)
    {
        Span<byte> h = stackalloc byte[32];
        Keccak256.Hash(key, h);
        return Inner.Prove(h);
    }
}
