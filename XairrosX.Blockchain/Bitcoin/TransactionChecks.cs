using System.Collections.Generic;

namespace XairrosX.Blockchain.Bitcoin;

/// <summary>Context-free transaction rules (Bitcoin Core's CheckTransaction).</summary>
public static class TransactionChecks
{
    /// <summary>21 million BTC in satoshis.</summary>
    public const long MaxMoney = 21_000_000L * 100_000_000L;

    /// <summary>Block weight limit; a transaction's stripped size times 4 may not exceed it.</summary>
    public const int MaxBlockWeight = 4_000_000;

    /// <summary>Returns null if the transaction passes, otherwise Core's reject reason.</summary>
    public static string? Check(BtcTransaction tx)
    {
        if (tx.Inputs.Count == 0) return "bad-txns-vin-empty";
        if (tx.Outputs.Count == 0) return "bad-txns-vout-empty";
        if (tx.Serialize(includeWitness: false).Length * 4 > MaxBlockWeight) return "bad-txns-oversize";
        long total = 0;
        foreach (TxOut o in tx.Outputs)
        {
            if (o.Value < 0) return "bad-txns-vout-negative";
            if (o.Value > MaxMoney) return "bad-txns-vout-toolarge";
            total += o.Value;
            if (total > MaxMoney) return "bad-txns-txouttotal-toolarge";
        }
        HashSet<OutPoint> seen = new();
        foreach (TxIn i in tx.Inputs)
            if (!seen.Add(i.PrevOut)) return "bad-txns-inputs-duplicate";
        if (tx.IsCoinbase)
        {
            int len = tx.Inputs[0].ScriptSig.Length;
            if (len < 2 || len > 100) return "bad-cb-length";
        }
        else
        {
            foreach (TxIn i in tx.Inputs)
                if (i.PrevOut.IsNull) return "bad-txns-prevout-null";
        }
        return null;
    }
}
