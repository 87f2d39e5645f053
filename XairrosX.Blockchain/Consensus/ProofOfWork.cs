using XairrosX.Blockchain.Bitcoin;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Consensus;

/// <summary>Proof-of-work parameters (Bitcoin-style): target spacing, retarget interval, easiest target.</summary>
public sealed record PowParameters(uint PowLimitBits, long TargetSpacingSeconds, int RetargetInterval)
{
    /// <summary>Bitcoin mainnet: 10-minute blocks, retarget every 2016 blocks.</summary>
    public static PowParameters Mainnet { get; } = new(0x1d00ffff, 600, 2016);

    /// <summary>Regtest-like: trivially easy target for tests and single-node mining.</summary>
    public static PowParameters Easy { get; } = new(0x207fffff, 600, 2016);

    /// <summary>Target span of one retarget period.</summary>
    public long TargetTimespan => TargetSpacingSeconds * RetargetInterval;
}

/// <summary>Single-node proof-of-work: checking, mining and difficulty retargeting.</summary>
public static class ProofOfWork
{
    /// <summary>True if <paramref name="hash"/> meets the target encoded by <paramref name="bits"/> (and the target is legal).</summary>
    public static bool Check(Hash32 hash, uint bits, PowParameters p)
    {
        if (!CompactTarget.TryDecode(bits, out UInt256 target)) return false;
        CompactTarget.TryDecode(p.PowLimitBits, out UInt256 limit);
        if (target > limit) return false;
        return CompactTarget.HashAsNumber(hash) <= target;
    }

    /// <summary>
    /// Searches nonces from the header's current one; returns true with the header's nonce set once
    /// its hash meets the target, false after <paramref name="maxTries"/> attempts.
    /// </summary>
    public static bool TryMine(BtcBlockHeader header, PowParameters p, long maxTries)
    {
        for (long i = 0; i < maxTries; i++)
        {
            if (Check(header.Hash, header.Bits, p)) return true;
            header.Nonce++;
        }
        return false;
    }

    /// <summary>
    /// Core's retarget: new target = old target × actual timespan / target timespan, the timespan
    /// clamped to [¼, 4×] and the result capped at the easiest target.
    /// </summary>
    public static uint NextBits(uint lastBits, long firstBlockTime, long lastBlockTime, PowParameters p)
    {
        long span = lastBlockTime - firstBlockTime;
        if (span < p.TargetTimespan / 4) span = p.TargetTimespan / 4;
        if (span > p.TargetTimespan * 4) span = p.TargetTimespan * 4;
        CompactTarget.TryDecode(p.PowLimitBits, out UInt256 limit);
        if (!CompactTarget.TryDecode(lastBits, out UInt256 target)) return p.PowLimitBits;
        if (!UInt256.TryMultiply(target, (ulong)span, out UInt256 scaled)) return CompactTarget.Encode(limit);
        UInt256 next = UInt256.DivRem(scaled, (ulong)p.TargetTimespan, out _);
        if (next > limit) next = limit;
        return CompactTarget.Encode(next);
    }

    /// <summary>Bits required for the block at <paramref name="height"/> given the chain's headers so far.</summary>
    public static uint RequiredBits(System.Collections.Generic.IReadOnlyList<BtcBlockHeader> chain, int height, PowParameters p)
    {
        if (height == 0) return p.PowLimitBits;
        BtcBlockHeader last = chain[height - 1];
        if (height % p.RetargetInterval != 0) return last.Bits;
        BtcBlockHeader first = chain[height - p.RetargetInterval];
        return NextBits(last.Bits, first.Time, last.Time, p);
    }
}
