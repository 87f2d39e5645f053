using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// ECDSA over secp256k1 with 64-byte compact signatures (r ‖ s, big-endian):
/// deterministic RFC 6979 nonces, low-S output, verification and public-key recovery.
/// </summary>
public static class Secp256k1Ecdsa
{
    /// <summary>Length of a compact signature.</summary>
    public const int SignatureSize = 64;

    /// <summary>
    /// Signs a 32-byte message hash. The signature always has low S (s ≤ n/2) as Bitcoin and Ethereum require.
    /// </summary>
    /// <param name="secretKey">32-byte secret key in [1, n-1].</param>
    /// <param name="messageHash">Exactly 32 bytes.</param>
    /// <param name="signature">Receives r ‖ s (64 bytes).</param>
    /// <param name="recoveryId">0–3: bit 0 = R.y odd, bit 1 = R.x ≥ n (for <see cref="TryRecover"/>).</param>
    /// <returns>False for an invalid key, wrong lengths or a too short destination.</returns>
    public static bool TrySign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> messageHash, Span<byte> signature, out int recoveryId)
    {
        recoveryId = 0;
        if (messageHash.Length != 32 || signature.Length < SignatureSize) return false;
        if (!Secp256k1.TryReadSecretKey(secretKey, out Scalar d)) return false;
        Scalar z = Scalar.Read(messageHash, out _);
        Span<byte> reducedMessage = stackalloc byte[32];
        z.Write(reducedMessage);
        Span<byte> kBuffer = stackalloc byte[32];
        Span<byte> vBuffer = stackalloc byte[32];
        Span<byte> candidate = stackalloc byte[32];
        var nonces = new Rfc6979Nonce(secretKey, reducedMessage, default, kBuffer, vBuffer);
        try
        {
            while (true)
            {
                nonces.Next(candidate);
                Scalar k = Scalar.Read(candidate, out bool overflowed);
                if (overflowed || k.IsZero) continue;
                AffinePoint bigR = PointMultiplication.MultiplyGenerator(k).ToAffine();
                Span<byte> xBytes = candidate;
                bigR.X.Write(xBytes);
                Scalar r = Scalar.Read(xBytes, out bool xOverflowed);
                if (r.IsZero) continue;
                Scalar s = Scalar.Multiply(Scalar.Invert(k), Scalar.Add(z, Scalar.Multiply(r, d)));
                if (s.IsZero) continue;
                int id = (bigR.Y.IsOdd ? 1 : 0) | (xOverflowed ? 2 : 0);
                if (s.IsHigh)
                {
                    s = Scalar.Negate(s);
                    id ^= 1;
                }
                r.Write(signature.Slice(0, 32));
                s.Write(signature.Slice(32, 32));
                recoveryId = id;
                return true;
            }
        }
        finally
        {
            kBuffer.Clear();
            vBuffer.Clear();
            candidate.Clear();
        }
    }

    /// <summary>
    /// Verifies a compact signature. <paramref name="messageHash"/> may be any length: per SEC1 its leftmost
    /// 256 bits are used (this lets SHA-512 and SHAKE digests verify, as Wycheproof does).
    /// </summary>
    /// <param name="publicKey">The signer's key.</param>
    /// <param name="messageHash">The message digest.</param>
    /// <param name="signature">r ‖ s, 64 bytes.</param>
    /// <param name="allowHighS">Accept s &gt; n/2 (plain ECDSA); false enforces Bitcoin's low-S rule.</param>
    public static bool Verify(in Secp256k1PublicKey publicKey, ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> signature, bool allowHighS = false)
    {
        if (signature.Length != SignatureSize || !publicKey.IsValid) return false;
        Scalar r = Scalar.Read(signature.Slice(0, 32), out bool rOverflow);
        Scalar s = Scalar.Read(signature.Slice(32, 32), out bool sOverflow);
        if (rOverflow || sOverflow || r.IsZero || s.IsZero) return false;
        if (!allowHighS && s.IsHigh) return false;
        Scalar z = Scalar.FromHash(messageHash);
        // s is public here, so the faster variable-time inversion is safe.
        Scalar w = ScalarInverse.InvertVariableTime(s);
        JacobianPoint sum = PointMultiplication.MultiplyAndAdd(Scalar.Multiply(z, w), Scalar.Multiply(r, w), publicKey.Point);
        if (sum.IsInfinity) return false;
        // x(R) mod n == r, tested as X == r·Z² (and (r + n)·Z² when r + n < p) to avoid an inversion.
        FieldElement zSquared = FieldElement.Square(sum.Z);
        var rField = new FieldElement(r.L0, r.L1, r.L2, r.L3);
        if (FieldElement.Equal(sum.X, FieldElement.Multiply(rField, zSquared))) return true;
        return !Overflows(rField) && FieldElement.Equal(sum.X, FieldElement.Multiply(FieldElement.Add(rField, OrderAsField), zSquared));
    }

    /// <summary>Verifies against an encoded (33- or 65-byte) public key; false if the key does not parse.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> signature, bool allowHighS = false) =>
        Secp256k1PublicKey.TryParse(publicKey, out Secp256k1PublicKey key) && Verify(key, messageHash, signature, allowHighS);

    /// <summary>Verifies a strict-DER signature (see <see cref="DerSignature.TryParse"/>).</summary>
    public static bool VerifyDer(in Secp256k1PublicKey publicKey, ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> derSignature, bool allowHighS = false)
    {
        Span<byte> compact = stackalloc byte[SignatureSize];
        return DerSignature.TryParse(derSignature, compact) && Verify(publicKey, messageHash, compact, allowHighS);
    }

    /// <summary>Recovers the public key that produced a signature (Ethereum's ecrecover).</summary>
    /// <param name="messageHash">Exactly 32 bytes.</param>
    /// <param name="signature">r ‖ s; high S is accepted, as libsecp256k1's recovery does.</param>
    /// <param name="recoveryId">0–3 as returned by <see cref="TrySign"/>.</param>
    /// <param name="publicKey">The recovered key.</param>
    public static bool TryRecover(ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> signature, int recoveryId, out Secp256k1PublicKey publicKey)
    {
        publicKey = default;
        if (!TryPrepareRecovery(messageHash, signature, recoveryId, out Scalar r, out AffinePoint bigR)) return false;
        JacobianPoint q = FinishRecovery(messageHash, signature, ScalarInverse.InvertVariableTime(r), bigR);
        if (q.IsInfinity) return false;
        publicKey = new Secp256k1PublicKey(q.ToAffine());
        return true;
    }

    /// <summary>The checks of recovery and the point R (lifted from r and the recovery id); false when no key can exist.</summary>
    internal static bool TryPrepareRecovery(ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> signature, int recoveryId, out Scalar r, out AffinePoint bigR)
    {
        r = default;
        bigR = AffinePoint.Infinity;
        if (messageHash.Length != 32 || signature.Length != SignatureSize || (uint)recoveryId > 3) return false;
        r = Scalar.Read(signature.Slice(0, 32), out bool rOverflow);
        Scalar s = Scalar.Read(signature.Slice(32, 32), out bool sOverflow);
        if (rOverflow || sOverflow || r.IsZero || s.IsZero) return false;
        var x = new FieldElement(r.L0, r.L1, r.L2, r.L3);
        if ((recoveryId & 2) != 0)
        {
            if (Overflows(x)) return false;
            x = FieldElement.Add(x, OrderAsField);
        }
        return AffinePoint.TryLiftX(x, (recoveryId & 1) != 0, out bigR);
    }

    /// <summary>Q = r⁻¹·(s·R - z·G), given r⁻¹; infinity when the signature recovers to no key.</summary>
    internal static JacobianPoint FinishRecovery(ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> signature, in Scalar rInverse, in AffinePoint bigR)
    {
        Scalar z = Scalar.Read(messageHash, out _);
        Scalar s = Scalar.Read(signature.Slice(32, 32), out _);
        Scalar u1 = Scalar.Negate(Scalar.Multiply(z, rInverse));
        Scalar u2 = Scalar.Multiply(s, rInverse);
        return PointMultiplication.MultiplyAndAdd(u1, u2, bigR);
    }

    /// <summary>True when s ≤ n/2.</summary>
    /// <exception cref="ArgumentException">The signature is not 64 bytes.</exception>
    public static bool IsLowS(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize) throw new ArgumentException("Signature must be 64 bytes.", nameof(signature));
        return !Scalar.Read(signature.Slice(32, 32), out _).IsHigh;
    }

    /// <summary>The group order n as a field element (n &lt; p).</summary>
    private static FieldElement OrderAsField => new(0xBFD25E8CD0364141UL, 0xBAAEDCE6AF48A03BUL, 0xFFFFFFFFFFFFFFFEUL, 0xFFFFFFFFFFFFFFFFUL);

    /// <summary>True when r + n would reach p, i.e. r ≥ p - n.</summary>
    private static bool Overflows(in FieldElement r)
    {
        // p - n = 0x14551231950B75FC4402DA1722FC9BAEE (129 bits).
        const ulong D0 = 0x402DA1722FC9BAEEUL, D1 = 0x4551231950B75FC4UL, D2 = 1;
        if (r.L3 != 0) return true;
        if (r.L2 != D2) return r.L2 > D2;
        if (r.L1 != D1) return r.L1 > D1;
        return r.L0 >= D0;
    }
}
