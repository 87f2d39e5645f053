using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Bitcoin;

/// <summary>A transaction input.</summary>
public sealed class TxIn
{
    /// <summary>The output being spent.</summary>
    public OutPoint PrevOut { get; set; }

    /// <summary>Unlocking script.</summary>
    public byte[] ScriptSig { get; set; } = [];

    /// <summary>Sequence number (relative lock time / RBF signalling).</summary>
    public uint Sequence { get; set; } = uint.MaxValue;

    /// <summary>Segregated witness stack (empty for legacy inputs).</summary>
    public byte[][] Witness { get; set; } = [];
}

/// <summary>A transaction output.</summary>
public sealed class TxOut
{
    /// <summary>Amount in satoshis.</summary>
    public long Value { get; set; }

    /// <summary>Locking script.</summary>
    public byte[] ScriptPubKey { get; set; } = [];
}

/// <summary>
/// A Bitcoin transaction with legacy and BIP-144 (segwit) serialization. The txid hashes the
/// serialization without witnesses, the wtxid the one with them.
/// </summary>
public sealed class BtcTransaction
{
    /// <summary>Version (signed, as in Core).</summary>
    public int Version { get; set; } = 1;

    /// <summary>Inputs.</summary>
    public List<TxIn> Inputs { get; } = new();

    /// <summary>Outputs.</summary>
    public List<TxOut> Outputs { get; } = new();

    /// <summary>Absolute lock time (height if below 500,000,000, else unix time).</summary>
    public uint LockTime { get; set; }

    /// <summary>True if any input carries witness data.</summary>
    public bool HasWitness
    {
        get
        {
            foreach (TxIn i in Inputs)
                if (i.Witness.Length > 0) return true;
            return false;
        }
    }

    /// <summary>True for a coinbase: one input spending the null outpoint.</summary>
    public bool IsCoinbase => Inputs.Count == 1 && Inputs[0].PrevOut.IsNull;

    /// <summary>Double SHA-256 of the serialization without witnesses.</summary>
    public Hash32 TxId => HashOf(false);

    /// <summary>Double SHA-256 of the full serialization (equals the txid without witnesses).</summary>
    public Hash32 WTxId => HashOf(true);

    private Hash32 HashOf(bool witness)
    {
        BitcoinWriter w = new(256);
        Write(w, witness);
        Span<byte> h = stackalloc byte[32];
        Sha256.HashTwice(w.Written, h);
        return new Hash32(h);
    }

    /// <summary>Serializes (with witnesses if any and <paramref name="includeWitness"/>).</summary>
    public byte[] Serialize(bool includeWitness = true)
    {
        BitcoinWriter w = new(256);
        Write(w, includeWitness);
        return w.ToArray();
    }

    /// <summary>Appends the serialization to <paramref name="w"/>.</summary>
    public void Write(BitcoinWriter w, bool includeWitness)
    {
        bool witness = includeWitness && HasWitness;
        w.WriteInt32(Version);
        if (witness)
        {
            w.WriteByte(0);
            w.WriteByte(1);
        }
        w.WriteCompactSize((ulong)Inputs.Count);
        Span<byte> h = stackalloc byte[32];
        foreach (TxIn i in Inputs)
        {
            i.PrevOut.TxId.CopyTo(h);
            w.WriteBytes(h);
            w.WriteUInt32(i.PrevOut.Index);
            w.WriteVarBytes(i.ScriptSig);
            w.WriteUInt32(i.Sequence);
        }
        w.WriteCompactSize((ulong)Outputs.Count);
        foreach (TxOut o in Outputs)
        {
            w.WriteInt64(o.Value);
            w.WriteVarBytes(o.ScriptPubKey);
        }
        if (witness)
        {
            foreach (TxIn i in Inputs)
            {
                w.WriteCompactSize((ulong)i.Witness.Length);
                foreach (byte[] item in i.Witness) w.WriteVarBytes(item);
            }
        }
        w.WriteUInt32(LockTime);
    }

    /// <summary>Parses exactly one transaction; throws <see cref="BitcoinFormatException"/> with a reason.</summary>
    public static BtcTransaction Parse(ReadOnlySpan<byte> data)
    {
        BitcoinReader r = new(data);
        BtcTransaction tx = Read(ref r);
        if (r.Remaining != 0) throw new BitcoinFormatException("trailing bytes after transaction");
        return tx;
    }

    /// <summary>Reads one transaction (Core's rules: marker 0 + flags, superfluous witness rejected).</summary>
    public static BtcTransaction Read(ref BitcoinReader r)
    {
        BtcTransaction tx = new() { Version = r.ReadInt32() };
        byte flags = 0;
        ReadInputs(ref r, tx);
        if (tx.Inputs.Count == 0)
        {
            flags = r.ReadByte();
            if (flags != 0)
            {
                ReadInputs(ref r, tx);
                ReadOutputs(ref r, tx);
            }
        }
        else
        {
            ReadOutputs(ref r, tx);
        }
        if ((flags & 1) != 0)
        {
            flags ^= 1;
            foreach (TxIn i in tx.Inputs)
            {
                int n = r.ReadCompactSize();
                byte[][] stack = new byte[Math.Min(n, r.Remaining)][];
                if (stack.Length != n) throw new BitcoinFormatException("unexpected end of data");
                for (int k = 0; k < n; k++) stack[k] = r.ReadVarBytes();
                i.Witness = stack;
            }
            if (!tx.HasWitness) throw new BitcoinFormatException("superfluous witness record");
        }
        if (flags != 0) throw new BitcoinFormatException("unknown transaction optional data");
        tx.LockTime = r.ReadUInt32();
        return tx;
    }

    private static void ReadInputs(ref BitcoinReader r, BtcTransaction tx)
    {
        int n = r.ReadCompactSize();
        if (n > r.Remaining / 41) throw new BitcoinFormatException("input count exceeds data");
        for (int k = 0; k < n; k++)
        {
            Hash32 txid = new(r.ReadBytes(32));
            uint index = r.ReadUInt32();
            byte[] script = r.ReadVarBytes();
            tx.Inputs.Add(new TxIn { PrevOut = new OutPoint(txid, index), ScriptSig = script, Sequence = r.ReadUInt32() });
        }
    }

    private static void ReadOutputs(ref BitcoinReader r, BtcTransaction tx)
    {
        int n = r.ReadCompactSize();
        if (n > r.Remaining / 9) throw new BitcoinFormatException("output count exceeds data");
        for (int k = 0; k < n; k++) tx.Outputs.Add(new TxOut { Value = r.ReadInt64(), ScriptPubKey = r.ReadVarBytes() });
    }
}
