using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Crypto;

namespace XairrosX.Blockchain.Bitcoin.Scripting;

/// <summary>
/// Verifies that an input's scriptSig and witness satisfy the spent output's scriptPubKey
/// (Core's VerifyScript): legacy, P2SH, witness v0 (P2WPKH, P2WSH, nested in P2SH). Taproot spends
/// under the TAPROOT flag are reported as <see cref="ScriptError.TaprootUnsupported"/>.
/// </summary>
public static class ScriptVerifier
{
    /// <summary>Runs all checks; returns <see cref="ScriptError.Ok"/> or the first error.</summary>
    public static ScriptError Verify(byte[] scriptSig, byte[] scriptPubKey, byte[][] witness, ScriptFlags flags, TransactionSignatureChecker checker)
    {
        if ((flags & ScriptFlags.SigPushOnly) != 0 && !ScriptReader.IsPushOnly(scriptSig)) return ScriptError.SigPushOnly;
        List<byte[]> stack = new();
        ScriptError e = ScriptInterpreter.Eval(stack, scriptSig, flags, checker, SigVersion.Base);
        if (e != ScriptError.Ok) return e;
        List<byte[]>? copy = (flags & ScriptFlags.P2SH) != 0 ? new List<byte[]>(stack) : null;
        e = ScriptInterpreter.Eval(stack, scriptPubKey, flags, checker, SigVersion.Base);
        if (e != ScriptError.Ok) return e;
        if (stack.Count == 0 || !ScriptNum.CastToBool(stack[^1])) return ScriptError.EvalFalse;

        bool hadWitness = false;
        if ((flags & ScriptFlags.Witness) != 0 && ScriptReader.IsWitnessProgram(scriptPubKey, out int version, out ReadOnlySpan<byte> program))
        {
            hadWitness = true;
            if (scriptSig.Length != 0) return ScriptError.WitnessMalleated;
            e = VerifyWitnessProgram(witness, version, program, flags, checker, isP2sh: false);
            if (e != ScriptError.Ok) return e;
            stack.RemoveRange(1, stack.Count - 1); // witness spends bypass CLEANSTACK on this stack
        }

        if ((flags & ScriptFlags.P2SH) != 0 && ScriptReader.IsPayToScriptHash(scriptPubKey))
        {
            if (!ScriptReader.IsPushOnly(scriptSig)) return ScriptError.SigPushOnly;
            stack = copy!;
            if (stack.Count == 0) return ScriptError.EvalFalse;
            byte[] redeem = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            e = ScriptInterpreter.Eval(stack, redeem, flags, checker, SigVersion.Base);
            if (e != ScriptError.Ok) return e;
            if (stack.Count == 0 || !ScriptNum.CastToBool(stack[^1])) return ScriptError.EvalFalse;
            if ((flags & ScriptFlags.Witness) != 0 && ScriptReader.IsWitnessProgram(redeem, out int v2, out ReadOnlySpan<byte> p2))
            {
                hadWitness = true;
                if (!scriptSig.AsSpan().SequenceEqual(ScriptReader.PushOf(redeem))) return ScriptError.WitnessMalleatedP2SH;
                e = VerifyWitnessProgram(witness, v2, p2, flags, checker, isP2sh: true);
                if (e != ScriptError.Ok) return e;
                stack.RemoveRange(1, stack.Count - 1);
            }
        }

        if ((flags & ScriptFlags.CleanStack) != 0 && stack.Count != 1) return ScriptError.CleanStack;
        if ((flags & ScriptFlags.Witness) != 0 && !hadWitness && witness.Length != 0) return ScriptError.WitnessUnexpected;
        return ScriptError.Ok;
    }

    private static ScriptError VerifyWitnessProgram(byte[][] witness, int version, ReadOnlySpan<byte> program, ScriptFlags flags,
        TransactionSignatureChecker checker, bool isP2sh)
    {
        if (version == 0)
        {
            if (program.Length == 32)
            {
                if (witness.Length == 0) return ScriptError.WitnessProgramWitnessEmpty;
                byte[] script = witness[^1];
                Span<byte> h = stackalloc byte[32];
                Sha256.Hash(script, h);
                if (!h.SequenceEqual(program)) return ScriptError.WitnessProgramMismatch;
                return ExecuteWitnessScript(new List<byte[]>(witness[..^1]), script, flags, checker);
            }
            if (program.Length == 20)
            {
                if (witness.Length != 2) return ScriptError.WitnessProgramMismatch;
                byte[] script = new byte[25];
                script[0] = Op.Dup;
                script[1] = Op.Hash160;
                script[2] = 20;
                program.CopyTo(script.AsSpan(3));
                script[23] = Op.EqualVerify;
                script[24] = Op.CheckSig;
                return ExecuteWitnessScript(new List<byte[]>(witness), script, flags, checker);
            }
            return ScriptError.WitnessProgramWrongLength;
        }
        if (version == 1 && program.Length == 32 && !isP2sh)
            return (flags & ScriptFlags.Taproot) != 0 ? ScriptError.TaprootUnsupported : ScriptError.Ok;
        if ((flags & ScriptFlags.DiscourageUpgradableWitnessProgram) != 0) return ScriptError.DiscourageUpgradableWitnessProgram;
        return ScriptError.Ok;
    }

    private static ScriptError ExecuteWitnessScript(List<byte[]> stack, byte[] script, ScriptFlags flags, TransactionSignatureChecker checker)
    {
        foreach (byte[] item in stack)
            if (item.Length > ScriptInterpreter.MaxElementSize) return ScriptError.PushSize;
        ScriptError e = ScriptInterpreter.Eval(stack, script, flags, checker, SigVersion.WitnessV0);
        if (e != ScriptError.Ok) return e;
        if (stack.Count != 1) return ScriptError.CleanStack;
        return ScriptNum.CastToBool(stack[^1]) ? ScriptError.Ok : ScriptError.EvalFalse;
    }
}
