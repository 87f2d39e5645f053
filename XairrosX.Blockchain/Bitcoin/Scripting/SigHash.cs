using System;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Bitcoin.Scripting;

/// <summary>Signature hashing: the original (legacy) algorithm and BIP-143 for witness v0.</summary>
public static class SigHash
{
    /// <summary>Sign all outputs.</summary>
    public const int All = 1;

    /// <summary>Sign no outputs.</summary>
    public const int None = 2;

    /// <summary>Sign the output at the same index only.</summary>
    public const int Single = 3;

    /// <summary>Sign only this input.</summary>
    public const int AnyoneCanPay = 0x80;

    /// <summary>The value 1 (as a little-endian uint256) that legacy sighash returns for out-of-range indexes.</summary>
    public static Hash32 One
    {
        get
        {
            Span<byte> b = stackalloc byte[32];
            b.Clear();
            b[0] = 1;
            return new Hash32(b);
        }
    }

    /// <summary>
    /// Legacy signature hash. OP_CODESEPARATORs are removed from <paramref name="scriptCode"/>;
    /// the SIGHASH_SINGLE-without-output quirk returns <see cref="One"/>, as consensus requires.
    /// </summary>
    public static Hash32 Legacy(BtcTransaction tx, int inputIndex, ReadOnlySpan<byte> scriptCode, int hashType)
    {
        if (inputIndex >= tx.Inputs.Count) return One;
        int baseType = hashType & 0x1f;
        if (baseType == Single && inputIndex >= tx.Outputs.Count) return One;
        bool anyoneCanPay = (hashType & AnyoneCanPay) != 0;
        BitcoinWriter w = new(256 + scriptCode.Length);
        w.WriteInt32(tx.Version);
        w.WriteCompactSize(anyoneCanPay ? 1UL : (ulong)tx.Inputs.Count);
        Span<byte> h = stackalloc byte[32];
        for (int i = 0; i < tx.Inputs.Count; i++)
        {
            if (anyoneCanPay && i != inputIndex) continue;
            TxIn input = tx.Inputs[i];
            input.PrevOut.TxId.CopyTo(h);
            w.WriteBytes(h);
            w.WriteUInt32(input.PrevOut.Index);
            if (i == inputIndex) WriteScriptCodeWithoutSeparators(w, scriptCode);
            else w.WriteCompactSize(0);
            bool zeroSequence = i != inputIndex && (baseType == None || baseType == Single);
            w.WriteUInt32(zeroSequence ? 0 : input.Sequence);
        }
        int outputs = baseType == None ? 0 : baseType == Single ? inputIndex + 1 : tx.Outputs.Count;
        w.WriteCompactSize((ulong)outputs);
        for (int i = 0; i < outputs; i++)
        {
            if (baseType == Single && i != inputIndex)
            {
                w.WriteInt64(-1);
                w.WriteCompactSize(0);
                continue;
            }
            w.WriteInt64(tx.Outputs[i].Value);
            w.WriteVarBytes(tx.Outputs[i].ScriptPubKey);
        }
        w.WriteUInt32(tx.LockTime);
        w.WriteInt32(hashType);
        Sha256.HashTwice(w.Written, h);
        return new Hash32(h);
    }

    private static void WriteScriptCodeWithoutSeparators(BitcoinWriter w, ReadOnlySpan<byte> script)
    {
        int separators = 0, pc = 0;
        while (ScriptReader.TryGetOp(script, ref pc, out byte op, out _))
            if (op == Op.CodeSeparator) separators++;
        w.WriteCompactSize((ulong)(script.Length - separators));
        int begin = 0;
        pc = 0;
        while (ScriptReader.TryGetOp(script, ref pc, out byte op, out _))
        {
            if (op != Op.CodeSeparator) continue;
            w.WriteBytes(script.Slice(begin, pc - 1 - begin));
            begin = pc;
        }
        if (begin != script.Length) w.WriteBytes(script.Slice(begin));
    }

    /// <summary>
    /// BIP-143 signature hash for witness v0 inputs (commits to the spent amount). Pass
    /// <paramref name="precomputed"/> to reuse the per-transaction hashes across inputs, which keeps
    /// signature hashing linear in the transaction size (the point of BIP-143).
    /// </summary>
    public static Hash32 WitnessV0(BtcTransaction tx, int inputIndex, ReadOnlySpan<byte> scriptCode, long amount, int hashType,
        PrecomputedSigHashData? precomputed = null)
    {
        int baseType = hashType & 0x1f;
        bool anyoneCanPay = (hashType & AnyoneCanPay) != 0;
        precomputed ??= new PrecomputedSigHashData(tx);
        Span<byte> zero = stackalloc byte[32];
        zero.Clear();
        ReadOnlySpan<byte> hashPrevouts = anyoneCanPay ? zero : precomputed.HashPrevouts;
        ReadOnlySpan<byte> hashSequence = anyoneCanPay || baseType == Single || baseType == None ? zero : precomputed.HashSequence;
        Span<byte> singleOutput = stackalloc byte[32];
        ReadOnlySpan<byte> hashOutputs = zero;
        if (baseType != Single && baseType != None) hashOutputs = precomputed.HashOutputs;
        else if (baseType == Single && inputIndex < tx.Outputs.Count)
        {
            BitcoinWriter one = new(64);
            one.WriteInt64(tx.Outputs[inputIndex].Value);
            one.WriteVarBytes(tx.Outputs[inputIndex].ScriptPubKey);
            Sha256.HashTwice(one.Written, singleOutput);
            hashOutputs = singleOutput;
        }
        Span<byte> h = stackalloc byte[32];
        TxIn input = tx.Inputs[inputIndex];
        BitcoinWriter w = new(200 + scriptCode.Length);
        w.WriteInt32(tx.Version);
        w.WriteBytes(hashPrevouts);
        w.WriteBytes(hashSequence);
        input.PrevOut.TxId.CopyTo(h);
        w.WriteBytes(h);
        w.WriteUInt32(input.PrevOut.Index);
        w.WriteVarBytes(scriptCode);
        w.WriteInt64(amount);
        w.WriteUInt32(input.Sequence);
        w.WriteBytes(hashOutputs);
        w.WriteUInt32(tx.LockTime);
        w.WriteInt32(hashType);
        Sha256.HashTwice(w.Written, h);
        return new Hash32(h);
    }
}

/// <summary>
/// The three BIP-143 hashes that depend only on the transaction (all prevouts, all sequences, all
/// outputs), computed once and shared by every input's signature check.
/// </summary>
public sealed class PrecomputedSigHashData
{
    /// <summary>Computes the hashes for <paramref name="tx"/>.</summary>
    public PrecomputedSigHashData(BtcTransaction tx)
    {
        BitcoinWriter w = new(64 * tx.Inputs.Count + 16);
        Span<byte> txid = stackalloc byte[32];
        foreach (TxIn i in tx.Inputs)
        {
            i.PrevOut.TxId.CopyTo(txid);
            w.WriteBytes(txid);
            w.WriteUInt32(i.PrevOut.Index);
        }
        Sha256.HashTwice(w.Written, HashPrevouts);
        w.Reset();
        foreach (TxIn i in tx.Inputs) w.WriteUInt32(i.Sequence);
        Sha256.HashTwice(w.Written, HashSequence);
        w.Reset();
        foreach (TxOut o in tx.Outputs)
        {
            w.WriteInt64(o.Value);
            w.WriteVarBytes(o.ScriptPubKey);
        }
        Sha256.HashTwice(w.Written, HashOutputs);
    }

    /// <summary>SHA-256d of all outpoints.</summary>
    public byte[] HashPrevouts { get; } = new byte[32];

    /// <summary>SHA-256d of all sequence numbers.</summary>
    public byte[] HashSequence { get; } = new byte[32];

    /// <summary>SHA-256d of all outputs.</summary>
    public byte[] HashOutputs { get; } = new byte[32];
}
