using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Trie;

namespace XairrosX.Blockchain.Ethereum;

/// <summary>
/// Account state: a secure trie keyed by address, with a write-back cache of touched accounts.
/// <see cref="Fork"/> is cheap because trie nodes are immutable and shared, which lets a block be
/// executed on a copy and thrown away if it turns out invalid.
/// </summary>
public sealed class WorldState
{
    private readonly PatriciaTrie _trie;
    private readonly Dictionary<Address, EthAccount?> _cache = new();
    private readonly HashSet<Address> _dirty = new();

    /// <summary>An empty state.</summary>
    public WorldState() => _trie = new PatriciaTrie();

    /// <summary>Opens committed state by root.</summary>
    public WorldState(ITrieNodeStore store, Hash32 root) => _trie = new PatriciaTrie(store, root);

    private WorldState(PatriciaTrie trie) => _trie = trie;

    /// <summary>The account at <paramref name="address"/>, or null if it does not exist.</summary>
    public EthAccount? Get(Address address)
    {
        if (_cache.TryGetValue(address, out EthAccount? cached)) return cached;
        Span<byte> key = stackalloc byte[32];
        Key(address, key);
        byte[]? raw = _trie.Get(key);
        EthAccount? account = raw == null ? null : EthAccount.Decode(raw);
        _cache[address] = account;
        return account;
    }

    /// <summary>Balance (zero for absent accounts).</summary>
    public UInt256 BalanceOf(Address address) => Get(address)?.Balance ?? UInt256.Zero;

    /// <summary>Next nonce (zero for absent accounts).</summary>
    public ulong NonceOf(Address address) => Get(address)?.Nonce ?? 0;

    /// <summary>Sets or (with null or an empty account, per EIP-161) removes an account.</summary>
    public void Set(Address address, EthAccount? account)
    {
        if (account != null && account.IsEmpty) account = null;
        _cache[address] = account;
        _dirty.Add(address);
    }

    /// <summary>Writes cached changes into the trie and returns the state root.</summary>
    public Hash32 ComputeRoot()
    {
        Span<byte> key = stackalloc byte[32];
        foreach (Address address in _dirty)
        {
            EthAccount? a = _cache[address];
            Key(address, key);
            if (a == null) _trie.Delete(key);
            else _trie.Put(key, a.Encode());
        }
        _dirty.Clear();
        return _trie.RootHash;
    }

    /// <summary>Flushes and commits the state's nodes to <paramref name="store"/>.</summary>
    public Hash32 Commit(RefCountedNodeStore store)
    {
        ComputeRoot();
        return _trie.Commit(store);
    }

    /// <summary>An independent copy (after flushing) that shares all unchanged trie nodes.</summary>
    public WorldState Fork()
    {
        ComputeRoot();
        return new WorldState(_trie.Clone());
    }

    /// <summary>The secure-trie key: keccak of the address, written into <paramref name="key32"/> (no allocation).</summary>
    private static void Key(Address address, Span<byte> key32)
    {
        Span<byte> raw = stackalloc byte[Address.Size];
        address.CopyTo(raw);
        XairrosX.Blockchain.Crypto.Keccak256.Hash(raw, key32);
    }
}
