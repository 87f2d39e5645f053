using System;
using NBitcoin.Secp256k1;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Tests.Blockchain.Ethereum;

/// <summary>secp256k1 from NBitcoin.Secp256k1, used only as an independent reference in tests.</summary>
internal sealed class ReferenceEcdsa : IEcdsaRecovery
{
    public static ReferenceEcdsa Instance { get; } = new();

    public bool TryRecover(ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> r32, ReadOnlySpan<byte> s32, int recoveryId, Span<byte> publicKey64)
    {
        Span<byte> compact = stackalloc byte[64];
        r32.CopyTo(compact);
        s32.CopyTo(compact.Slice(32));
        if (!SecpRecoverableECDSASignature.TryCreateFromCompact(compact, recoveryId, out SecpRecoverableECDSASignature? sig) || sig == null)
            return false;
        if (!ECPubKey.TryRecover(Context.Instance, sig, messageHash, out ECPubKey? pub) || pub == null) return false;
        Span<byte> full = stackalloc byte[65];
        pub.WriteToSpan(false, full, out _);
        full.Slice(1).CopyTo(publicKey64);
        return true;
    }

    public static (int RecoveryId, UInt256 R, UInt256 S) Sign(ReadOnlySpan<byte> privateKey, Hash32 hash)
    {
        ECPrivKey key = ECPrivKey.Create(privateKey);
        Span<byte> h = stackalloc byte[32];
        hash.CopyTo(h);
        if (!key.TrySignRecoverable(h, out SecpRecoverableECDSASignature? sig) || sig == null) throw new InvalidOperationException("sign failed");
        Span<byte> compact = stackalloc byte[64];
        sig.WriteToSpanCompact(compact, out int recId);
        return (recId, UInt256.FromBigEndian(compact.Slice(0, 32)), UInt256.FromBigEndian(compact.Slice(32)));
    }

    public static Address AddressOf(ReadOnlySpan<byte> privateKey)
    {
        ECPrivKey key = ECPrivKey.Create(privateKey);
        Span<byte> full = stackalloc byte[65];
        key.CreatePubKey().WriteToSpan(false, full, out _);
        return SenderRecovery.AddressOf(full.Slice(1));
    }
}
