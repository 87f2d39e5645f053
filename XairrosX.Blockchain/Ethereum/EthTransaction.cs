using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Ethereum;

/// <summary>Envelope types understood by the account ledger.</summary>
public enum EthTransactionType : byte
{
    /// <summary>Pre-typed transaction (optionally EIP-155 replay protected).</summary>
    Legacy = 0,

    /// <summary>EIP-2930 access-list transaction.</summary>
    AccessList = 1,

    /// <summary>EIP-1559 dynamic-fee transaction.</summary>
    DynamicFee = 2,
}

/// <summary>One EIP-2930 access-list entry: an address and storage slots it pre-warms.</summary>
public sealed record AccessListEntry(Address Address, IReadOnlyList<Hash32> StorageKeys);

/// <summary>
/// An Ethereum transaction of any supported type. Fields follow the wire format; for legacy
/// transactions <see cref="MaxFeePerGas"/> and <see cref="MaxPriorityFeePerGas"/> both equal the gas price,
/// which makes the fee rules uniform.
/// </summary>
public sealed class EthTransaction
{
    /// <summary>Envelope type.</summary>
    public EthTransactionType Type { get; init; }

    /// <summary>Chain id (0 for unprotected legacy transactions).</summary>
    public ulong ChainId { get; init; }

    /// <summary>Sender's nonce.</summary>
    public ulong Nonce { get; init; }

    /// <summary>Legacy and EIP-2930 gas price.</summary>
    public UInt256 GasPrice { get; init; }

    /// <summary>EIP-1559 tip cap (equals the gas price for older types).</summary>
    public UInt256 MaxPriorityFeePerGas { get; init; }

    /// <summary>EIP-1559 fee cap (equals the gas price for older types).</summary>
    public UInt256 MaxFeePerGas { get; init; }

    /// <summary>Gas limit.</summary>
    public ulong GasLimit { get; init; }

    /// <summary>Recipient, or null for contract creation.</summary>
    public Address? To { get; init; }

    /// <summary>Value transferred in wei.</summary>
    public UInt256 Value { get; init; }

    /// <summary>Call data.</summary>
    public byte[] Data { get; init; } = [];

    /// <summary>EIP-2930 access list (empty for legacy).</summary>
    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    /// <summary>Signature recovery id: 0 or 1.</summary>
    public int RecoveryId { get; init; }

    /// <summary>Signature r.</summary>
    public UInt256 R { get; init; }

    /// <summary>Signature s.</summary>
    public UInt256 S { get; init; }

    /// <summary>For legacy transactions: true if v encodes a chain id (EIP-155).</summary>
    public bool IsReplayProtected => Type != EthTransactionType.Legacy || ChainId != 0;

    /// <summary>The legacy v value as written on the wire (27/28 or chainId*2+35/36).</summary>
    public ulong LegacyV => ChainId == 0 ? 27UL + (ulong)RecoveryId : ChainId * 2 + 35 + (ulong)RecoveryId;

    /// <summary>Canonical wire encoding (set by the decoder or by <see cref="EthTransactionCodec.Encode"/>).</summary>
    public byte[]? Encoded { get; internal set; }

    /// <summary>
    /// Sender found by the first successful recovery. Recovery is the expensive part of validation
    /// and every field it depends on is init-only, so the result stays valid for this object.
    /// </summary>
    internal Address? CachedSender { get; set; }

    /// <summary>Transaction hash: keccak of the wire encoding.</summary>
    public Hash32 Hash { get; internal set; }

    /// <summary>
    /// Intrinsic gas (yellow paper G_transaction etc.): 21000 (+32000 for creation), 4 per zero and
    /// 16 per non-zero calldata byte, 2400 per access-list address and 1900 per storage key.
    /// </summary>
    public ulong IntrinsicGas
    {
        get
        {
            ulong gas = To == null ? 53_000UL : 21_000UL;
            foreach (byte b in Data) gas += b == 0 ? 4UL : 16UL;
            foreach (AccessListEntry e in AccessList) gas += 2400UL + 1900UL * (ulong)e.StorageKeys.Count;
            return gas;
        }
    }

    /// <summary>Price per gas actually paid under <paramref name="baseFee"/>: min(feeCap, baseFee + tip).</summary>
    public UInt256 EffectiveGasPrice(UInt256 baseFee)
    {
        if (Type != EthTransactionType.DynamicFee) return GasPrice;
        UInt256 withTip = UInt256.TryAdd(baseFee, MaxPriorityFeePerGas, out UInt256 s) ? s : UInt256.MaxValue;
        return UInt256.Min(MaxFeePerGas, withTip);
    }
}
