using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using XairrosX.Blockchain.Consensus;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Mempool;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Store;
using XairrosX.Blockchain.Trie;

namespace XairrosX.Blockchain.Service;

/// <summary>
/// A single-node account-ledger chain over a <see cref="LogStructuredStore"/>: genesis, a mempool, mining
/// (PoW seal), block and balance queries, plus a standalone trie for the shell's trie commands. Every
/// block is one store commit, so after a crash the chain reopens at its last complete block.
/// Store layout: 'H' → head hash; 'B'|hash → block RLP; 'N'|number → hash; 'T' → trie root;
/// 32-byte keys → reference-counted trie nodes (state and the standalone trie).
/// </summary>
public sealed partial class ChainService
{
    /// <summary>Difficulty of mined blocks: about this many header hashes per block.</summary>
    public const ulong MiningDifficulty = 64;

    private static readonly byte[] HeadKey = [(byte)'H'];
    private static readonly byte[] TrieRootKey = [(byte)'T'];

    private readonly LogStructuredStore _store;
    private readonly RefCountedNodeStore _nodes;
    private readonly EthBlockProcessor _processor;
    private EthBlockHeader? _head;
    private WorldState? _state;
    private AccountMempool? _mempool;
    private PatriciaTrie _trie;

    /// <summary>Opens the chain kept in <paramref name="store"/> (empty until <c>chain init</c>).</summary>
    public ChainService(LogStructuredStore store, EthChainConfig? config = null, IEcdsaRecovery? ecdsa = null)
    {
        _store = store;
        _nodes = new RefCountedNodeStore(store);
        _processor = new EthBlockProcessor(config ?? new EthChainConfig(), ecdsa ?? Secp256k1Recovery.Instance);
        _trie = _store.TryGet(TrieRootKey, out byte[]? root) && root != null ? new PatriciaTrie(_nodes, new Hash32(root)) : new PatriciaTrie(_nodes, PatriciaTrie.EmptyRoot);
        if (_store.TryGet(HeadKey, out byte[]? head) && head != null) Load(new Hash32(head));
    }

    /// <summary>The head block's header, or null before <c>chain init</c>.</summary>
    public EthBlockHeader? Head => _head;

    /// <summary>The pending-transaction pool (null before init).</summary>
    public AccountMempool? Pool => _mempool;

    /// <summary>
    /// Development accounts funded at genesis: the addresses of secret keys 0x…01, 0x…02 and 0x…03
    /// (32 bytes, big-endian), each with 1,000,000 ether.
    /// </summary>
    public static IReadOnlyList<Address> DevAccounts { get; } = BuildDevAccounts();

    private static List<Address> BuildDevAccounts()
    {
        List<Address> list = new();
        byte[] secret = new byte[32];
        byte[] pub = new byte[65];
        for (byte i = 1; i <= 3; i++)
        {
            secret[31] = i;
            Secp256k1.TryGetPublicKey(secret, pub, compressed: false);
            list.Add(SenderRecovery.AddressOf(pub.AsSpan(1)));
        }
        return list;
    }

    private void Load(Hash32 headHash)
    {
        EthBlock block = ReadBlock(headHash) ?? throw new TrieException("head block missing from store");
        _head = block.Header;
        _state = new WorldState(_nodes, _head.StateRoot);
        _mempool = new AccountMempool(_processor, _state, 4096) { BaseFee = _processor.Config.NextBaseFee(_head) };
    }

    /// <summary>Creates the genesis block; false if the chain already exists.</summary>
    public bool TryInit(out EthBlockHeader genesis)
    {
        if (_head != null)
        {
            genesis = _head;
            return false;
        }
        WorldState state = new();
        foreach (Address a in DevAccounts) state.Set(a, EthAccount.WithBalance(UInt256.Parse("1000000000000000000000000")));
        Hash32 root = state.Commit(_nodes);
        genesis = new EthBlockHeader
        {
            StateRoot = root, TransactionsRoot = PatriciaTrie.EmptyRoot, ReceiptsRoot = PatriciaTrie.EmptyRoot,
            GasLimit = 30_000_000, BaseFee = _processor.Config.InitialBaseFee, Difficulty = 1UL, ExtraData = "XairrosX"u8.ToArray(),
        };
        Persist(new EthBlock(genesis, []));
        _store.Commit();
        Load(genesis.Hash);
        return true;
    }

    /// <summary>Mines one block from the mempool; returns it (null before init).</summary>
    public EthBlock? MineBlock()
    {
        if (_head == null || _state == null || _mempool == null) return null;
        List<EthTransaction> picked = _mempool.SelectForBlock(_head.GasLimit);
        EthBlock built = _processor.BuildBlock(_head, _state.Fork(), picked, DevAccounts[0], _head.Timestamp + 12, _head.GasLimit);
        EthBlockHeader sealedHeader = EthashLitePow.Seal(built.Header.WithNonce(0, MiningDifficulty), 1_000_000)
            ?? throw new InvalidOperationException("no nonce found"); // ~64 tries expected; a million failing is impossible in practice
        EthBlock block = new(sealedHeader, built.Transactions);
        if (!_processor.TryValidateBlock(_head, _state, block, out WorldState? post, out string? error))
            throw new InvalidOperationException("mined block failed validation: " + error);
        Hash32 previousRoot = _head.StateRoot;
        post!.Commit(_nodes);
        Persist(block);
        _nodes.Release(previousRoot); // keep only the head state; blocks stay
        _store.Commit();
        _head = block.Header;
        _state = post;
        _mempool.State = post;
        _mempool.BaseFee = _processor.Config.NextBaseFee(_head);
        _mempool.Prune();
        return block;
    }

    private void Persist(EthBlock block)
    {
        Hash32 hash = block.Hash;
        Span<byte> key = stackalloc byte[33];
        key[0] = (byte)'B';
        hash.CopyTo(key.Slice(1));
        _store.Put(key, block.Encode());
        Span<byte> numberKey = stackalloc byte[9];
        numberKey[0] = (byte)'N';
        BinaryPrimitives.WriteUInt64BigEndian(numberKey.Slice(1), block.Header.Number);
        _store.Put(numberKey, hash.ToArray());
        _store.Put(HeadKey, hash.ToArray());
    }

    /// <summary>The block with this hash, or null.</summary>
    public EthBlock? ReadBlock(Hash32 hash)
    {
        Span<byte> key = stackalloc byte[33];
        key[0] = (byte)'B';
        hash.CopyTo(key.Slice(1));
        return _store.TryGet(key, out byte[]? raw) && raw != null ? EthBlock.Decode(raw) : null;
    }

    /// <summary>The block at this height, or null.</summary>
    public EthBlock? ReadBlock(ulong number)
    {
        Span<byte> key = stackalloc byte[9];
        key[0] = (byte)'N';
        BinaryPrimitives.WriteUInt64BigEndian(key.Slice(1), number);
        return _store.TryGet(key, out byte[]? hash) && hash != null ? ReadBlock(new Hash32(hash)) : null;
    }

    /// <summary>Balance and nonce at the head (zero before init).</summary>
    public (UInt256 Balance, ulong Nonce) Account(Address address) =>
        _state == null ? (UInt256.Zero, 0) : (_state.BalanceOf(address), _state.NonceOf(address));

    private void CommitTrie()
    {
        Hash32 old = _store.TryGet(TrieRootKey, out byte[]? r) && r != null ? new Hash32(r) : PatriciaTrie.EmptyRoot;
        Hash32 root = _trie.Commit(_nodes);
        _nodes.Release(old);
        _store.Put(TrieRootKey, root.ToArray());
        _store.Commit();
    }
}
