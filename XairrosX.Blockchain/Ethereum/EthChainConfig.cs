using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Ethereum;

/// <summary>Parameters of an account-ledger chain (London-style fee market).</summary>
public sealed record EthChainConfig
{
    /// <summary>EIP-155 chain id that signatures must commit to.</summary>
    public ulong ChainId { get; init; } = 1337;

    /// <summary>Whether pre-EIP-155 (unprotected) legacy transactions are accepted.</summary>
    public bool AllowUnprotectedLegacy { get; init; } = true;

    /// <summary>EIP-1559 elasticity: the gas target is the limit divided by this.</summary>
    public ulong ElasticityMultiplier { get; init; } = 2;

    /// <summary>EIP-1559: the base fee moves by at most 1/denominator per block.</summary>
    public ulong BaseFeeChangeDenominator { get; init; } = 8;

    /// <summary>Base fee of the genesis block.</summary>
    public UInt256 InitialBaseFee { get; init; } = 1_000_000_000UL;

    /// <summary>
    /// Next block's base fee from the parent (EIP-1559): unchanged at the target, otherwise moved
    /// by parentBaseFee * |gasUsed - target| / target / denominator (at least 1 when rising).
    /// </summary>
    public UInt256 NextBaseFee(EthBlockHeader parent)
    {
        UInt256 parentFee = parent.BaseFee ?? InitialBaseFee;
        ulong target = parent.GasLimit / ElasticityMultiplier;
        if (target == 0 || parent.GasUsed == target) return parentFee;
        bool rising = parent.GasUsed > target;
        ulong diff = rising ? parent.GasUsed - target : target - parent.GasUsed;
        if (!UInt256.TryMultiply(parentFee, diff, out UInt256 scaled)) return rising ? UInt256.MaxValue : UInt256.Zero;
        UInt256 delta = UInt256.DivRem(UInt256.DivRem(scaled, target, out _), BaseFeeChangeDenominator, out _);
        if (rising) return UInt256.TryAdd(parentFee, delta.IsZero ? 1UL : delta, out UInt256 higher) ? higher : UInt256.MaxValue;
        return UInt256.TrySubtract(parentFee, delta, out UInt256 lower) ? lower : UInt256.Zero;
    }
}
