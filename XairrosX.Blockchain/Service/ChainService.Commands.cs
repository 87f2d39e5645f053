using System;
using System.Collections.Generic;
using System.Text;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Rlp;
using XairrosX.Blockchain.Trie;

namespace XairrosX.Blockchain.Service;

public sealed partial class ChainService
{
    /// <summary>
    /// Runs one shell command (<c>chain init|tx|mine|block|balance|mempool</c>, <c>trie put|del|root|proof</c>,
    /// <c>rlp decode</c>) and returns its output. Failures come back as <c>error: reason</c>, never as exceptions.
    /// </summary>
    public string Execute(string commandLine)
    {
        string[] w = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        try
        {
            return w.Length < 2 ? "error: usage: chain|trie|rlp <command> ..." : (w[0], w[1]) switch
            {
                ("chain", "init") => Init(),
                ("chain", "tx") when w.Length == 3 => SubmitTransaction(w[2]),
                ("chain", "mine") => Mine(w.Length > 2 ? w[2] : "1"),
                ("chain", "block") when w.Length == 3 => ShowBlock(w[2]),
                ("chain", "balance") when w.Length == 3 => ShowBalance(w[2]),
                ("chain", "mempool") => ShowMempool(),
                ("trie", "put") when w.Length == 4 => TriePut(w[2], w[3]),
                ("trie", "del") when w.Length == 3 => TrieDelete(w[2]),
                ("trie", "root") => _trie.RootHash.ToString(),
                ("trie", "proof") when w.Length == 3 => TrieProof(w[2]),
                ("rlp", "decode") when w.Length == 3 => RlpItem.Decode(Hex(w[2])).ToString(),
                _ => "error: unknown command or wrong arguments: " + commandLine.Trim(),
            };
        }
        catch (FormatException ex)
        {
            // RlpException, TrieException, EthTransactionException and hex errors are all FormatExceptions.
            return "error: " + ex.Message;
        }
    }

    private static byte[] Hex(string text)
    {
        ReadOnlySpan<char> t = text.AsSpan();
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) t = t.Slice(2);
        if (!HexCodec.TryParse(t, out byte[]? bytes) || bytes == null) throw new FormatException("invalid hex");
        return bytes;
    }

    private string Init()
    {
        if (!TryInit(out EthBlockHeader genesis)) return $"error: chain already initialized (head {_head!.Number})";
        StringBuilder sb = new($"genesis {genesis.Hash}");
        foreach (Address a in DevAccounts) sb.Append("\nfunded ").Append(a);
        return sb.ToString();
    }

    private string SubmitTransaction(string hex)
    {
        if (_mempool == null) return "error: chain not initialized";
        EthTransaction tx = EthTransactionCodec.Decode(Hex(hex));
        return _mempool.TryAdd(tx, out string? error) ? "accepted " + tx.Hash : "error: " + error;
    }

    private string Mine(string countText)
    {
        if (_head == null) return "error: chain not initialized";
        if (!int.TryParse(countText, out int count) || count < 1 || count > 1000) return "error: block count must be 1..1000";
        StringBuilder sb = new();
        for (int i = 0; i < count; i++)
        {
            EthBlock block = MineBlock()!;
            if (i > 0) sb.Append('\n');
            sb.Append($"mined {block.Header.Number} {block.Hash} txs={block.Transactions.Count}");
        }
        return sb.ToString();
    }

    private string ShowBlock(string which)
    {
        EthBlock? block;
        if (ulong.TryParse(which, out ulong n)) block = ReadBlock(n);
        else
        {
            byte[] hash = Hex(which);
            if (hash.Length != Hash32.Size) return "error: block hash must be 32 bytes";
            block = ReadBlock(new Hash32(hash));
        }
        if (block == null) return "error: no such block";
        EthBlockHeader h = block.Header;
        StringBuilder sb = new();
        sb.Append($"block {h.Number} {block.Hash}\nparent {h.ParentHash}\nstate {h.StateRoot}\ntransactions {h.TransactionsRoot}\n");
        sb.Append($"receipts {h.ReceiptsRoot}\ngasUsed {h.GasUsed}/{h.GasLimit} baseFee {h.BaseFee} difficulty {h.Difficulty} nonce {h.Nonce}");
        foreach (EthTransaction tx in block.Transactions) sb.Append("\ntx ").Append(tx.Hash);
        return sb.ToString();
    }

    private string ShowBalance(string address)
    {
        if (!Address.TryParse(address, out Address a)) return "error: invalid address";
        (UInt256 balance, ulong nonce) = Account(a);
        return $"{balance} wei nonce {nonce}";
    }

    private string ShowMempool()
    {
        if (_mempool == null) return "error: chain not initialized";
        return $"{_mempool.Count} transactions, {_mempool.PendingCount} executable";
    }

    private string TriePut(string key, string value)
    {
        _trie.Put(Hex(key), Hex(value));
        CommitTrie();
        return _trie.RootHash.ToString();
    }

    private string TrieDelete(string key)
    {
        bool removed = _trie.Delete(Hex(key));
        CommitTrie();
        return (removed ? "deleted " : "absent ") + _trie.RootHash;
    }

    private string TrieProof(string key)
    {
        byte[] k = Hex(key);
        List<byte[]> proof = _trie.Prove(k);
        StringBuilder sb = new(_trie.Get(k) is byte[] v ? "value 0x" + Convert.ToHexStringLower(v) : "absent");
        foreach (byte[] node in proof) sb.Append("\n0x").Append(Convert.ToHexStringLower(node));
        return sb.ToString();
    }
}
