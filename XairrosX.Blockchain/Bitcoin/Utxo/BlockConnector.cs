using System.Collections.Generic;
using XairrosX.Blockchain.Bitcoin.Scripting;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Bitcoin.Utxo;

/// <summary>
/// Applies blocks to a UTXO view and reverts them (Core's ConnectBlock/DisconnectBlock, without
/// the proof-of-work and header-chain checks, which belong to consensus). Every failure leaves
/// the view as it was and reports a Core-style reason.
/// </summary>
public sealed class BlockConnector
{
    /// <summary>Blocks a coinbase output must wait before it can be spent.</summary>
    public const int CoinbaseMaturity = 100;

    private readonly IScriptCrypto _crypto;

    /// <summary>Creates a connector that verifies scripts under <paramref name="flags"/>.</summary>
    public BlockConnector(IScriptCrypto crypto, ScriptFlags flags)
    {
        _crypto = crypto;
        Flags = flags;
    }

    /// <summary>Script verification flags applied to every input.</summary>
    public ScriptFlags Flags { get; }

    /// <summary>Block subsidy at <paramref name="height"/>: 50 BTC halving every 210,000 blocks.</summary>
    public static long Subsidy(int height)
    {
        int halvings = height / 210_000;
        return halvings >= 64 ? 0 : (50L * 100_000_000L) >> halvings;
    }

    /// <summary>Context-free block checks: coinbase placement, merkle root, per-transaction rules.</summary>
    public static string? CheckBlock(BtcBlock block)
    {
        if (block.Transactions.Count == 0) return "bad-blk-length";
        if (!block.Transactions[0].IsCoinbase) return "bad-cb-missing";
        for (int i = 1; i < block.Transactions.Count; i++)
            if (block.Transactions[i].IsCoinbase) return "bad-cb-multiple";
        if (block.ComputeMerkleRoot(out bool mutated) != block.Header.MerkleRoot) return "bad-txnmrklroot";
        if (mutated) return "bad-txns-duplicate";
        foreach (BtcTransaction tx in block.Transactions)
        {
            string? reason = TransactionChecks.Check(tx);
            if (reason != null) return reason;
        }
        return null;
    }

    /// <summary>Connects <paramref name="block"/> at <paramref name="height"/>; returns its undo data or null with a reason.</summary>
    public BlockUndo? Connect(BtcBlock block, int height, CoinsViewCache view, out string? error)
    {
        error = CheckBlock(block);
        if (error != null) return null;
        BlockUndo undo = new();
        List<(bool Added, OutPoint OutPoint, Coin Coin)> journal = new();
        long fees = 0;
        for (int t = 0; t < block.Transactions.Count; t++)
        {
            BtcTransaction tx = block.Transactions[t];
            if (!IsFinal(tx, height, block.Header.Time)) return Abort(view, journal, "bad-txns-nonfinal", out error);
            if (t > 0)
            {
                List<Coin> spent = new(tx.Inputs.Count);
                undo.SpentByTransaction.Add(spent);
                long valueIn = 0;
                PrecomputedSigHashData? shared = null;
                for (int i = 0; i < tx.Inputs.Count; i++)
                {
                    if (!view.TrySpendCoin(tx.Inputs[i].PrevOut, out Coin? coin) || coin == null)
                        return Abort(view, journal, "bad-txns-inputs-missingorspent", out error);
                    spent.Add(coin);
                    journal.Add((false, tx.Inputs[i].PrevOut, coin));
                    if (coin.IsCoinbase && height - coin.Height < CoinbaseMaturity)
                        return Abort(view, journal, "bad-txns-premature-spend-of-coinbase", out error);
                    valueIn += coin.Output.Value;
                    if (valueIn > TransactionChecks.MaxMoney) return Abort(view, journal, "bad-txns-inputvalues-outofrange", out error);
                    if (tx.HasWitness) shared ??= new PrecomputedSigHashData(tx);
                    TransactionSignatureChecker checker = new(tx, i, coin.Output.Value, _crypto, shared);
                    ScriptError se = ScriptVerifier.Verify(tx.Inputs[i].ScriptSig, coin.Output.ScriptPubKey, tx.Inputs[i].Witness, Flags, checker);
                    if (se != ScriptError.Ok)
                        return Abort(view, journal, "mandatory-script-verify-flag-failed (" + ScriptErrors.Name(se) + ")", out error);
                }
                long valueOut = SumOutputs(tx);
                if (valueIn < valueOut) return Abort(view, journal, "bad-txns-in-belowout", out error);
                fees += valueIn - valueOut;
            }
            Hash32 txid = tx.TxId;
            for (int o = 0; o < tx.Outputs.Count; o++)
            {
                TxOut output = tx.Outputs[o];
                if (IsUnspendable(output.ScriptPubKey)) continue;
                OutPoint op = new(txid, (uint)o);
                Coin created = new(output, height, t == 0);
                if (!view.TryAddCoin(op, created)) return Abort(view, journal, "bad-txns-BIP30", out error);
                journal.Add((true, op, created));
            }
        }
        if (SumOutputs(block.Transactions[0]) > Subsidy(height) + fees) return Abort(view, journal, "bad-cb-amount", out error);
        error = null;
        return undo;
    }

    /// <summary>Reverts a connected block using its undo data; false with a reason if they do not match the view.</summary>
    public static bool Disconnect(BtcBlock block, BlockUndo undo, CoinsViewCache view, out string? error)
    {
        if (undo.SpentByTransaction.Count != block.Transactions.Count - 1) return Fail("undo data does not match block", out error);
        for (int t = block.Transactions.Count - 1; t >= 0; t--)
        {
            BtcTransaction tx = block.Transactions[t];
            Hash32 txid = tx.TxId;
            for (int o = 0; o < tx.Outputs.Count; o++)
            {
                if (IsUnspendable(tx.Outputs[o].ScriptPubKey)) continue;
                if (!view.TrySpendCoin(new OutPoint(txid, (uint)o), out _)) return Fail("output missing while disconnecting", out error);
            }
            if (t == 0) break;
            List<Coin> spent = undo.SpentByTransaction[t - 1];
            if (spent.Count != tx.Inputs.Count) return Fail("undo input count mismatch", out error);
            for (int i = tx.Inputs.Count - 1; i >= 0; i--)
                if (!view.TryAddCoin(tx.Inputs[i].PrevOut, spent[i])) return Fail("undo would overwrite an unspent coin", out error);
        }
        error = null;
        return true;
    }

    private static BlockUndo? Abort(CoinsViewCache view, List<(bool Added, OutPoint OutPoint, Coin Coin)> journal, string reason, out string? error)
    {
        // Replaying the journal backwards restores the view exactly, including coins created and
        // spent inside this same block.
        for (int k = journal.Count - 1; k >= 0; k--)
        {
            if (journal[k].Added) view.TrySpendCoin(journal[k].OutPoint, out _);
            else view.TryAddCoin(journal[k].OutPoint, journal[k].Coin);
        }
        error = reason;
        return null;
    }

    private static bool Fail(string reason, out string? error)
    {
        error = reason;
        return false;
    }

    private static long SumOutputs(BtcTransaction tx)
    {
        long sum = 0;
        foreach (TxOut o in tx.Outputs) sum += o.Value;
        return sum;
    }

    /// <summary>OP_RETURN outputs and oversized scripts never enter the UTXO set.</summary>
    public static bool IsUnspendable(byte[] script) =>
        (script.Length > 0 && script[0] == Op.Return) || script.Length > ScriptInterpreter.MaxScriptSize;

    /// <summary>Lock-time finality: zero, already passed, or every input final.</summary>
    public static bool IsFinal(BtcTransaction tx, int height, uint time)
    {
        if (tx.LockTime == 0) return true;
        long limit = tx.LockTime < 500_000_000 ? height : time;
        if (tx.LockTime < limit) return true;
        foreach (TxIn i in tx.Inputs)
            if (i.Sequence != uint.MaxValue) return false;
        return true;
    }
}
