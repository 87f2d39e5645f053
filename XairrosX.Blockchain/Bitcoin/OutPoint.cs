using System;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Bitcoin;

/// <summary>Reference to a transaction output: txid (internal byte order) and index.</summary>
public readonly record struct OutPoint(Hash32 TxId, uint Index)
{
    /// <summary>The null outpoint used by coinbase inputs.</summary>
    public static OutPoint Null => new(Hash32.Zero, uint.MaxValue);

    /// <summary>True for the coinbase null outpoint.</summary>
    public bool IsNull => TxId == Hash32.Zero && Index == uint.MaxValue;

    /// <summary>Txid in the usual display order (byte-reversed hex) and index.</summary>
    public override string ToString()
    {
        byte[] b = TxId.ToArray();
        Array.Reverse(b);
        return Convert.ToHexStringLower(b) + ":" + Index;
    }
}
