using System;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Rlp;
using XairrosX.Blockchain.Trie;

namespace XairrosX.Blockchain.Ethereum;

/// <summary>An account in the state trie: RLP [nonce, balance, storageRoot, codeHash].</summary>
public sealed record EthAccount(ulong Nonce, UInt256 Balance, Hash32 StorageRoot, Hash32 CodeHash)
{
    /// <summary>Keccak-256 of empty code.</summary>
    public static readonly Hash32 EmptyCodeHash = Hash32.Parse("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

    /// <summary>A fresh account with a balance.</summary>
    public static EthAccount WithBalance(UInt256 balance) => new(0, balance, PatriciaTrie.EmptyRoot, EmptyCodeHash);

    /// <summary>True if EIP-161 considers the account empty (it is then removed from state).</summary>
    public bool IsEmpty => Nonce == 0 && Balance.IsZero && CodeHash == EmptyCodeHash;

    /// <summary>RLP encoding for the state trie.</summary>
    public byte[] Encode()
    {
        RlpWriter w = new(80);
        int mark = w.StartList();
        w.WriteUInt64(Nonce);
        EthTransactionCodec.WriteUInt256(w, Balance);
        Span<byte> h = stackalloc byte[32];
        StorageRoot.CopyTo(h);
        w.WriteBytes(h);
        CodeHash.CopyTo(h);
        w.WriteBytes(h);
        w.EndList(mark);
        return w.ToArray();
    }

    /// <summary>Decodes an account; throws <see cref="EthTransactionException"/> if malformed.</summary>
    public static EthAccount Decode(ReadOnlySpan<byte> data)
    {
        try
        {
            RlpReader outer = new(data);
            RlpReader f = outer.ReadList();
            outer.ExpectEnd();
            EthAccount a = new(f.ReadUInt64(), UInt256.FromBigEndian(f.ReadIntegerBytes(32)),
                new Hash32(f.ReadBytes(32)), new Hash32(f.ReadBytes(32)));
            f.ExpectEnd();
            return a;
        }
        catch (RlpException ex)
        {
            throw new EthTransactionException("malformed account: " + ex.Reason);
        }
    }
}
