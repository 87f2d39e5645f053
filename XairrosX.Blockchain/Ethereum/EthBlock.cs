using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Rlp;
using XairrosX.Blockchain.Trie;

namespace XairrosX.Blockchain.Ethereum;

/// <summary>A block: RLP [header, transactions, ommers]. Typed transactions appear as byte strings.</summary>
public sealed class EthBlock
{
    /// <summary>Creates a block.</summary>
    public EthBlock(EthBlockHeader header, IReadOnlyList<EthTransaction> transactions, IReadOnlyList<EthBlockHeader>? ommers = null)
    {
        Header = header;
        Transactions = transactions;
        Ommers = ommers ?? [];
    }

    /// <summary>The header.</summary>
    public EthBlockHeader Header { get; }

    /// <summary>Transactions in order.</summary>
    public IReadOnlyList<EthTransaction> Transactions { get; }

    /// <summary>Ommer headers (always empty on this chain; decoded for compatibility).</summary>
    public IReadOnlyList<EthBlockHeader> Ommers { get; }

    /// <summary>The block hash (= header hash).</summary>
    public Hash32 Hash => Header.Hash;

    /// <summary>RLP encoding.</summary>
    public byte[] Encode()
    {
        RlpWriter w = new(1024);
        int mark = w.StartList();
        Header.Write(w);
        int txs = w.StartList();
        foreach (EthTransaction tx in Transactions)
        {
            byte[] enc = tx.Encoded ?? EthTransactionCodec.Encode(tx);
            if (tx.Type == EthTransactionType.Legacy) w.WriteEncoded(enc);
            else w.WriteBytes(enc);
        }
        w.EndList(txs);
        int om = w.StartList();
        foreach (EthBlockHeader o in Ommers) o.Write(w);
        w.EndList(om);
        w.EndList(mark);
        return w.ToArray();
    }

    /// <summary>Decodes a block; every failure is an <see cref="EthTransactionException"/>.</summary>
    public static EthBlock Decode(ReadOnlySpan<byte> data)
    {
        try
        {
            RlpReader outer = new(data);
            RlpReader f = outer.ReadList();
            outer.ExpectEnd();
            EthBlockHeader header = EthBlockHeader.Read(ref f);
            List<EthTransaction> txs = new();
            RlpReader txList = f.ReadList();
            while (txList.HasMore)
            {
                if (txList.NextIsList) txs.Add(EthTransactionCodec.Decode(txList.ReadEncodedItem()));
                else
                {
                    ReadOnlySpan<byte> typed = txList.ReadBytes();
                    if (typed.IsEmpty || typed[0] >= 0x80) throw new EthTransactionException("typed transaction without a type byte");
                    txs.Add(EthTransactionCodec.Decode(typed));
                }
            }
            List<EthBlockHeader> ommers = new();
            RlpReader om = f.ReadList();
            while (om.HasMore) ommers.Add(EthBlockHeader.Read(ref om));
            f.ExpectEnd();
            return new EthBlock(header, txs, ommers);
        }
        catch (RlpException ex)
        {
            throw new EthTransactionException("malformed block: " + ex.Reason);
        }
    }

    /// <summary>Root of the trie mapping RLP(index) to each transaction's wire encoding.</summary>
    public static Hash32 TransactionsRoot(IReadOnlyList<EthTransaction> transactions)
    {
        PatriciaTrie trie = new();
        RlpWriter key = new(16);
        for (int i = 0; i < transactions.Count; i++)
        {
            key.Reset();
            key.WriteUInt64((ulong)i);
            trie.Put(key.Written, transactions[i].Encoded ?? EthTransactionCodec.Encode(transactions[i]));
        }
        return trie.RootHash;
    }

    /// <summary>Root of the trie mapping RLP(index) to each receipt.</summary>
    public static Hash32 ReceiptsRoot(IReadOnlyList<EthReceipt> receipts)
    {
        PatriciaTrie trie = new();
        RlpWriter key = new(16);
        for (int i = 0; i < receipts.Count; i++)
        {
            key.Reset();
            key.WriteUInt64((ulong)i);
            trie.Put(key.Written, receipts[i].Encode());
        }
        return trie.RootHash;
    }
}
