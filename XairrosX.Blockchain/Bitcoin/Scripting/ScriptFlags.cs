using System;

namespace XairrosX.Blockchain.Bitcoin.Scripting;

/// <summary>Script verification flags (Bitcoin Core's SCRIPT_VERIFY_*).</summary>
[Flags]
public enum ScriptFlags : uint
{
    /// <summary>No optional rules.</summary>
    None = 0,
    /// <summary>BIP-16 pay-to-script-hash.</summary>
    P2SH = 1 << 0,
    /// <summary>Strict signature and public key encodings.</summary>
    StrictEnc = 1 << 1,
    /// <summary>BIP-66 strict DER signatures.</summary>
    DerSig = 1 << 2,
    /// <summary>Low-S signatures.</summary>
    LowS = 1 << 3,
    /// <summary>CHECKMULTISIG dummy must be empty (BIP-147).</summary>
    NullDummy = 1 << 4,
    /// <summary>scriptSig must be push-only.</summary>
    SigPushOnly = 1 << 5,
    /// <summary>Minimal pushes and numbers.</summary>
    MinimalData = 1 << 6,
    /// <summary>Fail on upgradable NOPs.</summary>
    DiscourageUpgradableNops = 1 << 7,
    /// <summary>Exactly one stack element after evaluation.</summary>
    CleanStack = 1 << 8,
    /// <summary>BIP-65 CHECKLOCKTIMEVERIFY.</summary>
    CheckLockTimeVerify = 1 << 9,
    /// <summary>BIP-112 CHECKSEQUENCEVERIFY.</summary>
    CheckSequenceVerify = 1 << 10,
    /// <summary>BIP-141 segregated witness.</summary>
    Witness = 1 << 11,
    /// <summary>Fail on unknown witness versions.</summary>
    DiscourageUpgradableWitnessProgram = 1 << 12,
    /// <summary>IF/NOTIF arguments must be empty or 0x01 in witness scripts.</summary>
    MinimalIf = 1 << 13,
    /// <summary>Failed signature checks require empty signatures.</summary>
    NullFail = 1 << 14,
    /// <summary>Only compressed keys in witness v0.</summary>
    WitnessPubKeyType = 1 << 15,
    /// <summary>OP_CODESEPARATOR and FindAndDelete forbidden in legacy scripts.</summary>
    ConstScriptCode = 1 << 16,
    /// <summary>BIP-341/342 taproot (not implemented: such spends are reported as unsupported).</summary>
    Taproot = 1 << 17,
    /// <summary>Taproot: discourage unknown leaf versions.</summary>
    DiscourageUpgradableTaprootVersion = 1 << 18,
    /// <summary>Taproot: discourage OP_SUCCESSx.</summary>
    DiscourageOpSuccess = 1 << 19,
    /// <summary>Taproot: discourage unknown public key types.</summary>
    DiscourageUpgradablePubKeyType = 1 << 20,
}
