using System;
using NBitcoin.Secp256k1;
using XairrosX.Blockchain.Bitcoin.Scripting;

namespace XairrosX.Tests.Blockchain.Bitcoin;

/// <summary>ECDSA via NBitcoin.Secp256k1 and SHA-1 via the BCL: independent references for script tests.</summary>
internal sealed class ReferenceScriptCrypto : IScriptCrypto
{
    public static ReferenceScriptCrypto Instance { get; } = new();

    public bool VerifyEcdsa(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> r32, ReadOnlySpan<byte> s32, ReadOnlySpan<byte> publicKey)
    {
        if (!ECPubKey.TryCreate(publicKey, Context.Instance, out _, out ECPubKey? key) || key == null) return false;
        Span<byte> compact = stackalloc byte[64];
        r32.CopyTo(compact);
        s32.CopyTo(compact.Slice(32));
        if (!SecpECDSASignature.TryCreateFromCompact(compact, out SecpECDSASignature? sig) || sig == null) return false;
        return key.SigVerify(sig, hash32);
    }

    public bool TrySha1(ReadOnlySpan<byte> data, Span<byte> destination20)
    {
        System.Security.Cryptography.SHA1.HashData(data, destination20);
        return true;
    }

    /// <summary>The library's own script crypto: its secp256k1 and its SHA-1.</summary>
    public static Secp256k1ScriptCrypto Production { get; } = new();
}
