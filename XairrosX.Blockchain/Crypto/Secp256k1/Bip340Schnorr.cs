using System;
using System.Text;

namespace XairrosX.Blockchain.Crypto;

/// <summary>BIP-340 Schnorr signatures over secp256k1 with x-only public keys.</summary>
public static class Bip340Schnorr
{
    /// <summary>Length of a signature (R.x ‖ s).</summary>
    public const int SignatureSize = 64;

    // SHA-256 states after absorbing SHA256(tag) ‖ SHA256(tag): one block each, so tagged hashes start mid-stream.
    private static readonly Sha256 s_auxTag = TagState("BIP0340/aux");
    private static readonly Sha256 s_nonceTag = TagState("BIP0340/nonce");
    private static readonly Sha256 s_challengeTag = TagState("BIP0340/challenge");

    private static Sha256 TagState(string tag)
    {
        byte[] tagHash = Sha256.Hash(Encoding.ASCII.GetBytes(tag));
        var state = new Sha256();
        state.Append(tagHash);
        state.Append(tagHash);
        return state;
    }

    /// <summary>Writes the 32-byte x-only public key of a secret key.</summary>
    /// <returns>False for an invalid key or a short destination.</returns>
    public static bool TryGetPublicKey(ReadOnlySpan<byte> secretKey, Span<byte> xOnlyPublicKey)
    {
        if (xOnlyPublicKey.Length < 32 || !Secp256k1PublicKey.TryCreate(secretKey, out Secp256k1PublicKey key)) return false;
        key.WriteXOnly(xOnlyPublicKey);
        return true;
    }

    /// <summary>Signs <paramref name="message"/> (any length) with auxiliary randomness as BIP-340 specifies.</summary>
    /// <param name="secretKey">32-byte secret key.</param>
    /// <param name="message">The message (usually a 32-byte hash).</param>
    /// <param name="auxRandom">32 bytes of fresh randomness (all zeros gives deterministic signatures).</param>
    /// <param name="signature">Receives 64 bytes.</param>
    /// <returns>False for an invalid key or wrong lengths.</returns>
    public static bool TrySign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> auxRandom, Span<byte> signature)
    {
        if (auxRandom.Length != 32 || signature.Length < SignatureSize) return false;
        if (!Secp256k1.TryReadSecretKey(secretKey, out Scalar d)) return false;
        AffinePoint p = PointMultiplication.MultiplyGenerator(d).ToAffine();
        d = Scalar.Select(p.Y.IsOdd ? ulong.MaxValue : 0, d, Scalar.Negate(d));
        Span<byte> buffer = stackalloc byte[32];
        Span<byte> publicX = stackalloc byte[32];
        Span<byte> t = stackalloc byte[32];
        p.X.Write(publicX);

        Sha256 hash = s_auxTag;
        hash.Append(auxRandom);
        hash.Finish(t);
        d.Write(buffer);
        for (int i = 0; i < 32; i++) t[i] ^= buffer[i];

        hash = s_nonceTag;
        hash.Append(t);
        hash.Append(publicX);
        hash.Append(message);
        hash.Finish(buffer);
        Scalar k = Scalar.Read(buffer, out _);
        t.Clear();
        if (k.IsZero) return false;
        AffinePoint bigR = PointMultiplication.MultiplyGenerator(k).ToAffine();
        k = Scalar.Select(bigR.Y.IsOdd ? ulong.MaxValue : 0, k, Scalar.Negate(k));

        Span<byte> rx = signature.Slice(0, 32);
        bigR.X.Write(rx);
        Scalar e = Challenge(rx, publicX, message);
        Scalar s = Scalar.Add(k, Scalar.Multiply(e, d));
        s.Write(signature.Slice(32, 32));
        buffer.Clear();
        return true;
    }

    /// <summary>Verifies a signature against a 32-byte x-only public key.</summary>
    public static bool Verify(ReadOnlySpan<byte> xOnlyPublicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize) return false;
        if (!Secp256k1PublicKey.TryParseXOnly(xOnlyPublicKey, out Secp256k1PublicKey key)) return false;
        if (!FieldElement.TryRead(signature.Slice(0, 32), out FieldElement r)) return false;
        Scalar s = Scalar.Read(signature.Slice(32, 32), out bool sOverflow);
        if (sOverflow) return false;
        Scalar e = Challenge(signature.Slice(0, 32), xOnlyPublicKey, message);
        JacobianPoint bigR = PointMultiplication.MultiplyAndAdd(s, Scalar.Negate(e), key.Point);
        if (bigR.IsInfinity) return false;
        AffinePoint affine = bigR.ToAffine();
        return !affine.Y.IsOdd && FieldElement.Equal(affine.X, r);
    }

    private static Scalar Challenge(ReadOnlySpan<byte> rx, ReadOnlySpan<byte> publicX, ReadOnlySpan<byte> message)
    {
        Span<byte> digest = stackalloc byte[32];
        Sha256 hash = s_challengeTag;
        hash.Append(rx);
        hash.Append(publicX);
        hash.Append(message);
        hash.Finish(digest);
        return Scalar.Read(digest, out _);
    }
}
