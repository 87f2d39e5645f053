using System;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Consensus;

/// <summary>
/// Proof of work for account-ledger headers on a single node: keccak(header RLP), read big-endian,
/// must not exceed (2^256 - 1) / difficulty. This is a hashcash seal over the whole header,
/// nonce field included; it is not Ethash (no DAG), which a one-node chain does not need.
/// </summary>
public static class EthashLitePow
{
    /// <summary>True if the header's hash meets its difficulty (difficulty must be 1..2^64-1).</summary>
    public static bool Check(EthBlockHeader header)
    {
        if (header.Difficulty.IsZero || !header.Difficulty.FitsUInt64) return false;
        UInt256 target = UInt256.DivRem(UInt256.MaxValue, header.Difficulty.Low64, out _);
        Span<byte> h = stackalloc byte[32];
        Keccak256.Hash(header.Encode(), h);
        return UInt256.FromBigEndian(h) <= target;
    }

    /// <summary>Searches nonces from 0; returns the sealed header, or null after <paramref name="maxTries"/>.</summary>
    public static EthBlockHeader? Seal(EthBlockHeader header, long maxTries)
    {
        for (ulong nonce = 0; nonce < (ulong)maxTries; nonce++)
        {
            EthBlockHeader candidate = header.WithNonce(nonce);
            if (Check(candidate)) return candidate;
        }
        return null;
    }
}
