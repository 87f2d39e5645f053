using System;
using System.Buffers.Binary;
using XairrosX.Blockchain.Store;

namespace XairrosX.Blockchain.Bitcoin.Utxo;

/// <summary>Read access to a UTXO set.</summary>
public interface ICoinsView
{
    /// <summary>The unspent coin at <paramref name="outPoint"/>, or false if none.</summary>
    bool TryGetCoin(OutPoint outPoint, out Coin? coin);
}

/// <summary>The persistent UTXO set: coins keyed by 'c' | txid | index in an <see cref="IKeyValueStore"/>.</summary>
public sealed class CoinsStore : ICoinsView
{
    private readonly IKeyValueStore _store;

    /// <summary>Keeps coins in <paramref name="store"/>.</summary>
    public CoinsStore(IKeyValueStore store) => _store = store;

    /// <inheritdoc/>
    public bool TryGetCoin(OutPoint outPoint, out Coin? coin)
    {
        coin = null;
        Span<byte> key = stackalloc byte[37];
        KeyOf(outPoint, key);
        if (!_store.TryGet(key, out byte[]? raw) || raw == null) return false;
        coin = Coin.Parse(raw);
        return true;
    }

    /// <summary>Stores or (with null) deletes a coin.</summary>
    public void Write(OutPoint outPoint, Coin? coin)
    {
        Span<byte> key = stackalloc byte[37];
        KeyOf(outPoint, key);
        if (coin == null) _store.Delete(key);
        else _store.Put(key, coin.ToArray());
    }

    private static void KeyOf(OutPoint o, Span<byte> key)
    {
        key[0] = (byte)'c';
        o.TxId.CopyTo(key.Slice(1));
        BinaryPrimitives.WriteUInt32BigEndian(key.Slice(33), o.Index);
    }
}
