using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Ed25519 signatures (RFC 8032, pure variant, cofactorless verification with canonical S).</summary>
public static class Ed25519
{
    /// <summary>Length of the secret seed.</summary>
    public const int SeedSize = 32;

    /// <summary>Length of an encoded public key.</summary>
    public const int PublicKeySize = 32;

    /// <summary>Length of a signature (R ‖ S).</summary>
    public const int SignatureSize = 64;

    /// <summary>Derives the public key of a 32-byte seed.</summary>
    /// <returns>False for wrong lengths.</returns>
    public static bool TryGetPublicKey(ReadOnlySpan<byte> seed, Span<byte> publicKey)
    {
        if (seed.Length != SeedSize || publicKey.Length < PublicKeySize) return false;
        Span<byte> expanded = stackalloc byte[64];
        Span<ulong> secret = stackalloc ulong[4];
        Expand(seed, expanded, secret);
        EdwardsMultiplication.MultiplyBase(secret).Encode(publicKey);
        expanded.Clear();
        secret.Clear();
        return true;
    }

    /// <summary>Signs <paramref name="message"/> deterministically.</summary>
    /// <returns>False for wrong lengths.</returns>
    public static bool TrySign(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> message, Span<byte> signature)
    {
        if (seed.Length != SeedSize || signature.Length < SignatureSize) return false;
        Span<byte> expanded = stackalloc byte[64];
        Span<ulong> secret = stackalloc ulong[4];
        Span<byte> publicKey = stackalloc byte[32];
        Span<byte> digest = stackalloc byte[64];
        Span<ulong> r = stackalloc ulong[4];
        Span<ulong> k = stackalloc ulong[4];
        Expand(seed, expanded, secret);
        EdwardsMultiplication.MultiplyBase(secret).Encode(publicKey);

        var hash = new Sha512();
        hash.Append(expanded.Slice(32));
        hash.Append(message);
        hash.Finish(digest);
        Ed25519Scalar.ReduceWide(digest, r);
        EdwardsMultiplication.MultiplyBase(r).Encode(signature.Slice(0, 32));

        hash.Append(signature.Slice(0, 32));
        hash.Append(publicKey);
        hash.Append(message);
        hash.Finish(digest);
        Ed25519Scalar.ReduceWide(digest, k);
        Ed25519Scalar.MultiplyAdd(k, secret, r, signature.Slice(32, 32));
        expanded.Clear();
        secret.Clear();
        r.Clear();
        digest.Clear();
        return true;
    }

    /// <summary>
    /// Verifies: rejects non-canonical A or R encodings (y ≥ p), S ≥ L and wrong lengths, then checks
    /// that encode([S]B - [k]A) equals R byte for byte.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize) return false;
        if (!Ed25519Scalar.IsCanonical(signature.Slice(32, 32))) return false;
        if (!EdwardsPoint.TryDecode(publicKey, out EdwardsPoint a)) return false;
        Span<byte> digest = stackalloc byte[64];
        var hash = new Sha512();
        hash.Append(signature.Slice(0, 32));
        hash.Append(publicKey);
        hash.Append(message);
        hash.Finish(digest);
        Span<ulong> k = stackalloc ulong[4];
        Span<ulong> s = stackalloc ulong[4];
        Ed25519Scalar.ReduceWide(digest, k);
        Ed25519Scalar.Reduce(signature.Slice(32, 32), s);
        Span<byte> encoded = stackalloc byte[32];
        EdwardsMultiplication.MultiplyAndAdd(s, k, a.Negate()).Encode(encoded);
        return encoded.SequenceEqual(signature.Slice(0, 32));
    }

    /// <summary>SHA-512 of the seed; the clamped lower half is the secret scalar (reduced mod L, same point since B has order L).</summary>
    private static void Expand(ReadOnlySpan<byte> seed, Span<byte> expanded, Span<ulong> secret)
    {
        Sha512.Hash(seed, expanded);
        expanded[0] &= 248;
        expanded[31] &= 127;
        expanded[31] |= 64;
        Ed25519Scalar.Reduce(expanded.Slice(0, 32), secret);
    }
}
