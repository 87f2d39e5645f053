using System;
using XairrosX.Blockchain.Crypto;

namespace XairrosX.Blockchain.Ethereum;

/// <summary>The production <see cref="IEcdsaRecovery"/>: the crypto library's secp256k1 recovery.</summary>
public sealed class Secp256k1Recovery : IBatchEcdsaRecovery
{
    /// <summary>Shared stateless instance.</summary>
    public static Secp256k1Recovery Instance { get; } = new();

    /// <inheritdoc/>
    public bool TryRecover(ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> r32, ReadOnlySpan<byte> s32, int recoveryId, Span<byte> publicKey64)
    {
        Span<byte> sig = stackalloc byte[64];
        r32.CopyTo(sig);
        s32.CopyTo(sig.Slice(32));
        if (!Secp256k1Ecdsa.TryRecover(messageHash, sig, recoveryId, out Secp256k1PublicKey key)) return false;
        Span<byte> full = stackalloc byte[Secp256k1PublicKey.UncompressedSize];
        key.WriteUncompressed(full);
        full.Slice(1).CopyTo(publicKey64);
        return true;
    }

    /// <inheritdoc/>
    public void RecoverBatch(ReadOnlySpan<byte> messageHashes, ReadOnlySpan<byte> signatures, ReadOnlySpan<int> recoveryIds, Span<byte> publicKeys, Span<bool> recovered) =>
        Secp256k1BatchRecovery.Recover(messageHashes, signatures, recoveryIds, publicKeys, recovered);
}
