using System.Collections.Generic;

namespace XairrosX.Blockchain.Bitcoin.Utxo;

/// <summary>
/// In-memory layer over a <see cref="CoinsStore"/> (Core's CCoinsViewCache). Entries are DIRTY when
/// they differ from the store and FRESH when the store has never seen them, so a coin created and
/// spent between two flushes never touches the store at all.
/// </summary>
public sealed class CoinsViewCache : ICoinsView
{
    private sealed class Entry
    {
        public Coin? Coin;
        public bool Dirty;
        public bool Fresh;
    }

    private readonly CoinsStore _base;
    private readonly Dictionary<OutPoint, Entry> _entries = new();

    /// <summary>Caches <paramref name="baseView"/>.</summary>
    public CoinsViewCache(CoinsStore baseView) => _base = baseView;

    /// <summary>Number of cached entries (including spent-but-unflushed ones).</summary>
    public int CachedCount => _entries.Count;

    /// <inheritdoc/>
    public bool TryGetCoin(OutPoint outPoint, out Coin? coin)
    {
        Entry e = Fetch(outPoint);
        coin = e.Coin;
        return coin != null;
    }

    private Entry Fetch(OutPoint outPoint)
    {
        if (_entries.TryGetValue(outPoint, out Entry? e)) return e;
        _base.TryGetCoin(outPoint, out Coin? coin);
        e = new Entry { Coin = coin };
        _entries[outPoint] = e;
        return e;
    }

    /// <summary>Adds a new unspent coin; false if an unspent coin already exists there.</summary>
    public bool TryAddCoin(OutPoint outPoint, Coin coin)
    {
        Entry e = Fetch(outPoint);
        if (e.Coin != null) return false;
        // Not dirty means the store agrees the outpoint is empty, so it can stay out of the store until flushed.
        if (!e.Dirty) e.Fresh = true;
        e.Coin = coin;
        e.Dirty = true;
        return true;
    }

    /// <summary>Spends a coin, returning it; false if it is missing or already spent.</summary>
    public bool TrySpendCoin(OutPoint outPoint, out Coin? spent)
    {
        Entry e = Fetch(outPoint);
        spent = e.Coin;
        if (spent == null) return false;
        if (e.Fresh) _entries.Remove(outPoint);
        else
        {
            e.Coin = null;
            e.Dirty = true;
        }
        return true;
    }

    /// <summary>Writes dirty entries to the store and empties the cache.</summary>
    public void Flush()
    {
        foreach (KeyValuePair<OutPoint, Entry> kv in _entries)
            if (kv.Value.Dirty) _base.Write(kv.Key, kv.Value.Coin);
        _entries.Clear();
    }
}
