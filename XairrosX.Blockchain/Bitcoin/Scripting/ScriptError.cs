namespace XairrosX.Blockchain.Bitcoin.Scripting;

/// <summary>Why a script failed; <see cref="ScriptErrors.Name"/> gives Bitcoin Core's name.</summary>
public enum ScriptError
{
#pragma warning disable CS1591 // each member is named after the Core error it mirrors
    Ok, UnknownError, EvalFalse, OpReturn, ScriptSize, PushSize, OpCount, StackSize, SigCount, PubKeyCount,
    Verify, EqualVerify, CheckMultiSigVerify, CheckSigVerify, NumEqualVerify, BadOpcode, DisabledOpcode,
    InvalidStackOperation, InvalidAltStackOperation, UnbalancedConditional, NegativeLockTime, UnsatisfiedLockTime,
    SigHashType, SigDer, MinimalData, SigPushOnly, SigHighS, SigNullDummy, PubKeyType, CleanStack, MinimalIf, NullFail,
    DiscourageUpgradableNops, DiscourageUpgradableWitnessProgram, WitnessProgramWrongLength, WitnessProgramWitnessEmpty,
    WitnessProgramMismatch, WitnessMalleated, WitnessMalleatedP2SH, WitnessUnexpected, WitnessPubKeyType,
    OpCodeSeparator, SigFindAndDelete, TaprootUnsupported, Sha1Unavailable,
#pragma warning restore CS1591
}

/// <summary>Names of <see cref="ScriptError"/> values as Bitcoin Core prints them.</summary>
public static class ScriptErrors
{
    /// <summary>Core's name, e.g. EVAL_FALSE.</summary>
    public static string Name(ScriptError e) => e switch
    {
        ScriptError.Ok => "OK",
        ScriptError.UnknownError => "UNKNOWN_ERROR",
        ScriptError.EvalFalse => "EVAL_FALSE",
        ScriptError.OpReturn => "OP_RETURN",
        ScriptError.ScriptSize => "SCRIPT_SIZE",
        ScriptError.PushSize => "PUSH_SIZE",
        ScriptError.OpCount => "OP_COUNT",
        ScriptError.StackSize => "STACK_SIZE",
        ScriptError.SigCount => "SIG_COUNT",
        ScriptError.PubKeyCount => "PUBKEY_COUNT",
        ScriptError.Verify => "VERIFY",
        ScriptError.EqualVerify => "EQUALVERIFY",
        ScriptError.CheckMultiSigVerify => "CHECKMULTISIGVERIFY",
        ScriptError.CheckSigVerify => "CHECKSIGVERIFY",
        ScriptError.NumEqualVerify => "NUMEQUALVERIFY",
        ScriptError.BadOpcode => "BAD_OPCODE",
        ScriptError.DisabledOpcode => "DISABLED_OPCODE",
        ScriptError.InvalidStackOperation => "INVALID_STACK_OPERATION",
        ScriptError.InvalidAltStackOperation => "INVALID_ALTSTACK_OPERATION",
        ScriptError.UnbalancedConditional => "UNBALANCED_CONDITIONAL",
        ScriptError.NegativeLockTime => "NEGATIVE_LOCKTIME",
        ScriptError.UnsatisfiedLockTime => "UNSATISFIED_LOCKTIME",
        ScriptError.SigHashType => "SIG_HASHTYPE",
        ScriptError.SigDer => "SIG_DER",
        ScriptError.MinimalData => "MINIMALDATA",
        ScriptError.SigPushOnly => "SIG_PUSHONLY",
        ScriptError.SigHighS => "SIG_HIGH_S",
        ScriptError.SigNullDummy => "SIG_NULLDUMMY",
        ScriptError.PubKeyType => "PUBKEYTYPE",
        ScriptError.CleanStack => "CLEANSTACK",
        ScriptError.MinimalIf => "MINIMALIF",
        ScriptError.NullFail => "NULLFAIL",
        ScriptError.DiscourageUpgradableNops => "DISCOURAGE_UPGRADABLE_NOPS",
        ScriptError.DiscourageUpgradableWitnessProgram => "DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM",
        ScriptError.WitnessProgramWrongLength => "WITNESS_PROGRAM_WRONG_LENGTH",
        ScriptError.WitnessProgramWitnessEmpty => "WITNESS_PROGRAM_WITNESS_EMPTY",
        ScriptError.WitnessProgramMismatch => "WITNESS_PROGRAM_MISMATCH",
        ScriptError.WitnessMalleated => "WITNESS_MALLEATED",
        ScriptError.WitnessMalleatedP2SH => "WITNESS_MALLEATED_P2SH",
        ScriptError.WitnessUnexpected => "WITNESS_UNEXPECTED",
        ScriptError.WitnessPubKeyType => "WITNESS_PUBKEYTYPE",
        ScriptError.OpCodeSeparator => "OP_CODESEPARATOR",
        ScriptError.SigFindAndDelete => "SIG_FINDANDDELETE",
        ScriptError.TaprootUnsupported => "TAPROOT_UNSUPPORTED",
        _ => "SHA1_UNAVAILABLE",
    };
}
