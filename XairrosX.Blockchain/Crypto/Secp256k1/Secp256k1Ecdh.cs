using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Elliptic-curve Diffie–Hellman on secp256k1.</summary>
public static class Secp256k1Ecdh
{
    /// <summary>
    /// libsecp256k1's default ECDH: SHA-256 of the compressed shared point (0x02/0x03 ‖ x), 32 bytes.
    /// Constant time in the secret key.
    /// </summary>
    /// <returns>False for an invalid secret key or a short destination.</returns>
    public static bool TryComputeSharedSecret(ReadOnlySpan<byte> secretKey, in Secp256k1PublicKey publicKey, Span<byte> sharedSecret)
    {
        if (sharedSecret.Length < 32 || !TryMultiply(secretKey, publicKey, out AffinePoint shared)) return false;
        Span<byte> compressed = stackalloc byte[33];
        new Secp256k1PublicKey(shared).WriteCompressed(compressed);
        Sha256.Hash(compressed, sharedSecret);
        compressed.Clear();
        return true;
    }

    /// <summary>The raw x coordinate of the shared point (SEC1 / X9.63 ECDH, what Wycheproof and TLS use).</summary>
    /// <returns>False for an invalid secret key or a short destination.</returns>
    public static bool TryComputeSharedX(ReadOnlySpan<byte> secretKey, in Secp256k1PublicKey publicKey, Span<byte> sharedX)
    {
        if (sharedX.Length < 32 || !TryMultiply(secretKey, publicKey, out AffinePoint shared)) return false;
        shared.X.Write(sharedX);
        return true;
    }

    private static bool TryMultiply(ReadOnlySpan<byte> secretKey, in Secp256k1PublicKey publicKey, out AffinePoint shared)
    {
        shared = AffinePoint.Infinity;
        if (!publicKey.IsValid || !Secp256k1.TryReadSecretKey(secretKey, out Scalar d)) return false;
        shared = PointMultiplication.Multiply(d, publicKey.Point).ToAffine();
        return !shared.IsInfinity;
    }
}
