using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Consensus;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Primitives;
using Xunit;

namespace XairrosX.Tests.Blockchain.Consensus;

public class ProofOfStakeTests
{
    private static byte[] Secret(byte b)
    {
        byte[] k = new byte[32];
        k[0] = 0x44;
        k[31] = b;
        return k;
    }

    private static byte[] Pub(byte[] secret)
    {
        byte[] p = new byte[33];
        Assert.True(Secp256k1.TryGetPublicKey(secret, p));
        return p;
    }

    private static (ValidatorSet, byte[][]) Set(params ulong[] stakes)
    {
        ValidatorSet set = new();
        byte[][] secrets = new byte[stakes.Length][];
        for (int i = 0; i < stakes.Length; i++)
        {
            secrets[i] = Secret((byte)(i + 1));
            set.Bond(Pub(secrets[i]), stakes[i]);
        }
        return (set, secrets);
    }

    [Fact]
    public void ProposerSelectionIsDeterministicAndStakeWeighted()
    {
        (ValidatorSet set, byte[][] secrets) = Set(100, 300, 600);
        byte[] seed = [1, 2, 3];
        Dictionary<string, int> counts = new();
        const int draws = 6000;
        for (ulong h = 0; h < draws; h++)
        {
            Validator v = set.ProposerFor(seed, h, 0)!;
            Assert.Same(v, set.ProposerFor(seed, h, 0));
            counts[v.Id] = counts.GetValueOrDefault(v.Id) + 1;
        }
        // Expected 600 / 1800 / 3600; allow about 4 standard deviations.
        Assert.InRange(counts[Convert.ToHexStringLower(Pub(secrets[0]))], 500, 700);
        Assert.InRange(counts[Convert.ToHexStringLower(Pub(secrets[1]))], 1650, 1950);
        Assert.InRange(counts[Convert.ToHexStringLower(Pub(secrets[2]))], 3400, 3800);
    }

    [Fact]
    public void QuorumNeedsMoreThanTwoThirdsOfStake()
    {
        (ValidatorSet set, byte[][] s) = Set(10, 10, 10, 10);
        Hash32 block = new(Sha256.Hash([7]));
        VoteCollector votes = new(set, 5, 0, VoteType.Precommit);
        for (int i = 0; i < 2; i++) Assert.True(votes.TryAdd(Vote.Sign(s[i], 5, 0, VoteType.Precommit, block), out _));
        Assert.False(votes.HasQuorum(block));
        Assert.True(votes.TryAdd(Vote.Sign(s[2], 5, 0, VoteType.Precommit, block), out _));
        Assert.True(votes.HasQuorum(block));
        Assert.False(votes.TryAdd(Vote.Sign(s[2], 5, 0, VoteType.Precommit, block), out string? err));
        Assert.Equal("duplicate vote", err);
        Assert.False(votes.TryAdd(Vote.Sign(s[3], 6, 0, VoteType.Precommit, block), out err));
        Assert.Equal("vote for another step", err);
        Assert.False(votes.TryAdd(Vote.Sign(Secret(99), 5, 0, VoteType.Precommit, block), out err));
        Assert.Equal("unknown validator", err);
        Vote good = Vote.Sign(s[3], 5, 0, VoteType.Precommit, block);
        Vote forged = good with { BlockHash = Hash32.Zero };
        Assert.False(votes.TryAdd(forged, out err));
        Assert.Equal("invalid vote signature", err);
    }

    [Fact]
    public void DoubleSignersAreDetectedSlashedAndJailed()
    {
        (ValidatorSet set, byte[][] s) = Set(1000, 1000, 1000);
        Hash32 a = new(Sha256.Hash([1])), b = new(Sha256.Hash([2]));
        VoteCollector votes = new(set, 9, 1, VoteType.Prevote);
        Assert.True(votes.TryAdd(Vote.Sign(s[0], 9, 1, VoteType.Prevote, a), out _));
        Assert.False(votes.TryAdd(Vote.Sign(s[0], 9, 1, VoteType.Prevote, b), out string? err));
        Assert.Equal("double sign", err);
        DoubleSignEvidence evidence = Assert.Single(votes.Evidence);

        Assert.True(set.TrySlash(evidence, out err), err);
        Validator offender = set.Find(Pub(s[0]))!;
        Assert.True(offender.Jailed);
        Assert.Equal(950UL, offender.Stake);
        Assert.Equal(2000UL, set.ActiveStake);
        Assert.False(set.TrySlash(evidence, out err));
        Assert.Equal("validator already jailed", err);
        for (ulong h = 0; h < 200; h++) Assert.NotSame(offender, set.ProposerFor([9], h, 0));

        Vote v1 = Vote.Sign(s[1], 9, 1, VoteType.Prevote, a);
        Assert.False(new DoubleSignEvidence(v1, v1).IsValid(out err));
        Assert.Equal("votes are for the same block", err);
        Assert.False(new DoubleSignEvidence(v1, Vote.Sign(s[2], 9, 1, VoteType.Prevote, b)).IsValid(out err));
        Assert.Equal("votes are from different validators", err);
        Assert.False(new DoubleSignEvidence(v1, Vote.Sign(s[1], 9, 2, VoteType.Prevote, b)).IsValid(out err));
        Assert.Equal("votes are for different steps", err);
        Assert.False(new DoubleSignEvidence(v1, Vote.Sign(s[1], 9, 1, VoteType.Prevote, b) with { Signature = new byte[64] }).IsValid(out err));
        Assert.Equal("invalid vote signature", err);
    }
}
