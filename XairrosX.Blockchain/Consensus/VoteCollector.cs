using System.Collections.Generic;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Consensus;

/// <summary>
/// Collects votes for one (height, round, step): verifies them, detects double-signing, and reports
/// when a block has more than two thirds of the active stake.
/// </summary>
public sealed class VoteCollector
{
    private readonly ValidatorSet _set;
    private readonly Dictionary<string, Vote> _byValidator = new();
    private readonly Dictionary<Hash32, ulong> _stakeFor = new();

    /// <summary>Collects votes for the given step.</summary>
    public VoteCollector(ValidatorSet set, ulong height, uint round, VoteType type)
    {
        _set = set;
        Height = height;
        Round = round;
        Type = type;
    }

    /// <summary>Height voted on.</summary>
    public ulong Height { get; }

    /// <summary>Round voted on.</summary>
    public uint Round { get; }

    /// <summary>Step voted on.</summary>
    public VoteType Type { get; }

    /// <summary>Evidence found so far.</summary>
    public List<DoubleSignEvidence> Evidence { get; } = new();

    /// <summary>Stake that voted for <paramref name="block"/>.</summary>
    public ulong StakeFor(Hash32 block) => _stakeFor.GetValueOrDefault(block);

    /// <summary>True once <paramref name="block"/> has more than 2/3 of the active stake.</summary>
    public bool HasQuorum(Hash32 block) => (System.UInt128)StakeFor(block) * 3 > (System.UInt128)_set.ActiveStake * 2;

    /// <summary>Adds a vote; false with a reason if it is invalid, a duplicate, or an equivocation (then recorded as evidence).</summary>
    public bool TryAdd(Vote vote, out string? error)
    {
        if (vote.Height != Height || vote.Round != Round || vote.Type != Type) return Fail("vote for another step", out error);
        Validator? v = _set.Find(vote.ValidatorKey);
        if (v == null) return Fail("unknown validator", out error);
        if (v.Jailed) return Fail("validator is jailed", out error);
        if (!vote.VerifySignature()) return Fail("invalid vote signature", out error);
        if (_byValidator.TryGetValue(v.Id, out Vote? earlier))
        {
            if (earlier.BlockHash == vote.BlockHash) return Fail("duplicate vote", out error);
            Evidence.Add(new DoubleSignEvidence(earlier, vote));
            return Fail("double sign", out error);
        }
        _byValidator[v.Id] = vote;
        _stakeFor[vote.BlockHash] = StakeFor(vote.BlockHash) + v.Stake;
        error = null;
        return true;
    }

    private static bool Fail(string reason, out string? error)
    {
        error = reason;
        return false;
    }
}
