using System;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Rlp;

namespace XairrosX.Blockchain.Ethereum;

/// <summary>
/// Block header in the yellow-paper layout: 15 fields, plus the EIP-1559 base fee (16 fields)
/// for London-style blocks. Later optional fields (withdrawals, blobs) are not supported.
/// </summary>
public sealed class EthBlockHeader
{
    /// <summary>Keccak of RLP of an empty list: the ommers hash of a block without uncles.</summary>
    public static readonly Hash32 EmptyOmmersHash = Hash32.Parse("1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

    /// <summary>Parent block hash.</summary>
    public Hash32 ParentHash { get; init; }

    /// <summary>Hash of the ommers (uncles) list.</summary>
    public Hash32 OmmersHash { get; init; } = EmptyOmmersHash;

    /// <summary>Fee recipient.</summary>
    public Address Beneficiary { get; init; }

    /// <summary>State root after the block.</summary>
    public Hash32 StateRoot { get; init; }

    /// <summary>Root of the transactions trie.</summary>
    public Hash32 TransactionsRoot { get; init; }

    /// <summary>Root of the receipts trie.</summary>
    public Hash32 ReceiptsRoot { get; init; }

    /// <summary>256-byte logs bloom.</summary>
    public byte[] LogsBloom { get; init; } = new byte[256];

    /// <summary>Proof-of-work difficulty.</summary>
    public UInt256 Difficulty { get; init; }

    /// <summary>Block number.</summary>
    public ulong Number { get; init; }

    /// <summary>Gas limit.</summary>
    public ulong GasLimit { get; init; }

    /// <summary>Gas used by the block's transactions.</summary>
    public ulong GasUsed { get; init; }

    /// <summary>Unix timestamp.</summary>
    public ulong Timestamp { get; init; }

    /// <summary>Up to 32 bytes of extra data.</summary>
    public byte[] ExtraData { get; init; } = [];

    /// <summary>PoW mix hash.</summary>
    public Hash32 MixHash { get; init; }

    /// <summary>8-byte PoW nonce.</summary>
    public ulong Nonce { get; init; }

    /// <summary>EIP-1559 base fee, or null for pre-London headers.</summary>
    public UInt256? BaseFee { get; init; }

    /// <summary>A copy with another PoW nonce (and the given difficulty, if any).</summary>
    public EthBlockHeader WithNonce(ulong nonce, UInt256? difficulty = null) => new()
    {
        ParentHash = ParentHash, OmmersHash = OmmersHash, Beneficiary = Beneficiary, StateRoot = StateRoot,
        TransactionsRoot = TransactionsRoot, ReceiptsRoot = ReceiptsRoot, LogsBloom = LogsBloom,
        Difficulty = difficulty ?? Difficulty, Number = Number, GasLimit = GasLimit, GasUsed = GasUsed, Timestamp = Timestamp,
        ExtraData = ExtraData, MixHash = MixHash, Nonce = nonce, BaseFee = BaseFee,
    };

    /// <summary>Keccak of the header's RLP.</summary>
    public Hash32 Hash => new(Keccak256.Hash(Encode()));

    /// <summary>RLP encoding.</summary>
    public byte[] Encode()
    {
        RlpWriter w = new(600);
        Write(w);
        return w.ToArray();
    }

    /// <summary>Writes the header's RLP.</summary>
    public void Write(RlpWriter w)
    {
        Span<byte> b = stackalloc byte[32];
        int mark = w.StartList();
        WriteHash(w, ParentHash, b);
        WriteHash(w, OmmersHash, b);
        Beneficiary.CopyTo(b);
        w.WriteBytes(b.Slice(0, Address.Size));
        WriteHash(w, StateRoot, b);
        WriteHash(w, TransactionsRoot, b);
        WriteHash(w, ReceiptsRoot, b);
        w.WriteBytes(LogsBloom);
        EthTransactionCodec.WriteUInt256(w, Difficulty);
        w.WriteUInt64(Number);
        w.WriteUInt64(GasLimit);
        w.WriteUInt64(GasUsed);
        w.WriteUInt64(Timestamp);
        w.WriteBytes(ExtraData);
        WriteHash(w, MixHash, b);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(b, Nonce);
        w.WriteBytes(b.Slice(0, 8));
        if (BaseFee is UInt256 fee) EthTransactionCodec.WriteUInt256(w, fee);
        w.EndList(mark);
    }

    private static void WriteHash(RlpWriter w, Hash32 h, Span<byte> buffer)
    {
        h.CopyTo(buffer);
        w.WriteBytes(buffer);
    }

    /// <summary>Reads a header list from <paramref name="reader"/>.</summary>
    public static EthBlockHeader Read(ref RlpReader reader)
    {
        RlpReader f = reader.ReadList();
        int count = f.CountRemaining();
        if (count != 15 && count != 16) throw new EthTransactionException($"header has {count} fields, expected 15 or 16");
        EthBlockHeader h = new()
        {
            ParentHash = new Hash32(f.ReadBytes(32)),
            OmmersHash = new Hash32(f.ReadBytes(32)),
            Beneficiary = new Address(f.ReadBytes(Address.Size)),
            StateRoot = new Hash32(f.ReadBytes(32)),
            TransactionsRoot = new Hash32(f.ReadBytes(32)),
            ReceiptsRoot = new Hash32(f.ReadBytes(32)),
            LogsBloom = f.ReadBytes(256).ToArray(),
            Difficulty = UInt256.FromBigEndian(f.ReadIntegerBytes(32)),
            Number = f.ReadUInt64(),
            GasLimit = f.ReadUInt64(),
            GasUsed = f.ReadUInt64(),
            Timestamp = f.ReadUInt64(),
            ExtraData = f.ReadBytes().ToArray(),
            MixHash = new Hash32(f.ReadBytes(32)),
            Nonce = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(f.ReadBytes(8)),
            BaseFee = count == 16 ? UInt256.FromBigEndian(f.ReadIntegerBytes(32)) : null,
        };
        if (h.ExtraData.Length > 32) throw new EthTransactionException("extra data longer than 32 bytes");
        return h;
    }

    /// <summary>Decodes a standalone header.</summary>
    public static EthBlockHeader Decode(ReadOnlySpan<byte> data)
    {
        try
        {
            RlpReader r = new(data);
            EthBlockHeader h = Read(ref r);
            r.ExpectEnd();
            return h;
        }
        catch (RlpException ex)
        {
            throw new EthTransactionException("malformed header: " + ex.Reason);
        }
    }
}
