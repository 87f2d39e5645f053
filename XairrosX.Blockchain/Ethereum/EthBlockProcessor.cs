using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Ethereum;

/// <summary>
/// Applies transactions and blocks to a <see cref="WorldState"/>. The ledger executes value
/// transfers (with calldata, which only costs gas); it has no EVM, so contract creation is
/// rejected. Rule order follows the yellow paper's validity checks.
/// </summary>
public sealed class EthBlockProcessor
{
    private readonly IEcdsaRecovery _ecdsa;

    /// <summary>Creates a processor for <paramref name="config"/> using <paramref name="ecdsa"/> for sender recovery.</summary>
    public EthBlockProcessor(EthChainConfig config, IEcdsaRecovery ecdsa)
    {
        Config = config;
        _ecdsa = ecdsa;
    }

    /// <summary>The chain parameters.</summary>
    public EthChainConfig Config { get; }

    /// <summary>Static checks that need no state: signature, chain id, fee caps, intrinsic gas.</summary>
    public bool TryValidateStatic(EthTransaction tx, out Address sender, out string? error)
    {
        sender = default;
        if (tx.Type == EthTransactionType.Legacy && tx.ChainId == 0 && !Config.AllowUnprotectedLegacy)
            return Fail("unprotected legacy transaction not allowed", out error);
        if (tx.IsReplayProtected && tx.ChainId != Config.ChainId) return Fail($"wrong chain id {tx.ChainId}", out error);
        if (tx.MaxPriorityFeePerGas > tx.MaxFeePerGas) return Fail("max priority fee exceeds max fee", out error);
        if (tx.To == null) return Fail("contract creation is not supported (no EVM)", out error);
        if (tx.Nonce == ulong.MaxValue) return Fail("nonce at maximum (EIP-2681)", out error);
        if (tx.GasLimit < tx.IntrinsicGas) return Fail("gas limit below intrinsic gas", out error);
        return SenderRecovery.TryRecoverSender(tx, _ecdsa, out sender, out error);
    }

    /// <summary>
    /// Applies one transaction whose sender is known. On failure the state is unchanged and
    /// <paramref name="error"/> says why.
    /// </summary>
    public bool TryApply(WorldState state, EthTransaction tx, Address sender, Address beneficiary, UInt256 baseFee,
        ulong blockGasRemaining, out ulong gasUsed, out string? error)
    {
        gasUsed = 0;
        if (tx.GasLimit > blockGasRemaining) return Fail("gas limit exceeds remaining block gas", out error);
        if (tx.MaxFeePerGas < baseFee) return Fail("max fee per gas below base fee", out error);
        EthAccount payer = state.Get(sender) ?? EthAccount.WithBalance(UInt256.Zero);
        if (payer.CodeHash != EthAccount.EmptyCodeHash) return Fail("sender is not an externally owned account (EIP-3607)", out error);
        if (tx.Nonce != payer.Nonce) return Fail(tx.Nonce < payer.Nonce ? "nonce too low" : "nonce too high", out error);
        if (!UInt256.TryMultiply(tx.MaxFeePerGas, tx.GasLimit, out UInt256 maxCost) ||
            !UInt256.TryAdd(maxCost, tx.Value, out UInt256 upfront))
            return Fail("transaction cost overflows 256 bits", out error);
        if (payer.Balance < upfront) return Fail("insufficient funds for gas * price + value", out error);

        // No overflow below: price <= fee cap and gas used <= gas limit, whose product was checked above.
        ulong used = tx.IntrinsicGas;
        UInt256 price = tx.EffectiveGasPrice(baseFee);
        UInt256 fee = price * used;
        UInt256 tip = (price - baseFee) * used;
        Address to = tx.To!.Value;
        EthAccount recipient = to == sender ? payer : state.Get(to) ?? EthAccount.WithBalance(UInt256.Zero);
        if (to != sender && !UInt256.TryAdd(recipient.Balance, tx.Value, out _)) return Fail("recipient balance overflows 256 bits", out error);
        state.Set(sender, payer with { Nonce = payer.Nonce + 1, Balance = payer.Balance - fee - tx.Value });
        recipient = state.Get(to) ?? EthAccount.WithBalance(UInt256.Zero);
        state.Set(to, recipient with { Balance = recipient.Balance + tx.Value });
        EthAccount miner = state.Get(beneficiary) ?? EthAccount.WithBalance(UInt256.Zero);
        // A tip can only overflow a balance already near 2^256, which no supply reaches; cap rather than throw.
        state.Set(beneficiary, miner with { Balance = UInt256.TryAdd(miner.Balance, tip, out UInt256 paid) ? paid : UInt256.MaxValue });
        gasUsed = used;
        error = null;
        return true;
    }

    /// <summary>
    /// Builds the next block on <paramref name="parent"/>, including each candidate that is valid in
    /// order and fits; invalid candidates are skipped. <paramref name="state"/> is advanced.
    /// </summary>
    public EthBlock BuildBlock(EthBlockHeader parent, WorldState state, IEnumerable<EthTransaction> candidates,
        Address beneficiary, ulong timestamp, ulong gasLimit)
    {
        UInt256 baseFee = Config.NextBaseFee(parent);
        List<EthTransaction> included = new();
        List<EthReceipt> receipts = new();
        ulong used = 0;
        foreach (EthTransaction tx in candidates)
        {
            if (!TryValidateStatic(tx, out Address sender, out _)) continue;
            if (!TryApply(state, tx, sender, beneficiary, baseFee, gasLimit - used, out ulong gas, out _)) continue;
            used += gas;
            included.Add(tx);
            receipts.Add(new EthReceipt(tx.Type, true, used));
        }
        EthBlockHeader header = new()
        {
            ParentHash = parent.Hash, Beneficiary = beneficiary, StateRoot = state.ComputeRoot(),
            TransactionsRoot = EthBlock.TransactionsRoot(included), ReceiptsRoot = EthBlock.ReceiptsRoot(receipts),
            Number = parent.Number + 1, GasLimit = gasLimit, GasUsed = used, Timestamp = timestamp, BaseFee = baseFee,
        };
        return new EthBlock(header, included);
    }

    /// <summary>
    /// Fully validates <paramref name="block"/> against its parent on a fork of <paramref name="parentState"/>.
    /// Returns the post-state on success; on failure the parent state is untouched.
    /// </summary>
    public bool TryValidateBlock(EthBlockHeader parent, WorldState parentState, EthBlock block, out WorldState? postState, out string? error)
    {
        postState = null;
        EthBlockHeader h = block.Header;
        if (h.ParentHash != parent.Hash) return Fail("parent hash mismatch", out error);
        if (h.Number != parent.Number + 1) return Fail("block number is not parent + 1", out error);
        if (h.Timestamp <= parent.Timestamp) return Fail("timestamp not after parent", out error);
        if (h.GasUsed > h.GasLimit) return Fail("gas used exceeds gas limit", out error);
        // Yellow paper: the limit moves by less than 1/1024 of the parent's per block and stays >= 5000.
        ulong bound = parent.GasLimit / 1024;
        ulong change = h.GasLimit > parent.GasLimit ? h.GasLimit - parent.GasLimit : parent.GasLimit - h.GasLimit;
        if (change >= bound || h.GasLimit < 5000) return Fail("gas limit changed too much", out error);
        if (block.Ommers.Count != 0 || h.OmmersHash != EthBlockHeader.EmptyOmmersHash) return Fail("ommers are not allowed", out error);
        if (h.BaseFee is not UInt256 baseFee || baseFee != Config.NextBaseFee(parent)) return Fail("wrong base fee", out error);
        if (EthBlock.TransactionsRoot(block.Transactions) != h.TransactionsRoot) return Fail("transactions root mismatch", out error);

        // Recovering all senders together shares the inversions between them; the loop below then finds them cached.
        if (_ecdsa is IBatchEcdsaRecovery batch) SenderRecovery.RecoverSenders(block.Transactions, batch);
        WorldState state = parentState.Fork();
        List<EthReceipt> receipts = new(block.Transactions.Count);
        ulong used = 0;
        for (int i = 0; i < block.Transactions.Count; i++)
        {
            EthTransaction tx = block.Transactions[i];
            if (!TryValidateStatic(tx, out Address sender, out string? why) ||
                !TryApply(state, tx, sender, h.Beneficiary, baseFee, h.GasLimit - used, out ulong gas, out why))
                return Fail($"transaction {i} invalid: {why}", out error);
            used += gas;
            receipts.Add(new EthReceipt(tx.Type, true, used));
        }
        if (used != h.GasUsed) return Fail("gas used mismatch", out error);
        if (EthBlock.ReceiptsRoot(receipts) != h.ReceiptsRoot) return Fail("receipts root mismatch", out error);
        if (h.LogsBloom.AsSpan().ContainsAnyExcept((byte)0)) return Fail("logs bloom mismatch (transfers emit no logs)", out error);
        if (state.ComputeRoot() != h.StateRoot) return Fail("state root mismatch", out error);
        postState = state;
        error = null;
        return true;
    }

    private static bool Fail(string reason, out string? error)
    {
        error = reason;
        return false;
    }
}
