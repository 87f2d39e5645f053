using System;

namespace XairrosX.Blockchain.Bitcoin.Utxo;

/// <summary>An unspent output with the height it was created at and whether a coinbase created it.</summary>
public sealed record Coin(TxOut Output, int Height, bool IsCoinbase)
{
    /// <summary>Serialized form: height (4) | coinbase flag (1) | value (8) | script (CompactSize-prefixed).</summary>
    public void Write(BitcoinWriter w)
    {
        w.WriteInt32(Height);
        w.WriteByte(IsCoinbase ? (byte)1 : (byte)0);
        w.WriteInt64(Output.Value);
        w.WriteVarBytes(Output.ScriptPubKey);
    }

    /// <summary>Reads a coin written by <see cref="Write"/>.</summary>
    public static Coin Read(ref BitcoinReader r)
    {
        int height = r.ReadInt32();
        byte flag = r.ReadByte();
        if (flag > 1) throw new BitcoinFormatException("bad coinbase flag in coin record");
        long value = r.ReadInt64();
        byte[] script = r.ReadVarBytes();
        return new Coin(new TxOut { Value = value, ScriptPubKey = script }, height, flag == 1);
    }

    /// <summary>Serializes to a new array.</summary>
    public byte[] ToArray()
    {
        BitcoinWriter w = new(64 + Output.ScriptPubKey.Length);
        Write(w);
        return w.ToArray();
    }

    /// <summary>Parses a single coin record.</summary>
    public static Coin Parse(ReadOnlySpan<byte> data)
    {
        BitcoinReader r = new(data);
        Coin c = Read(ref r);
        if (r.Remaining != 0) throw new BitcoinFormatException("trailing bytes after coin");
        return c;
    }
}
