using System;
using System.Collections.Generic;

namespace XairrosX.Blockchain.Bitcoin.Scripting;

public static partial class ScriptInterpreter
{
    private static byte[] ScriptCode(byte[] script, int begin) => script.AsSpan(begin).ToArray();

    private static ScriptError CheckSig(List<byte[]> stack, byte[] script, int codeBegin, byte op, ScriptFlags flags,
        TransactionSignatureChecker checker, SigVersion sigVersion)
    {
        if (stack.Count < 2) return ScriptError.InvalidStackOperation;
        byte[] sig = stack[^2], key = stack[^1];
        byte[] scriptCode = ScriptCode(script, codeBegin);
        if (sigVersion == SigVersion.Base)
        {
            int found = ScriptReader.FindAndDelete(ref scriptCode, ScriptReader.PushOf(sig));
            if (found > 0 && (flags & ScriptFlags.ConstScriptCode) != 0) return ScriptError.SigFindAndDelete;
        }
        ScriptError e = SignatureEncoding.Check(sig, flags);
        if (e == ScriptError.Ok) e = SignatureEncoding.CheckPubKey(key, flags, sigVersion == SigVersion.WitnessV0);
        if (e != ScriptError.Ok) return e;
        bool ok = checker.CheckEcdsaSignature(sig, key, scriptCode, sigVersion == SigVersion.WitnessV0);
        if (!ok && (flags & ScriptFlags.NullFail) != 0 && sig.Length > 0) return ScriptError.NullFail;
        stack.RemoveRange(stack.Count - 2, 2);
        if (op == Op.CheckSigVerify) return ok ? ScriptError.Ok : ScriptError.CheckSigVerify;
        stack.Add(ok ? True : False);
        return ScriptError.Ok;
    }

    private static ScriptError CheckMultiSig(List<byte[]> stack, byte[] script, int codeBegin, byte op, ScriptFlags flags,
        TransactionSignatureChecker checker, SigVersion sigVersion, ref int opCount)
    {
        bool minimal = (flags & ScriptFlags.MinimalData) != 0;
        int i = 1;
        if (stack.Count < i) return ScriptError.InvalidStackOperation;
        long keys = ScriptNum.Decode(stack[^i], minimal);
        if (keys < 0 || keys > MaxPubKeysPerMultisig) return ScriptError.PubKeyCount;
        opCount += (int)keys;
        if (opCount > MaxOpsPerScript) return ScriptError.OpCount;
        int ikey = ++i;
        int ikey2 = (int)keys + 2; // counts down to tell keys from signatures during NULLFAIL cleanup
        i += (int)keys;
        if (stack.Count < i) return ScriptError.InvalidStackOperation;
        long sigs = ScriptNum.Decode(stack[^i], minimal);
        if (sigs < 0 || sigs > keys) return ScriptError.SigCount;
        int isig = ++i;
        i += (int)sigs;
        if (stack.Count < i) return ScriptError.InvalidStackOperation;

        byte[] scriptCode = ScriptCode(script, codeBegin);
        for (int k = 0; k < sigs; k++)
        {
            if (sigVersion != SigVersion.Base) break;
            int found = ScriptReader.FindAndDelete(ref scriptCode, ScriptReader.PushOf(stack[^(isig + k)]));
            if (found > 0 && (flags & ScriptFlags.ConstScriptCode) != 0) return ScriptError.SigFindAndDelete;
        }

        bool success = true;
        while (success && sigs > 0)
        {
            byte[] sig = stack[^isig], key = stack[^ikey];
            ScriptError e = SignatureEncoding.Check(sig, flags);
            if (e == ScriptError.Ok) e = SignatureEncoding.CheckPubKey(key, flags, sigVersion == SigVersion.WitnessV0);
            if (e != ScriptError.Ok) return e;
            if (checker.CheckEcdsaSignature(sig, key, scriptCode, sigVersion == SigVersion.WitnessV0))
            {
                isig++;
                sigs--;
            }
            ikey++;
            keys--;
            if (sigs > keys) success = false;
        }

        while (i-- > 1)
        {
            if (!success && (flags & ScriptFlags.NullFail) != 0 && ikey2 == 0 && stack[^1].Length > 0) return ScriptError.NullFail;
            if (ikey2 > 0) ikey2--;
            stack.RemoveAt(stack.Count - 1);
        }
        if (stack.Count < 1) return ScriptError.InvalidStackOperation;
        if ((flags & ScriptFlags.NullDummy) != 0 && stack[^1].Length > 0) return ScriptError.SigNullDummy;
        stack.RemoveAt(stack.Count - 1);
        if (op == Op.CheckMultiSigVerify) return success ? ScriptError.Ok : ScriptError.CheckMultiSigVerify;
        stack.Add(success ? True : False);
        return ScriptError.Ok;
    }
}
