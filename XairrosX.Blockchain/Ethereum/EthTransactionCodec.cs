using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Rlp;

namespace XairrosX.Blockchain.Ethereum;

/// <summary>
/// Wire format of transactions: legacy = RLP list of 9 fields; typed = type byte followed by an
/// RLP list (EIP-2718). Decoding is strict (canonical RLP, exact field counts, no trailing bytes)
/// and every failure is an <see cref="EthTransactionException"/> with a reason.
/// </summary>
public static class EthTransactionCodec
{
    /// <summary>Decodes a transaction from its wire bytes.</summary>
    public static EthTransaction Decode(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) throw new EthTransactionException("empty transaction");
        try
        {
            EthTransaction tx;
            if (data[0] >= 0xC0) tx = DecodeLegacy(data);
            else if (data[0] == 1 || data[0] == 2) tx = DecodeTyped((EthTransactionType)data[0], data.Slice(1));
            else throw new EthTransactionException($"unsupported transaction type 0x{data[0]:x2}");
            byte[] encoded = data.ToArray();
            tx.Encoded = encoded;
            tx.Hash = new Hash32(Keccak256.Hash(encoded));
            return tx;
        }
        catch (RlpException ex)
        {
            throw new EthTransactionException("malformed transaction: " + ex.Reason);
        }
    }

    private static EthTransaction DecodeLegacy(ReadOnlySpan<byte> data)
    {
        RlpReader outer = new(data);
        RlpReader f = outer.ReadList();
        outer.ExpectEnd();
        if (f.CountRemaining() != 9) throw new EthTransactionException("legacy transaction must have 9 fields");
        ulong nonce = f.ReadUInt64();
        UInt256 gasPrice = ReadUInt256(ref f);
        ulong gasLimit = f.ReadUInt64();
        Address? to = ReadTo(ref f);
        UInt256 value = ReadUInt256(ref f);
        byte[] input = f.ReadBytes().ToArray();
        ulong v = f.ReadUInt64();
        UInt256 r = ReadUInt256(ref f);
        UInt256 s = ReadUInt256(ref f);
        ulong chainId;
        int recoveryId;
        if (v == 27 || v == 28)
        {
            chainId = 0;
            recoveryId = (int)(v - 27);
        }
        else if (v >= 37)
        {
            chainId = (v - 35) / 2;
            recoveryId = (int)((v - 35) % 2);
        }
        else
        {
            throw new EthTransactionException($"invalid legacy v value {v}");
        }
        return new EthTransaction
        {
            Type = EthTransactionType.Legacy, ChainId = chainId, Nonce = nonce, GasPrice = gasPrice,
            MaxFeePerGas = gasPrice, MaxPriorityFeePerGas = gasPrice, GasLimit = gasLimit, To = to,
            Value = value, Data = input, RecoveryId = recoveryId, R = r, S = s,
        };
    }

    private static EthTransaction DecodeTyped(EthTransactionType type, ReadOnlySpan<byte> payload)
    {
        RlpReader outer = new(payload);
        RlpReader f = outer.ReadList();
        outer.ExpectEnd();
        int expected = type == EthTransactionType.DynamicFee ? 12 : 11;
        if (f.CountRemaining() != expected) throw new EthTransactionException($"type {(int)type} transaction must have {expected} fields");
        ulong chainId = f.ReadUInt64();
        ulong nonce = f.ReadUInt64();
        UInt256 tip, cap;
        if (type == EthTransactionType.DynamicFee)
        {
            tip = ReadUInt256(ref f);
            cap = ReadUInt256(ref f);
        }
        else
        {
            tip = cap = ReadUInt256(ref f);
        }
        ulong gasLimit = f.ReadUInt64();
        Address? to = ReadTo(ref f);
        UInt256 value = ReadUInt256(ref f);
        byte[] input = f.ReadBytes().ToArray();
        List<AccessListEntry> accessList = ReadAccessList(ref f);
        ulong yParity = f.ReadUInt64();
        if (yParity > 1) throw new EthTransactionException("y parity must be 0 or 1");
        UInt256 r = ReadUInt256(ref f);
        UInt256 s = ReadUInt256(ref f);
        return new EthTransaction
        {
            Type = type, ChainId = chainId, Nonce = nonce, GasPrice = cap, MaxPriorityFeePerGas = tip,
            MaxFeePerGas = cap, GasLimit = gasLimit, To = to, Value = value, Data = input,
            AccessList = accessList, RecoveryId = (int)yParity, R = r, S = s,
        };
    }

    private static UInt256 ReadUInt256(ref RlpReader f) => UInt256.FromBigEndian(f.ReadIntegerBytes(32));

    private static Address? ReadTo(ref RlpReader f)
    {
        ReadOnlySpan<byte> to = f.ReadBytes();
        if (to.IsEmpty) return null;
        if (to.Length != Address.Size) throw new EthTransactionException("recipient must be empty or 20 bytes");
        return new Address(to);
    }

    private static List<AccessListEntry> ReadAccessList(ref RlpReader f)
    {
        List<AccessListEntry> entries = new();
        RlpReader list = f.ReadList();
        while (list.HasMore)
        {
            RlpReader entry = list.ReadList();
            Address address = new(entry.ReadBytes(Address.Size));
            RlpReader keys = entry.ReadList();
            entry.ExpectEnd();
            List<Hash32> slots = new();
            while (keys.HasMore) slots.Add(new Hash32(keys.ReadBytes(32)));
            entries.Add(new AccessListEntry(address, slots));
        }
        return entries;
    }

    /// <summary>Encodes a signed transaction, stores the encoding and hash on it, and returns the bytes.</summary>
    public static byte[] Encode(EthTransaction tx)
    {
        RlpWriter w = new(128 + tx.Data.Length);
        WritePayload(w, tx, signed: true, forSigning: false);
        byte[] encoded = tx.Type == EthTransactionType.Legacy ? w.ToArray() : Prefix((byte)tx.Type, w.Written);
        tx.Encoded = encoded;
        tx.Hash = new Hash32(Keccak256.Hash(encoded));
        return encoded;
    }

    /// <summary>The hash a sender signs (EIP-155 for protected legacy, EIP-2718 prefixed for typed).</summary>
    public static Hash32 SigningHash(EthTransaction tx)
    {
        RlpWriter w = new(128 + tx.Data.Length);
        WritePayload(w, tx, signed: false, forSigning: true);
        Span<byte> h = stackalloc byte[32];
        if (tx.Type == EthTransactionType.Legacy)
        {
            Keccak256.Hash(w.Written, h);
        }
        else
        {
            Keccak256 k = Keccak256.Create();
            k.Append([(byte)tx.Type]);
            k.Append(w.Written);
            k.Finish(h);
        }
        return new Hash32(h);
    }

    private static byte[] Prefix(byte type, ReadOnlySpan<byte> body)
    {
        byte[] r = new byte[body.Length + 1];
        r[0] = type;
        body.CopyTo(r.AsSpan(1));
        return r;
    }

    private static void WritePayload(RlpWriter w, EthTransaction tx, bool signed, bool forSigning)
    {
        int mark = w.StartList();
        if (tx.Type != EthTransactionType.Legacy) w.WriteUInt64(tx.ChainId);
        w.WriteUInt64(tx.Nonce);
        if (tx.Type == EthTransactionType.DynamicFee)
        {
            WriteUInt256(w, tx.MaxPriorityFeePerGas);
            WriteUInt256(w, tx.MaxFeePerGas);
        }
        else
        {
            WriteUInt256(w, tx.GasPrice);
        }
        w.WriteUInt64(tx.GasLimit);
        if (tx.To is Address to)
        {
            Span<byte> a = stackalloc byte[Address.Size];
            to.CopyTo(a);
            w.WriteBytes(a);
        }
        else
        {
            w.WriteBytes([]);
        }
        WriteUInt256(w, tx.Value);
        w.WriteBytes(tx.Data);
        if (tx.Type != EthTransactionType.Legacy) WriteAccessList(w, tx.AccessList);
        if (signed)
        {
            w.WriteUInt64(tx.Type == EthTransactionType.Legacy ? tx.LegacyV : (ulong)tx.RecoveryId);
            WriteUInt256(w, tx.R);
            WriteUInt256(w, tx.S);
        }
        else if (forSigning && tx.Type == EthTransactionType.Legacy && tx.ChainId != 0)
        {
            w.WriteUInt64(tx.ChainId);
            w.WriteUInt64(0);
            w.WriteUInt64(0);
        }
        w.EndList(mark);
    }

    private static void WriteAccessList(RlpWriter w, IReadOnlyList<AccessListEntry> list)
    {
        int mark = w.StartList();
        Span<byte> buf = stackalloc byte[32];
        foreach (AccessListEntry e in list)
        {
            int em = w.StartList();
            e.Address.CopyTo(buf);
            w.WriteBytes(buf.Slice(0, Address.Size));
            int km = w.StartList();
            foreach (Hash32 k in e.StorageKeys)
            {
                k.CopyTo(buf);
                w.WriteBytes(buf);
            }
            w.EndList(km);
            w.EndList(em);
        }
        w.EndList(mark);
    }

    /// <summary>Writes a UInt256 as a canonical RLP integer.</summary>
    public static void WriteUInt256(RlpWriter w, UInt256 value)
    {
        Span<byte> b = stackalloc byte[32];
        value.WriteBigEndian(b);
        w.WriteInteger(b);
    }
}
