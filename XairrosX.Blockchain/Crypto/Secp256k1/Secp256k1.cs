using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Secret-key helpers for secp256k1; signing lives in <see cref="Secp256k1Ecdsa"/> and <see cref="Bip340Schnorr"/>.</summary>
public static class Secp256k1
{
    /// <summary>Length of a secret key.</summary>
    public const int SecretKeySize = 32;

    /// <summary>True when <paramref name="secretKey"/> is 32 bytes encoding an integer in [1, n-1].</summary>
    public static bool IsValidSecretKey(ReadOnlySpan<byte> secretKey) => TryReadSecretKey(secretKey, out _);

    /// <summary>Writes the public key of <paramref name="secretKey"/> (33 bytes compressed or 65 uncompressed).</summary>
    /// <returns>False when the secret key is invalid or the destination too short.</returns>
    public static bool TryGetPublicKey(ReadOnlySpan<byte> secretKey, Span<byte> destination, bool compressed = true)
    {
        if (destination.Length < (compressed ? Secp256k1PublicKey.CompressedSize : Secp256k1PublicKey.UncompressedSize)) return false;
        if (!Secp256k1PublicKey.TryCreate(secretKey, out Secp256k1PublicKey key)) return false;
        if (compressed) key.WriteCompressed(destination);
        else key.WriteUncompressed(destination);
        return true;
    }

    internal static bool TryReadSecretKey(ReadOnlySpan<byte> secretKey, out Scalar secret)
    {
        secret = default;
        if (secretKey.Length != SecretKeySize) return false;
        secret = Scalar.Read(secretKey, out bool overflowed);
        return !overflowed && !secret.IsZero;
    }
}
