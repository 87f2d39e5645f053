using System;
using System.Collections.Generic;

namespace XairrosX.Blockchain.Consensus;

/// <summary>A staking validator identified by its compressed secp256k1 public key.</summary>
public sealed class Validator
{
    /// <summary>Creates a validator.</summary>
    public Validator(byte[] publicKey, ulong stake)
    {
        if (publicKey.Length != 33) throw new ArgumentException("compressed public key expected", nameof(publicKey));
        PublicKey = publicKey;
        Stake = stake;
    }

    /// <summary>33-byte compressed public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>Bonded stake.</summary>
    public ulong Stake { get; internal set; }

    /// <summary>Jailed validators neither propose nor vote (set after slashing).</summary>
    public bool Jailed { get; internal set; }

    /// <summary>Hex of the public key, used as the validator's id.</summary>
    public string Id => Convert.ToHexStringLower(PublicKey);
}

/// <summary>
/// The validator set of a single-node proof-of-stake chain: stake-weighted, deterministic proposer
/// selection and slashing of double-signers.
/// </summary>
public sealed class ValidatorSet
{
    private readonly List<Validator> _validators = new();

    /// <summary>Slashed share of stake, in basis points (500 = 5%).</summary>
    public int SlashBasisPoints { get; init; } = 500;

    /// <summary>All validators in a canonical order (by public key).</summary>
    public IReadOnlyList<Validator> Validators => _validators;

    /// <summary>Adds a validator or increases its stake.</summary>
    public void Bond(byte[] publicKey, ulong stake)
    {
        Validator? v = Find(publicKey);
        if (v != null)
        {
            v.Stake += stake;
            return;
        }
        _validators.Add(new Validator((byte[])publicKey.Clone(), stake));
        _validators.Sort((a, b) => a.PublicKey.AsSpan().SequenceCompareTo(b.PublicKey));
    }

    /// <summary>The validator with this key, or null.</summary>
    public Validator? Find(ReadOnlySpan<byte> publicKey)
    {
        foreach (Validator v in _validators)
            if (v.PublicKey.AsSpan().SequenceEqual(publicKey)) return v;
        return null;
    }

    /// <summary>Total stake of active (unjailed) validators.</summary>
    public ulong ActiveStake
    {
        get
        {
            ulong sum = 0;
            foreach (Validator v in _validators)
                if (!v.Jailed) sum += v.Stake;
            return sum;
        }
    }

    /// <summary>
    /// Proposer for (<paramref name="height"/>, <paramref name="round"/>): a point drawn uniformly in
    /// [0, active stake) from SHA-256(seed | height | round) picks the validator whose cumulative stake
    /// range contains it, so the chance of proposing is proportional to stake.
    /// </summary>
    public Validator? ProposerFor(ReadOnlySpan<byte> seed, ulong height, uint round)
    {
        ulong total = ActiveStake;
        if (total == 0) return null;
        Span<byte> input = stackalloc byte[seed.Length + 12];
        seed.CopyTo(input);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(input.Slice(seed.Length), height);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(input.Slice(seed.Length + 8), round);
        Span<byte> h = stackalloc byte[32];
        Crypto.Sha256.Hash(input, h);
        // 128 random bits reduced mod total keep the modulo bias below 2^-64.
        UInt128 draw = System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(h) % total;
        ulong point = (ulong)draw;
        foreach (Validator v in _validators)
        {
            if (v.Jailed) continue;
            if (point < v.Stake) return v;
            point -= v.Stake;
        }
        return null;
    }

    /// <summary>
    /// Applies double-sign evidence: the offender loses <see cref="SlashBasisPoints"/> of its stake and is
    /// jailed. Returns false with a reason if the evidence does not prove equivocation.
    /// </summary>
    public bool TrySlash(DoubleSignEvidence evidence, out string? error)
    {
        if (!evidence.IsValid(out error)) return false;
        Validator? v = Find(evidence.First.ValidatorKey);
        if (v == null) return Fail("unknown validator", out error);
        if (v.Jailed) return Fail("validator already jailed", out error);
        ulong penalty = (ulong)((UInt128)v.Stake * (uint)SlashBasisPoints / 10_000);
        v.Stake -= penalty;
        v.Jailed = true;
        error = null;
        return true;
    }

    private static bool Fail(string reason, out string? error)
    {
        error = reason;
        return false;
    }
}
