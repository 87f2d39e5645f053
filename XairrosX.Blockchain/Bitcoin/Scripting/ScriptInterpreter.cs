using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Crypto;

namespace XairrosX.Blockchain.Bitcoin.Scripting;

/// <summary>Which rules a script runs under.</summary>
public enum SigVersion
{
    /// <summary>Legacy scripts and P2SH redeem scripts.</summary>
    Base,

    /// <summary>BIP-143 witness v0 scripts.</summary>
    WitnessV0,
}

/// <summary>
/// Bitcoin script evaluation (Core's EvalScript) for legacy and witness v0 scripts. Failures are
/// returned as <see cref="ScriptError"/> values, never thrown.
/// </summary>
public static partial class ScriptInterpreter
{
    /// <summary>Maximum script size in bytes.</summary>
    public const int MaxScriptSize = 10_000;

    /// <summary>Maximum size of one stack element.</summary>
    public const int MaxElementSize = 520;

    /// <summary>Maximum non-push operations per script.</summary>
    public const int MaxOpsPerScript = 201;

    /// <summary>Maximum combined size of the main and alt stacks.</summary>
    public const int MaxStackSize = 1000;

    /// <summary>Maximum keys in CHECKMULTISIG.</summary>
    public const int MaxPubKeysPerMultisig = 20;

    private static readonly byte[] False = [];
    private static readonly byte[] True = [1];

    /// <summary>Runs <paramref name="script"/> on <paramref name="stack"/>.</summary>
    public static ScriptError Eval(List<byte[]> stack, byte[] script, ScriptFlags flags, TransactionSignatureChecker checker, SigVersion sigVersion)
    {
        try
        {
            return EvalCore(stack, script, flags, checker, sigVersion);
        }
        catch (ScriptNumException)
        {
            return ScriptError.UnknownError;
        }
    }

    private static ScriptError EvalCore(List<byte[]> stack, byte[] script, ScriptFlags flags, TransactionSignatureChecker checker, SigVersion sigVersion)
    {
        if (script.Length > MaxScriptSize) return ScriptError.ScriptSize;
        bool minimal = (flags & ScriptFlags.MinimalData) != 0;
        List<bool> exec = new();
        int falseCount = 0;
        List<byte[]> alt = new();
        int opCount = 0;
        int codeHashBegin = 0;
        int pc = 0;
        while (pc < script.Length)
        {
            bool executing = falseCount == 0;
            if (!ScriptReader.TryGetOp(script, ref pc, out byte op, out ReadOnlySpan<byte> push)) return ScriptError.BadOpcode;
            if (push.Length > MaxElementSize) return ScriptError.PushSize;
            if (op > Op.Sixteen && ++opCount > MaxOpsPerScript) return ScriptError.OpCount;
            if (Op.IsDisabled(op)) return ScriptError.DisabledOpcode;
            if (op == Op.CodeSeparator && sigVersion == SigVersion.Base && (flags & ScriptFlags.ConstScriptCode) != 0)
                return ScriptError.OpCodeSeparator;

            if (executing && op <= Op.PushData4)
            {
                if (minimal && !ScriptReader.IsMinimalPush(push, op)) return ScriptError.MinimalData;
                stack.Add(push.ToArray());
            }
            else if (executing || (op >= Op.If && op <= Op.EndIf))
            {
                ScriptError e;
                switch (op)
                {
                    case Op.If:
                    case Op.NotIf:
                        bool value = false;
                        if (executing)
                        {
                            if (stack.Count < 1) return ScriptError.UnbalancedConditional;
                            byte[] top = stack[^1];
                            if (sigVersion == SigVersion.WitnessV0 && (flags & ScriptFlags.MinimalIf) != 0)
                            {
                                if (top.Length > 1 || (top.Length == 1 && top[0] != 1)) return ScriptError.MinimalIf;
                            }
                            value = ScriptNum.CastToBool(top);
                            if (op == Op.NotIf) value = !value;
                            stack.RemoveAt(stack.Count - 1);
                        }
                        exec.Add(value);
                        if (!value) falseCount++;
                        break;
                    case Op.Else:
                        if (exec.Count == 0) return ScriptError.UnbalancedConditional;
                        falseCount += exec[^1] ? 1 : -1;
                        exec[^1] = !exec[^1];
                        break;
                    case Op.EndIf:
                        if (exec.Count == 0) return ScriptError.UnbalancedConditional;
                        if (!exec[^1]) falseCount--;
                        exec.RemoveAt(exec.Count - 1);
                        break;
                    case Op.CodeSeparator:
                        codeHashBegin = pc;
                        break;
                    case Op.CheckSig:
                    case Op.CheckSigVerify:
                        e = CheckSig(stack, script, codeHashBegin, op, flags, checker, sigVersion);
                        if (e != ScriptError.Ok) return e;
                        break;
                    case Op.CheckMultiSig:
                    case Op.CheckMultiSigVerify:
                        e = CheckMultiSig(stack, script, codeHashBegin, op, flags, checker, sigVersion, ref opCount);
                        if (e != ScriptError.Ok) return e;
                        break;
                    default:
                        e = ExecuteSimple(op, stack, alt, flags, checker, minimal);
                        if (e != ScriptError.Ok) return e;
                        break;
                }
            }
            if (stack.Count + alt.Count > MaxStackSize) return ScriptError.StackSize;
        }
        return exec.Count != 0 ? ScriptError.UnbalancedConditional : ScriptError.Ok;
    }

    private static ScriptError ExecuteSimple(byte op, List<byte[]> stack, List<byte[]> alt, ScriptFlags flags, TransactionSignatureChecker checker, bool minimal)
    {
        if (op == Op.OneNegate || (op >= Op.One && op <= Op.Sixteen))
        {
            stack.Add(ScriptNum.Encode(op == Op.OneNegate ? -1 : op - (Op.One - 1)));
            return ScriptError.Ok;
        }
        switch (op)
        {
            case Op.Nop:
                return ScriptError.Ok;
            case Op.CheckLockTimeVerify:
            case Op.CheckSequenceVerify:
                return LockTimeOp(op, stack, flags, checker, minimal);
            case Op.Nop1:
            case >= Op.Nop4 and <= Op.Nop10:
                return (flags & ScriptFlags.DiscourageUpgradableNops) != 0 ? ScriptError.DiscourageUpgradableNops : ScriptError.Ok;
            case Op.Verify:
                if (stack.Count < 1) return ScriptError.InvalidStackOperation;
                if (!ScriptNum.CastToBool(stack[^1])) return ScriptError.Verify;
                stack.RemoveAt(stack.Count - 1);
                return ScriptError.Ok;
            case Op.Return:
                return ScriptError.OpReturn;
            case Op.ToAltStack:
                if (stack.Count < 1) return ScriptError.InvalidStackOperation;
                alt.Add(stack[^1]);
                stack.RemoveAt(stack.Count - 1);
                return ScriptError.Ok;
            case Op.FromAltStack:
                if (alt.Count < 1) return ScriptError.InvalidAltStackOperation;
                stack.Add(alt[^1]);
                alt.RemoveAt(alt.Count - 1);
                return ScriptError.Ok;
            case Op.Ripemd160:
            case Op.Sha1:
            case Op.Sha256:
            case Op.Hash160:
            case Op.Hash256:
                return HashOp(op, stack, checker);
            case Op.Equal:
            case Op.EqualVerify:
            {
                if (stack.Count < 2) return ScriptError.InvalidStackOperation;
                bool equal = stack[^2].AsSpan().SequenceEqual(stack[^1]);
                stack.RemoveRange(stack.Count - 2, 2);
                stack.Add(equal ? True : False);
                if (op == Op.EqualVerify)
                {
                    if (!equal) return ScriptError.EqualVerify;
                    stack.RemoveAt(stack.Count - 1);
                }
                return ScriptError.Ok;
            }
            default:
                if (op >= Op.TwoDrop && op <= Op.Tuck || op == Op.Size) return StackOp(op, stack, minimal);
                if (op >= Op.OneAdd && op <= Op.Within) return Arithmetic(op, stack, minimal);
                return ScriptError.BadOpcode;
        }
    }

    private static ScriptError LockTimeOp(byte op, List<byte[]> stack, ScriptFlags flags, TransactionSignatureChecker checker, bool minimal)
    {
        bool cltv = op == Op.CheckLockTimeVerify;
        // Not enabled: a plain NOP2/NOP3, not even discouraged, so that removing a flag never
        // invalidates a script (Core made all flags backward compatible this way).
        if ((flags & (cltv ? ScriptFlags.CheckLockTimeVerify : ScriptFlags.CheckSequenceVerify)) == 0) return ScriptError.Ok;
        if (stack.Count < 1) return ScriptError.InvalidStackOperation;
        long n = ScriptNum.Decode(stack[^1], minimal, 5);
        if (n < 0) return ScriptError.NegativeLockTime;
        if (cltv) return checker.CheckLockTime(n) ? ScriptError.Ok : ScriptError.UnsatisfiedLockTime;
        if ((n & (1L << 31)) != 0) return ScriptError.Ok;
        return checker.CheckSequence(n) ? ScriptError.Ok : ScriptError.UnsatisfiedLockTime;
    }

    private static ScriptError HashOp(byte op, List<byte[]> stack, TransactionSignatureChecker checker)
    {
        if (stack.Count < 1) return ScriptError.InvalidStackOperation;
        byte[] input = stack[^1];
        byte[] result;
        Span<byte> tmp = stackalloc byte[32];
        switch (op)
        {
            case Op.Ripemd160:
                result = Ripemd160.Hash(input);
                break;
            case Op.Sha1:
                result = new byte[20];
                if (!checker.Crypto.TrySha1(input, result)) return ScriptError.Sha1Unavailable;
                break;
            case Op.Sha256:
                result = Sha256.Hash(input);
                break;
            case Op.Hash160:
                Sha256.Hash(input, tmp);
                result = Ripemd160.Hash(tmp);
                break;
            default:
                result = new byte[32];
                Sha256.HashTwice(input, result);
                break;
        }
        stack[^1] = result;
        return ScriptError.Ok;
    }
}
