using System;
using System.Collections.Generic;

namespace XairrosX.Blockchain.Bitcoin.Utxo;

/// <summary>
/// What a block spent: for every non-coinbase transaction, the coins of its inputs in order.
/// Disconnecting the block puts them back.
/// </summary>
public sealed class BlockUndo
{
    /// <summary>Spent coins per non-coinbase transaction.</summary>
    public List<List<Coin>> SpentByTransaction { get; } = new();

    /// <summary>Serialized form: count, then per transaction a count and the coins.</summary>
    public byte[] Serialize()
    {
        BitcoinWriter w = new(256);
        w.WriteCompactSize((ulong)SpentByTransaction.Count);
        foreach (List<Coin> coins in SpentByTransaction)
        {
            w.WriteCompactSize((ulong)coins.Count);
            foreach (Coin c in coins) c.Write(w);
        }
        return w.ToArray();
    }

    /// <summary>Parses an undo record; throws <see cref="BitcoinFormatException"/>.</summary>
    public static BlockUndo Parse(ReadOnlySpan<byte> data)
    {
        BitcoinReader r = new(data);
        BlockUndo u = new();
        int txs = r.ReadCompactSize();
        if (txs > r.Remaining) throw new BitcoinFormatException("undo count exceeds data");
        for (int i = 0; i < txs; i++)
        {
            int n = r.ReadCompactSize();
            if (n > r.Remaining / 14) throw new BitcoinFormatException("undo coin count exceeds data");
            List<Coin> coins = new(n);
            for (int k = 0; k < n; k++) coins.Add(Coin.Read(ref r));
            u.SpentByTransaction.Add(coins);
        }
        if (r.Remaining != 0) throw new BitcoinFormatException("trailing bytes after undo record");
        return u;
    }
}
