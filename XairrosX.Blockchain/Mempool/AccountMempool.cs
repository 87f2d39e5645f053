using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Mempool;

/// <summary>
/// Pool of pending account transactions. Per sender, transactions are kept by nonce; those
/// contiguous from the account nonce are executable ("pending"), the rest wait for the gap to
/// fill ("queued"). A second transaction with the same sender and nonce is a double spend: it
/// replaces the first only if it raises both fee cap and tip by <see cref="PriceBumpPercent"/>.
/// When full, the lowest-tip transaction at the end of a sender's queue is evicted, so eviction
/// never opens a nonce gap.
/// </summary>
public sealed class AccountMempool
{
    /// <summary>Minimum fee increase, in percent, for a replacement.</summary>
    public const int PriceBumpPercent = 10;

    /// <summary>Furthest a nonce may be ahead of the account nonce.</summary>
    public const ulong MaxNonceGap = 64;

    private readonly EthBlockProcessor _processor;
    private readonly int _capacity;
    private readonly Dictionary<Address, SortedList<ulong, EthTransaction>> _bySender = new();
    private readonly Dictionary<Hash32, Address> _senderOf = new();

    /// <summary>Creates a pool validating against <paramref name="state"/> holding at most <paramref name="capacity"/> transactions.</summary>
    public AccountMempool(EthBlockProcessor processor, WorldState state, int capacity)
    {
        _processor = processor;
        State = state;
        _capacity = capacity;
    }

    /// <summary>State at the current head; replace it after each block, then call <see cref="Prune"/>.</summary>
    public WorldState State { get; set; }

    /// <summary>Base fee used to rank transactions by effective tip.</summary>
    public UInt256 BaseFee { get; set; }

    /// <summary>Number of transactions held.</summary>
    public int Count => _senderOf.Count;

    /// <summary>True if a transaction with this hash is held.</summary>
    public bool Contains(Hash32 hash) => _senderOf.ContainsKey(hash);

    /// <summary>Admits a transaction or says why not.</summary>
    public bool TryAdd(EthTransaction tx, out string? error)
    {
        if (tx.Encoded == null) EthTransactionCodec.Encode(tx);
        if (_senderOf.ContainsKey(tx.Hash)) return Fail("already known", out error);
        if (!_processor.TryValidateStatic(tx, out Address sender, out error)) return false;
        ulong accountNonce = State.NonceOf(sender);
        if (tx.Nonce < accountNonce) return Fail("nonce too low", out error);
        if (tx.Nonce > accountNonce + MaxNonceGap) return Fail("nonce too far in the future", out error);
        if (!UInt256.TryMultiply(tx.MaxFeePerGas, tx.GasLimit, out UInt256 gasCost) || !UInt256.TryAdd(gasCost, tx.Value, out UInt256 cost))
            return Fail("transaction cost overflows 256 bits", out error);
        if (State.BalanceOf(sender) < cost) return Fail("insufficient funds for gas * price + value", out error);

        if (!_bySender.TryGetValue(sender, out SortedList<ulong, EthTransaction>? queue))
        {
            queue = new SortedList<ulong, EthTransaction>();
            _bySender[sender] = queue;
        }
        if (queue.TryGetValue(tx.Nonce, out EthTransaction? existing))
        {
            if (!IsBumped(existing.MaxFeePerGas, tx.MaxFeePerGas) || !IsBumped(existing.MaxPriorityFeePerGas, tx.MaxPriorityFeePerGas))
                return Fail("replacement transaction underpriced", out error);
            _senderOf.Remove(existing.Hash);
        }
        queue[tx.Nonce] = tx;
        _senderOf[tx.Hash] = sender;
        while (Count > _capacity)
        {
            EthTransaction victim = PickVictim();
            RemoveTail(victim);
            if (victim == tx) return Fail("mempool full and fee too low", out error);
        }
        error = null;
        return true;
    }

    private static bool IsBumped(UInt256 old, UInt256 proposed)
    {
        UInt256 scaled = old * (ulong)(100 + PriceBumpPercent);
        UInt256 threshold = UInt256.DivRem(scaled, 100, out ulong rem);
        if (rem != 0) threshold += 1UL;
        return proposed >= threshold;
    }

    private EthTransaction PickVictim()
    {
        EthTransaction? victim = null;
        bool victimQueued = false;
        foreach (KeyValuePair<Address, SortedList<ulong, EthTransaction>> kv in _bySender)
        {
            if (kv.Value.Count == 0) continue;
            EthTransaction last = kv.Value.Values[kv.Value.Count - 1];
            bool queued = !IsExecutable(kv.Key, kv.Value, last.Nonce);
            // Gapped transactions go first; among equals, the lowest effective tip.
            if (victim == null || (queued && !victimQueued) ||
                (queued == victimQueued && Tip(last) < Tip(victim)))
            {
                victim = last;
                victimQueued = queued;
            }
        }
        return victim!;
    }

    private bool IsExecutable(Address sender, SortedList<ulong, EthTransaction> queue, ulong nonce)
    {
        ulong expected = State.NonceOf(sender);
        foreach (ulong n in queue.Keys)
        {
            if (n != expected) return false;
            if (n == nonce) return true;
            expected++;
        }
        return false;
    }

    private UInt256 Tip(EthTransaction tx)
    {
        if (tx.MaxFeePerGas < BaseFee) return UInt256.Zero;
        return tx.EffectiveGasPrice(BaseFee) - BaseFee;
    }

    private void RemoveTail(EthTransaction tx)
    {
        Address sender = _senderOf[tx.Hash];
        SortedList<ulong, EthTransaction> queue = _bySender[sender];
        queue.Remove(tx.Nonce);
        if (queue.Count == 0) _bySender.Remove(sender);
        _senderOf.Remove(tx.Hash);
    }

    /// <summary>Executable transactions in nonce order per sender (queued ones excluded).</summary>
    public int PendingCount
    {
        get
        {
            int n = 0;
            foreach (KeyValuePair<Address, SortedList<ulong, EthTransaction>> kv in _bySender)
            {
                ulong expected = State.NonceOf(kv.Key);
                foreach (ulong nonce in kv.Value.Keys)
                {
                    if (nonce != expected) break;
                    n++;
                    expected++;
                }
            }
            return n;
        }
    }

    /// <summary>
    /// Picks transactions for a block: repeatedly the sender head with the highest effective tip
    /// (ties by hash order), keeping each sender's nonces in order and skipping fee caps below the base fee.
    /// </summary>
    public List<EthTransaction> SelectForBlock(ulong gasLimit)
    {
        List<EthTransaction> chosen = new();
        Dictionary<Address, int> cursor = new();
        Dictionary<Address, ulong> nextNonce = new();
        foreach (Address a in _bySender.Keys)
        {
            cursor[a] = 0;
            nextNonce[a] = State.NonceOf(a);
        }
        ulong gasLeft = gasLimit;
        while (true)
        {
            EthTransaction? best = null;
            Address bestSender = default;
            foreach (KeyValuePair<Address, SortedList<ulong, EthTransaction>> kv in _bySender)
            {
                int c = cursor[kv.Key];
                if (c >= kv.Value.Count) continue;
                EthTransaction head = kv.Value.Values[c];
                if (head.Nonce != nextNonce[kv.Key] || head.MaxFeePerGas < BaseFee || head.GasLimit > gasLeft) continue;
                if (best == null || Tip(head) > Tip(best)) { best = head; bestSender = kv.Key; }
            }
            if (best == null) break;
            chosen.Add(best);
            gasLeft -= best.GasLimit;
            cursor[bestSender]++;
            nextNonce[bestSender]++;
        }
        return chosen;
    }

    /// <summary>After a new block: drops transactions whose nonce the state has passed.</summary>
    public void Prune()
    {
        List<Address> empty = new();
        foreach (KeyValuePair<Address, SortedList<ulong, EthTransaction>> kv in _bySender)
        {
            ulong nonce = State.NonceOf(kv.Key);
            while (kv.Value.Count > 0 && kv.Value.Keys[0] < nonce)
            {
                _senderOf.Remove(kv.Value.Values[0].Hash);
                kv.Value.RemoveAt(0);
            }
            if (kv.Value.Count == 0) empty.Add(kv.Key);
        }
        foreach (Address a in empty) _bySender.Remove(a);
    }

    private static bool Fail(string reason, out string? error)
    {
        error = reason;
        return false;
    }
}
