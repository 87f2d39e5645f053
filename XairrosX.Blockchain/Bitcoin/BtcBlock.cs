using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Bitcoin;

/// <summary>The 80-byte block header.</summary>
public sealed class BtcBlockHeader
{
    /// <summary>Header version.</summary>
    public int Version { get; set; } = 4;

    /// <summary>Hash of the previous header.</summary>
    public Hash32 PrevBlock { get; set; }

    /// <summary>Merkle root of the txids.</summary>
    public Hash32 MerkleRoot { get; set; }

    /// <summary>Unix time.</summary>
    public uint Time { get; set; }

    /// <summary>Compact difficulty target.</summary>
    public uint Bits { get; set; }

    /// <summary>Proof-of-work nonce.</summary>
    public uint Nonce { get; set; }

    /// <summary>Writes the 80 bytes.</summary>
    public void Write(BitcoinWriter w)
    {
        Span<byte> h = stackalloc byte[32];
        w.WriteInt32(Version);
        PrevBlock.CopyTo(h);
        w.WriteBytes(h);
        MerkleRoot.CopyTo(h);
        w.WriteBytes(h);
        w.WriteUInt32(Time);
        w.WriteUInt32(Bits);
        w.WriteUInt32(Nonce);
    }

    /// <summary>Reads 80 bytes.</summary>
    public static BtcBlockHeader Read(ref BitcoinReader r) => new()
    {
        Version = r.ReadInt32(), PrevBlock = new Hash32(r.ReadBytes(32)), MerkleRoot = new Hash32(r.ReadBytes(32)),
        Time = r.ReadUInt32(), Bits = r.ReadUInt32(), Nonce = r.ReadUInt32(),
    };

    /// <summary>Double SHA-256 of the 80 bytes.</summary>
    public Hash32 Hash
    {
        get
        {
            BitcoinWriter w = new(80);
            Write(w);
            Span<byte> h = stackalloc byte[32];
            Sha256.HashTwice(w.Written, h);
            return new Hash32(h);
        }
    }
}

/// <summary>A block: header plus transactions (first one the coinbase).</summary>
public sealed class BtcBlock
{
    /// <summary>The header.</summary>
    public BtcBlockHeader Header { get; set; } = new();

    /// <summary>Transactions.</summary>
    public List<BtcTransaction> Transactions { get; } = new();

    /// <summary>Serializes header, count and transactions (with witnesses).</summary>
    public byte[] Serialize()
    {
        BitcoinWriter w = new(1024);
        Header.Write(w);
        w.WriteCompactSize((ulong)Transactions.Count);
        foreach (BtcTransaction tx in Transactions) tx.Write(w, true);
        return w.ToArray();
    }

    /// <summary>Parses a block; throws <see cref="BitcoinFormatException"/> with a reason.</summary>
    public static BtcBlock Parse(ReadOnlySpan<byte> data)
    {
        BitcoinReader r = new(data);
        BtcBlock b = new() { Header = BtcBlockHeader.Read(ref r) };
        int n = r.ReadCompactSize();
        if (n > r.Remaining / 10) throw new BitcoinFormatException("transaction count exceeds data");
        for (int i = 0; i < n; i++) b.Transactions.Add(BtcTransaction.Read(ref r));
        if (r.Remaining != 0) throw new BitcoinFormatException("trailing bytes after block");
        return b;
    }

    /// <summary>
    /// Merkle root of this block's txids (the crypto library's <see cref="BitcoinMerkle"/>).
    /// <paramref name="mutated"/> reports duplicate txids: the CVE-2012-2459 malleation that Core rejects.
    /// Any pair of equal nodes at a higher level implies two equal subtrees, hence duplicate txids,
    /// so checking the leaves is enough.
    /// </summary>
    public Hash32 ComputeMerkleRoot(out bool mutated)
    {
        mutated = false;
        if (Transactions.Count == 0) return Hash32.Zero;
        byte[] leaves = new byte[32 * Transactions.Count];
        HashSet<Hash32> seen = new();
        for (int i = 0; i < Transactions.Count; i++)
        {
            Hash32 id = Transactions[i].TxId;
            if (!seen.Add(id)) mutated = true;
            id.CopyTo(leaves.AsSpan(32 * i));
        }
        Span<byte> root = stackalloc byte[32];
        BitcoinMerkle.TryComputeRoot(leaves, root);
        return new Hash32(root);
    }
}
