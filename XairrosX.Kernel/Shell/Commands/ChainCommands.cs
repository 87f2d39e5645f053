using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Mempool;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Rlp;
using XairrosX.Blockchain.Trie;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// chain, trie, rlp: the ledger library at the shell. The chain lives in memory, or, when a disk is mounted at /disk,
/// in a log there (<see cref="ChainLogPath"/>): every mined block is one durable store commit, and `chain init` after a
/// reboot restores and re-validates the stored blocks. Hashes, addresses and byte strings print as lowercase hex without a prefix (addresses are accepted with
/// or without 0x); amounts print in decimal wei. Output lines, exactly:
/// <c>chain init</c> → <c>genesis &lt;hash&gt; state &lt;root&gt;</c> + <c>account &lt;address&gt; balance &lt;wei&gt;</c> per funded account;
/// <c>chain tx</c> → <c>accepted &lt;hash&gt;</c>; <c>chain mine [n]</c> → <c>block &lt;number&gt; &lt;hash&gt; txs &lt;count&gt; gas &lt;used&gt;</c> per block;
/// <c>chain block</c> → a header block of lines then <c>tx &lt;hash&gt; from &lt;a&gt; to &lt;b&gt; value &lt;wei&gt; nonce &lt;n&gt;</c>;
/// <c>chain balance</c> → <c>balance &lt;wei&gt; nonce &lt;n&gt;</c>; <c>chain mempool</c> → <c>mempool &lt;count&gt; pending &lt;n&gt;</c> + one <c>tx</c> line each;
/// <c>trie put|del</c> → <c>root &lt;hex&gt;</c>; <c>trie root</c> → <c>&lt;hex&gt;</c>; <c>trie proof</c> → <c>node &lt;rlp&gt;</c> lines, then
/// <c>value &lt;hex&gt;</c> or <c>absent</c> (after the proof was verified against the root); <c>rlp decode</c> → the item,
/// strings as 0x-hex and lists in brackets.
/// </summary>
internal static class ChainCommands
{
    private static DevChain s_chain;
    private static PatriciaTrie s_trie = new();

    public static IEnumerable<ShellCommand> All() =>
    [
        new("chain", "init | tx <raw> | mine [n] | block <n|hash> | balance <address> | mempool", "in-memory Ethereum-style ledger", Chain),
        new("trie", "put <key> <value> | del <key> | root | proof <key>", "Merkle Patricia trie (in memory)", Trie),
        new("rlp", "decode <hex>", "decode RLP (strict canonical form)", RlpCommand),
    ];

    /// <summary>Where the chain is kept when a disk is mounted at /disk.</summary>
    public const string ChainLogPath = "/disk/xairrosx-chain.log";

    private static Ledger.FileLogDevice s_chainLog;

    // With a disk at /disk the chain is kept in a log there (restored and re-validated here); without one it lives in
    // memory. Returns the persistence line to print, or null for an in-memory chain.
    private static string OpenChain()
    {
        s_chainLog?.Dispose();
        s_chainLog = null;
        if (!FileSystem.FileSystemBoot.IsMounted(FileSystem.FileSystemBoot.DiskMountPoint))
        {
            s_chain = new DevChain();
            return null;
        }
        try
        {
            s_chainLog = new Ledger.FileLogDevice(ChainLogPath);
            s_chain = DevChain.Open(XairrosX.Blockchain.Store.LogStructuredStore.Open(s_chainLog), out int restored, out string problem);
            return $"chain: kept in {ChainLogPath}, {restored} blocks restored, head {s_chain.Head.Header.Number}" + (problem != null ? "; " + problem : "");
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException or FormatException)
        {
            s_chainLog?.Dispose();
            s_chainLog = null;
            s_chain = new DevChain();
            return $"chain: {ChainLogPath} unusable ({e.Message}); the chain is in memory only";
        }
    }

    private static int Chain(ShellContext c, IReadOnlyList<string> args)
    {
        string sub = args.Count > 0 ? args[0] : "";
        if (sub == "init")
        {
            if (args.Count != 1) return c.Error("usage: chain init");
            string persisted = OpenChain();
            EthBlockHeader g = s_chain.Find("0").Header;
            c.Out.WriteLine($"genesis {Hex(g.Hash)} state {Hex(g.StateRoot)}");
            foreach (Address a in DevChain.FundedAccounts()) c.Out.WriteLine($"account {Hex(a)} balance {s_chain.State.BalanceOf(a)}");
            if (persisted != null) c.Out.WriteLine(persisted);
            return 0;
        }
        if (sub is not ("tx" or "mine" or "block" or "balance" or "mempool")) return c.Error("usage: chain init|tx|mine|block|balance|mempool");
        if (s_chain == null) return c.Error("no chain yet (run 'chain init')");
        switch (sub)
        {
            case "tx":
                if (args.Count != 2) return c.Error("usage: chain tx <raw transaction hex>");
                if (!CryptoCommands.TryHex(c, args[1], "transaction", -1, out byte[] raw)) return 1;
                if (!s_chain.TrySubmit(raw, out Hash32 hash, out string error)) return c.Error(error);
                c.Out.WriteLine($"accepted {Hex(hash)}");
                return 0;
            case "mine":
                int count = 1;
                if (args.Count > 2 || (args.Count == 2 && (!int.TryParse(args[1], out count) || count < 1 || count > 100)))
                    return c.Error("usage: chain mine [1-100]");
                for (int i = 0; i < count; i++)
                {
                    EthBlock block = s_chain.Mine();
                    c.Out.WriteLine($"block {block.Header.Number} {Hex(block.Hash)} txs {block.Transactions.Count} gas {block.Header.GasUsed}");
                }
                return 0;
            case "block":
                if (args.Count != 2) return c.Error("usage: chain block <number|hash>");
                EthBlock found = s_chain.Find(args[1]);
                if (found == null) return c.Error($"no block '{CryptoCommands.Clip(args[1])}'");
                PrintBlock(c, found);
                return 0;
            case "balance":
                if (args.Count != 2) return c.Error("usage: chain balance <address>");
                if (!Address.TryParse(args[1], out Address address)) return c.Error("address must be 20 bytes of hex");
                c.Out.WriteLine($"balance {s_chain.State.BalanceOf(address)} nonce {s_chain.State.NonceOf(address)}");
                return 0;
            default:
                if (args.Count != 1) return c.Error("usage: chain mempool");
                c.Out.WriteLine($"mempool {s_chain.Pool.Count} pending {s_chain.Pool.PendingCount}");
                foreach (EthTransaction tx in s_chain.PooledTransactions()) PrintTransaction(c, tx);
                return 0;
        }
    }

    private static void PrintBlock(ShellContext c, EthBlock block)
    {
        EthBlockHeader h = block.Header;
        c.Out.WriteLine($"block {h.Number} {Hex(h.Hash)}");
        c.Out.WriteLine($"parent {Hex(h.ParentHash)} miner {Hex(h.Beneficiary)}");
        c.Out.WriteLine($"state {Hex(h.StateRoot)} transactions {Hex(h.TransactionsRoot)} receipts {Hex(h.ReceiptsRoot)}");
        c.Out.WriteLine($"gas {h.GasUsed}/{h.GasLimit} basefee {h.BaseFee} time {h.Timestamp} difficulty {h.Difficulty} nonce {h.Nonce}");
        foreach (EthTransaction tx in block.Transactions) PrintTransaction(c, tx);
    }

    private static void PrintTransaction(ShellContext c, EthTransaction tx)
    {
        string from = SenderRecovery.TryRecoverSender(tx, Secp256k1Recovery.Instance, out Address sender, out _) ? Hex(sender) : "?";
        c.Out.WriteLine($"tx {Hex(tx.Hash)} from {from} to {(tx.To is Address to ? Hex(to) : "-")} value {tx.Value} nonce {tx.Nonce}");
    }

    private static int Trie(ShellContext c, IReadOnlyList<string> args)
    {
        string sub = args.Count > 0 ? args[0] : "";
        int expected = sub switch { "put" => 3, "del" => 2, "proof" => 2, "root" => 1, _ => -1 };
        if (expected < 0 || args.Count != expected) return c.Error("usage: trie put <key> <value> | del <key> | root | proof <key>");
        if (sub == "root")
        {
            c.Out.WriteLine(Hex(s_trie.RootHash));
            return 0;
        }
        if (!CryptoCommands.TryHex(c, args[1], "key", -1, out byte[] key)) return 1;
        switch (sub)
        {
            case "put":
                if (!CryptoCommands.TryHex(c, args[2], "value", -1, out byte[] value)) return 1;
                if (value.Length == 0) return c.Error("empty value (an empty value deletes: use trie del)");
                s_trie.Put(key, value);
                break;
            case "del":
                if (!s_trie.Delete(key)) return c.Error("key not present");
                break;
            default:
                List<byte[]> proof = s_trie.Prove(key);
                if (!PatriciaTrie.TryVerifyProof(s_trie.RootHash, key, proof, out byte[] proven)) return c.Error("proof did not verify");
                foreach (byte[] node in proof) c.Out.WriteLine("node " + HexCodec.ToHex(node));
                c.Out.WriteLine(proven == null ? "absent" : "value " + HexCodec.ToHex(proven));
                return 0;
        }
        c.Out.WriteLine("root " + Hex(s_trie.RootHash));
        return 0;
    }

    private static int RlpCommand(ShellContext c, IReadOnlyList<string> args)
    {
        if (args.Count != 2 || args[0] != "decode") return c.Error("usage: rlp decode <hex>");
        if (!CryptoCommands.TryHex(c, args[1], "input", -1, out byte[] data)) return 1;
        if (data.Length == 0) return c.Error("empty input");
        try
        {
            c.Out.WriteLine(RlpItem.Decode(data).ToString());
            return 0;
        }
        catch (RlpException e)
        {
            return c.Error("malformed rlp: " + e.Reason);
        }
    }

    private static string Hex(Hash32 h) => HexCodec.ToHex(h.ToArray());

    private static string Hex(Address a) => HexCodec.ToHex(a.ToArray());
}

/// <summary>
/// A single-node Ethereum-style chain in memory: genesis funding three development keys (secrets 1, 2, 3 as 32-byte
/// big-endian integers), a mempool, and blocks built from it, sealed by proof of work at a fixed low difficulty and
/// fully re-validated before they become the head. Block times advance by <see cref="BlockInterval"/> seconds from 0,
/// so a script of commands produces the same blocks on every run (the host tests rely on that).
/// </summary>
public sealed partial class DevChain
{
    /// <summary>Chain parameters (chain id 1337, EIP-1559 base fee from 1 gwei).</summary>
    public static readonly EthChainConfig Config = new() { ChainId = 1337 };

    /// <summary>Gas limit of every block.</summary>
    public const ulong GasLimit = 30_000_000;

    /// <summary>Seconds between block timestamps.</summary>
    public const ulong BlockInterval = 12;

    /// <summary>Proof-of-work difficulty: a header hash must be at most 2^256 / Difficulty.</summary>
    public const ulong Difficulty = 256;

    /// <summary>What each development account holds at genesis: 1000 ether.</summary>
    public static readonly UInt256 GenesisBalance = UInt256.Parse("1000000000000000000000");

    private readonly EthBlockProcessor _processor = new(Config, Secp256k1Recovery.Instance);
    private readonly List<EthBlock> _blocks = new();
    private readonly Dictionary<Hash32, EthBlock> _byHash = new();
    private readonly List<EthTransaction> _submitted = new();

    /// <summary>Creates the chain at its genesis block.</summary>
    public DevChain()
    {
        State = new WorldState();
        foreach (Address a in FundedAccounts()) State.Set(a, EthAccount.WithBalance(GenesisBalance));
        var genesis = new EthBlockHeader
        {
            StateRoot = State.ComputeRoot(), TransactionsRoot = EthBlock.TransactionsRoot([]), ReceiptsRoot = EthBlock.ReceiptsRoot([]),
            Difficulty = Difficulty, GasLimit = GasLimit, BaseFee = Config.InitialBaseFee,
        };
        Append(new EthBlock(genesis, []));
        Pool = new AccountMempool(_processor, State, capacity: 4096) { BaseFee = Config.NextBaseFee(genesis) };
    }

    /// <summary>The 32-byte secret key of development account <paramref name="index"/> (1-3).</summary>
    public static byte[] DevSecret(int index)
    {
        byte[] secret = new byte[32];
        secret[31] = (byte)index;
        return secret;
    }

    /// <summary>Addresses funded at genesis; the third one also mines (receives the tips).</summary>
    public static IEnumerable<Address> FundedAccounts()
    {
        for (int i = 1; i <= 3; i++) yield return AddressOf(DevSecret(i));
    }

    /// <summary>The Ethereum address of a secret key.</summary>
    public static Address AddressOf(ReadOnlySpan<byte> secret)
    {
        Span<byte> pub = stackalloc byte[65];
        Secp256k1.TryGetPublicKey(secret, pub, compressed: false);
        return SenderRecovery.AddressOf(pub.Slice(1));
    }

    /// <summary>State at the head.</summary>
    public WorldState State { get; private set; }

    /// <summary>The pending transactions.</summary>
    public AccountMempool Pool { get; }

    /// <summary>The newest block.</summary>
    public EthBlock Head => _blocks[^1];

    /// <summary>Decodes and admits a raw transaction; false with a reason when it is malformed or invalid.</summary>
    public bool TrySubmit(ReadOnlySpan<byte> raw, out Hash32 hash, out string error)
    {
        hash = default;
        EthTransaction tx;
        try
        {
            tx = EthTransactionCodec.Decode(raw);
        }
        catch (FormatException e)
        {
            error = e is EthTransactionException t ? t.Reason : e is RlpException r ? "malformed rlp: " + r.Reason : e.Message;
            return false;
        }
        if (!Pool.TryAdd(tx, out error)) return false;
        _submitted.Add(tx);
        hash = tx.Hash;
        return true;
    }

    /// <summary>Builds, seals, validates and appends the next block from the pool.</summary>
    /// <exception cref="InvalidOperationException">The block failed validation (a bug: it was just built from valid parts).</exception>
    public EthBlock Mine()
    {
        EthBlockHeader parent = Head.Header;
        EthBlock built = _processor.BuildBlock(parent, State.Fork(), Pool.SelectForBlock(GasLimit), AddressOf(DevSecret(3)),
            parent.Timestamp + BlockInterval, GasLimit);
        var block = new EthBlock(Seal(built.Header), built.Transactions);
        if (!TryAdopt(block, out string error)) throw new InvalidOperationException("mined block failed validation: " + error);
        Persist(block);
        return block;
    }

    // Checks the seal, validates the block on the head and makes it the new head (mined or restored from disk).
    private bool TryAdopt(EthBlock block, out string error)
    {
        if (!IsSealed(block.Header))
        {
            error = "block seal does not meet the difficulty";
            return false;
        }
        if (!_processor.TryValidateBlock(Head.Header, State, block, out WorldState post, out error)) return false;
        Append(block);
        State = post;
        Pool.State = post;
        Pool.BaseFee = Config.NextBaseFee(block.Header);
        Pool.Prune();
        _submitted.RemoveAll(tx => !Pool.Contains(tx.Hash));
        return true;
    }

    /// <summary>A block by decimal number or by 32-byte hash (hex, 0x optional); null when unknown.</summary>
    public EthBlock Find(string numberOrHash)
    {
        if (ulong.TryParse(numberOrHash, out ulong number)) return number < (ulong)_blocks.Count ? _blocks[(int)number] : null;
        string hex = numberOrHash.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? numberOrHash.Substring(2) : numberOrHash;
        if (hex.Length != 64 || !HexCodec.TryParse(hex, out byte[] bytes)) return null;
        return _byHash.TryGetValue(new Hash32(bytes), out EthBlock block) ? block : null;
    }

    /// <summary>Pooled transactions in submission order.</summary>
    public IEnumerable<EthTransaction> PooledTransactions()
    {
        foreach (EthTransaction tx in _submitted)
            if (Pool.Contains(tx.Hash)) yield return tx;
    }

    /// <summary>True when the header's hash meets <see cref="Difficulty"/>.</summary>
    public static bool IsSealed(EthBlockHeader header)
    {
        UInt256 target = UInt256.DivRem(UInt256.MaxValue, Difficulty, out _);
        return UInt256.FromBigEndian(header.Hash.ToArray()) <= target;
    }

    private static EthBlockHeader Seal(EthBlockHeader h)
    {
        for (ulong nonce = 0; ; nonce++)
        {
            var candidate = new EthBlockHeader
            {
                ParentHash = h.ParentHash, OmmersHash = h.OmmersHash, Beneficiary = h.Beneficiary, StateRoot = h.StateRoot,
                TransactionsRoot = h.TransactionsRoot, ReceiptsRoot = h.ReceiptsRoot, LogsBloom = h.LogsBloom, Difficulty = Difficulty,
                Number = h.Number, GasLimit = h.GasLimit, GasUsed = h.GasUsed, Timestamp = h.Timestamp, ExtraData = h.ExtraData,
                MixHash = h.MixHash, Nonce = nonce, BaseFee = h.BaseFee,
            };
            if (IsSealed(candidate)) return candidate;
        }
    }

    private void Append(EthBlock block)
    {
        _blocks.Add(block);
        _byHash[block.Hash] = block;
    }
}
