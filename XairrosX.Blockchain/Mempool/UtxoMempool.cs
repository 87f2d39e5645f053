using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Bitcoin;
using XairrosX.Blockchain.Bitcoin.Scripting;
using XairrosX.Blockchain.Bitcoin.Utxo;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Mempool;

/// <summary>
/// Pool of unconfirmed UTXO transactions. Inputs may spend confirmed coins or outputs of other pool
/// transactions. Two transactions spending the same outpoint conflict (a double spend); the newcomer
/// replaces the conflicts only if it pays a higher fee rate than each of them and enough absolute fee
/// to cover them plus its own relay cost (replace-by-fee). When the pool exceeds its byte budget,
/// the lowest fee-rate transaction is evicted together with its descendants.
/// </summary>
public sealed class UtxoMempool
{
    /// <summary>Most transactions one replacement may evict.</summary>
    public const int MaxReplacementEvictions = 100;

    private sealed record Entry(BtcTransaction Tx, Hash32 TxId, long Fee, int VSize)
    {
        /// <summary>Fee rate in satoshis per 1000 virtual bytes.</summary>
        public long FeeRate => Fee * 1000 / VSize;
    }

    private readonly ICoinsView _chain;
    private readonly IScriptCrypto _crypto;
    private readonly ScriptFlags _flags;
    private readonly long _maxBytes;
    private readonly Dictionary<Hash32, Entry> _entries = new();
    private readonly Dictionary<OutPoint, Hash32> _spentBy = new();
    private long _bytes;

    /// <summary>Creates a pool over the confirmed UTXO set <paramref name="chain"/>.</summary>
    public UtxoMempool(ICoinsView chain, IScriptCrypto crypto, ScriptFlags flags, long maxBytes, long minFeeRatePerKvB = 1000)
    {
        _chain = chain;
        _crypto = crypto;
        _flags = flags;
        _maxBytes = maxBytes;
        MinFeeRate = minFeeRatePerKvB;
    }

    /// <summary>Minimum relay fee rate, satoshis per 1000 vbytes.</summary>
    public long MinFeeRate { get; }

    /// <summary>Transactions held.</summary>
    public int Count => _entries.Count;

    /// <summary>Sum of virtual sizes held.</summary>
    public long Bytes => _bytes;

    /// <summary>True if the pool holds <paramref name="txid"/>.</summary>
    public bool Contains(Hash32 txid) => _entries.ContainsKey(txid);

    /// <summary>Virtual size: weight (3 × stripped size + total size) / 4, rounded up.</summary>
    public static int VirtualSize(BtcTransaction tx)
    {
        int stripped = tx.Serialize(includeWitness: false).Length;
        int total = tx.Serialize(includeWitness: true).Length;
        return (stripped * 3 + total + 3) / 4;
    }

    /// <summary>Admits <paramref name="tx"/> at chain height <paramref name="height"/>, or says why not.</summary>
    public bool TryAdd(BtcTransaction tx, int height, out string? error)
    {
        Hash32 txid = tx.TxId;
        if (_entries.ContainsKey(txid)) return Fail("txn-already-in-mempool", out error);
        error = TransactionChecks.Check(tx);
        if (error != null) return false;
        if (tx.IsCoinbase) return Fail("coinbase", out error);
        if (!BlockConnector.IsFinal(tx, height + 1, uint.MaxValue)) return Fail("non-final", out error);

        HashSet<Hash32> conflicts = new();
        long valueIn = 0;
        PrecomputedSigHashData? shared = tx.HasWitness ? new PrecomputedSigHashData(tx) : null;
        for (int i = 0; i < tx.Inputs.Count; i++)
        {
            OutPoint prev = tx.Inputs[i].PrevOut;
            if (_spentBy.TryGetValue(prev, out Hash32 other)) conflicts.Add(other);
            if (!TryFindCoin(prev, out TxOut? output, out Coin? coin)) return Fail("missing-inputs", out error);
            if (coin != null && coin.IsCoinbase && height + 1 - coin.Height < BlockConnector.CoinbaseMaturity)
                return Fail("bad-txns-premature-spend-of-coinbase", out error);
            valueIn += output!.Value;
            TransactionSignatureChecker checker = new(tx, i, output.Value, _crypto, shared);
            ScriptError se = ScriptVerifier.Verify(tx.Inputs[i].ScriptSig, output.ScriptPubKey, tx.Inputs[i].Witness, _flags, checker);
            if (se != ScriptError.Ok) return Fail("mandatory-script-verify-flag-failed (" + ScriptErrors.Name(se) + ")", out error);
        }
        long valueOut = 0;
        foreach (TxOut o in tx.Outputs) valueOut += o.Value;
        if (valueIn < valueOut) return Fail("bad-txns-in-belowout", out error);
        Entry entry = new(tx, txid, valueIn - valueOut, VirtualSize(tx));
        if (entry.FeeRate < MinFeeRate) return Fail("min relay fee not met", out error);

        foreach (TxIn input in tx.Inputs)
            if (conflicts.Contains(input.PrevOut.TxId)) return Fail("bad-txns-spends-conflicting-tx", out error);
        if (conflicts.Count > 0 && !CheckReplacement(entry, conflicts, out error)) return false;

        foreach (Hash32 c in conflicts) RemoveWithDescendants(c);
        _entries[txid] = entry;
        foreach (TxIn input in tx.Inputs) _spentBy[input.PrevOut] = txid;
        _bytes += entry.VSize;
        while (_bytes > _maxBytes)
        {
            Entry victim = LowestFeeRate();
            RemoveWithDescendants(victim.TxId);
            if (victim.TxId == txid) return Fail("mempool full", out error);
        }
        error = null;
        return true;
    }

    private bool CheckReplacement(Entry replacement, HashSet<Hash32> conflicts, out string? error)
    {
        HashSet<Hash32> evicted = new();
        foreach (Hash32 c in conflicts)
        {
            if (replacement.FeeRate <= _entries[c].FeeRate) return Fail("insufficient fee: replacement fee rate not higher", out error);
            CollectDescendants(c, evicted);
        }
        if (evicted.Count > MaxReplacementEvictions) return Fail("too many potential replacements", out error);
        long evictedFees = 0;
        foreach (Hash32 e in evicted) evictedFees += _entries[e].Fee;
        if (replacement.Fee < evictedFees + MinFeeRate * replacement.VSize / 1000)
            return Fail("insufficient fee: replacement must pay for what it evicts plus relay", out error);
        error = null;
        return true;
    }

    private bool TryFindCoin(OutPoint prev, out TxOut? output, out Coin? coin)
    {
        coin = null;
        output = null;
        if (_entries.TryGetValue(prev.TxId, out Entry? parent))
        {
            if (prev.Index >= parent.Tx.Outputs.Count) return false;
            output = parent.Tx.Outputs[(int)prev.Index];
            return true;
        }
        if (!_chain.TryGetCoin(prev, out coin) || coin == null) return false;
        output = coin.Output;
        return true;
    }

    private void CollectDescendants(Hash32 root, HashSet<Hash32> into)
    {
        Stack<Hash32> todo = new();
        todo.Push(root);
        while (todo.Count > 0)
        {
            Hash32 id = todo.Pop();
            if (!into.Add(id)) continue;
            Entry e = _entries[id];
            for (int o = 0; o < e.Tx.Outputs.Count; o++)
                if (_spentBy.TryGetValue(new OutPoint(id, (uint)o), out Hash32 child)) todo.Push(child);
        }
    }

    /// <summary>Removes a transaction and everything that spends its outputs.</summary>
    public void RemoveWithDescendants(Hash32 txid)
    {
        if (!_entries.ContainsKey(txid)) return;
        HashSet<Hash32> all = new();
        CollectDescendants(txid, all);
        foreach (Hash32 id in all)
        {
            Entry e = _entries[id];
            foreach (TxIn input in e.Tx.Inputs)
                if (_spentBy.TryGetValue(input.PrevOut, out Hash32 spender) && spender == id) _spentBy.Remove(input.PrevOut);
            _entries.Remove(id);
            _bytes -= e.VSize;
        }
    }

    private Entry LowestFeeRate()
    {
        Entry? low = null;
        foreach (Entry e in _entries.Values)
            if (low == null || e.FeeRate < low.FeeRate) low = e;
        return low!;
    }

    /// <summary>
    /// Picks transactions for a block by fee rate, a child only after its pool parents, within
    /// <paramref name="maxVSize"/>. Returns them in a valid order.
    /// </summary>
    public List<BtcTransaction> SelectForBlock(long maxVSize)
    {
        List<Entry> sorted = new(_entries.Values);
        sorted.Sort((a, b) => b.FeeRate != a.FeeRate ? b.FeeRate.CompareTo(a.FeeRate) : a.TxId.GetHashCode().CompareTo(b.TxId.GetHashCode()));
        HashSet<Hash32> included = new();
        List<BtcTransaction> chosen = new();
        long used = 0;
        bool progress = true;
        while (progress)
        {
            progress = false;
            foreach (Entry e in sorted)
            {
                if (included.Contains(e.TxId) || used + e.VSize > maxVSize) continue;
                bool ready = true;
                foreach (TxIn input in e.Tx.Inputs)
                    if (_entries.ContainsKey(input.PrevOut.TxId) && !included.Contains(input.PrevOut.TxId)) ready = false;
                if (!ready) continue;
                included.Add(e.TxId);
                chosen.Add(e.Tx);
                used += e.VSize;
                progress = true;
            }
        }
        return chosen;
    }

    /// <summary>Fee rates (sat/vB) of pool transactions included in a block, for the fee estimator.</summary>
    public List<ulong> FeeRatesOf(IEnumerable<BtcTransaction> txs)
    {
        List<ulong> rates = new();
        foreach (BtcTransaction tx in txs)
            if (_entries.TryGetValue(tx.TxId, out Entry? e)) rates.Add((ulong)(e.FeeRate / 1000));
        return rates;
    }

    /// <summary>After a block: drops included transactions and any that now conflict with it.</summary>
    public void RemoveForBlock(BtcBlock block)
    {
        foreach (BtcTransaction tx in block.Transactions)
        {
            Hash32 id = tx.TxId;
            if (_entries.TryGetValue(id, out Entry? e))
            {
                // Included: its children stay (their parent is now confirmed).
                foreach (TxIn input in e.Tx.Inputs) _spentBy.Remove(input.PrevOut);
                _entries.Remove(id);
                _bytes -= e.VSize;
            }
            foreach (TxIn input in tx.Inputs)
                if (_spentBy.TryGetValue(input.PrevOut, out Hash32 conflict)) RemoveWithDescendants(conflict);
        }
    }

    private static bool Fail(string reason, out string? error)
    {
        error = reason;
        return false;
    }
}
