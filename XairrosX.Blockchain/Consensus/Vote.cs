using System;
using System.Buffers.Binary;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Consensus;

/// <summary>The two voting steps of a round.</summary>
public enum VoteType : byte
{
    /// <summary>First step: the validator saw a valid proposal.</summary>
    Prevote = 1,

    /// <summary>Second step: the validator commits to the block.</summary>
    Precommit = 2,
}

/// <summary>A validator's signed vote for a block at (height, round, step).</summary>
public sealed record Vote(ulong Height, uint Round, VoteType Type, Hash32 BlockHash, byte[] ValidatorKey, byte[] Signature)
{
    private static ReadOnlySpan<byte> Domain => "XairrosX/vote/v1"u8;

    /// <summary>SHA-256 of the domain tag and the vote fields: what the validator signs.</summary>
    public static Hash32 SigningHash(ulong height, uint round, VoteType type, Hash32 blockHash)
    {
        Span<byte> buf = stackalloc byte[16 + 8 + 4 + 1 + 32];
        Domain.CopyTo(buf);
        BinaryPrimitives.WriteUInt64BigEndian(buf.Slice(16), height);
        BinaryPrimitives.WriteUInt32BigEndian(buf.Slice(24), round);
        buf[28] = (byte)type;
        blockHash.CopyTo(buf.Slice(29));
        Span<byte> h = stackalloc byte[32];
        Sha256.Hash(buf, h);
        return new Hash32(h);
    }

    /// <summary>Signs a vote with a validator's secret key.</summary>
    public static Vote Sign(ReadOnlySpan<byte> secretKey, ulong height, uint round, VoteType type, Hash32 blockHash)
    {
        byte[] pub = new byte[33];
        if (!Secp256k1.TryGetPublicKey(secretKey, pub)) throw new ArgumentException("invalid secret key", nameof(secretKey));
        Span<byte> h = stackalloc byte[32];
        SigningHash(height, round, type, blockHash).CopyTo(h);
        byte[] sig = new byte[Secp256k1Ecdsa.SignatureSize];
        if (!Secp256k1Ecdsa.TrySign(secretKey, h, sig, out _)) throw new ArgumentException("signing failed", nameof(secretKey));
        return new Vote(height, round, type, blockHash, pub, sig);
    }

    /// <summary>True if the signature is the validator's over this vote.</summary>
    public bool VerifySignature()
    {
        if (Signature.Length != Secp256k1Ecdsa.SignatureSize || ValidatorKey.Length != 33) return false;
        Span<byte> h = stackalloc byte[32];
        SigningHash(Height, Round, Type, BlockHash).CopyTo(h);
        return Secp256k1Ecdsa.Verify(ValidatorKey, h, Signature);
    }
}

/// <summary>Two signed votes by one validator for different blocks at the same height, round and step.</summary>
public sealed record DoubleSignEvidence(Vote First, Vote Second)
{
    /// <summary>Checks that the two votes really prove equivocation.</summary>
    public bool IsValid(out string? error)
    {
        error = null;
        if (!First.ValidatorKey.AsSpan().SequenceEqual(Second.ValidatorKey)) error = "votes are from different validators";
        else if (First.Height != Second.Height || First.Round != Second.Round || First.Type != Second.Type) error = "votes are for different steps";
        else if (First.BlockHash == Second.BlockHash) error = "votes are for the same block";
        else if (!First.VerifySignature() || !Second.VerifySignature()) error = "invalid vote signature";
        return error == null;
    }
}
