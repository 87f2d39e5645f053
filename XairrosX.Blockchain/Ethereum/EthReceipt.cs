using XairrosX.Blockchain.Rlp;

namespace XairrosX.Blockchain.Ethereum;

/// <summary>
/// A post-Byzantium receipt: [status, cumulativeGasUsed, logsBloom, logs], prefixed by the
/// transaction type for typed transactions. The ledger runs no EVM, so logs are always empty.
/// </summary>
public sealed record EthReceipt(EthTransactionType Type, bool Success, ulong CumulativeGasUsed)
{
    /// <summary>Encoding as stored in the receipts trie.</summary>
    public byte[] Encode()
    {
        RlpWriter w = new(300);
        if (Type != EthTransactionType.Legacy) w.WriteEncoded([(byte)Type]);
        int mark = w.StartList();
        w.WriteUInt64(Success ? 1UL : 0UL);
        w.WriteUInt64(CumulativeGasUsed);
        w.WriteBytes(new byte[256]);
        w.EndList(w.StartList());
        w.EndList(mark);
        return w.ToArray();
    }
}
