using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// Public-key recovery for many signatures at once (a block's senders). Each signature needs 1/r mod n and, at
/// the end, 1/Z of its result point; Montgomery's trick shares one inversion of each kind among a whole chunk
/// (three multiplications per item instead of an inversion each). Results are identical to
/// <see cref="Secp256k1Ecdsa.TryRecover"/> item by item.
/// </summary>
public static class Secp256k1BatchRecovery
{
    /// <summary>Signatures handled together: the scratch for one chunk lives on the stack (about 8 KiB), and 16 already makes the shared inversions cheap.</summary>
    private const int ChunkSize = 16;

    /// <summary>
    /// Recovers the 64-byte uncompressed public key (x ‖ y, no 0x04 prefix) of each signature.
    /// Item i reads <paramref name="messageHashes"/>[32i..], <paramref name="signatures"/>[64i..] (r ‖ s) and
    /// <paramref name="recoveryIds"/>[i]; it writes <paramref name="publicKeys"/>[64i..] and sets
    /// <paramref name="recovered"/>[i] to whether a key exists (as <see cref="Secp256k1Ecdsa.TryRecover"/> would answer).
    /// </summary>
    /// <exception cref="ArgumentException">A span is shorter than the number of items needs.</exception>
    public static void Recover(ReadOnlySpan<byte> messageHashes, ReadOnlySpan<byte> signatures, ReadOnlySpan<int> recoveryIds,
        Span<byte> publicKeys, Span<bool> recovered)
    {
        int count = recoveryIds.Length;
        if (messageHashes.Length < 32 * count || signatures.Length < 64 * count || publicKeys.Length < 64 * count || recovered.Length < count)
            throw new ArgumentException("Every span must hold one entry per recovery id.");
        for (int start = 0; start < count; start += ChunkSize)
        {
            int length = Math.Min(ChunkSize, count - start);
            RecoverChunk(messageHashes.Slice(32 * start, 32 * length), signatures.Slice(64 * start, 64 * length),
                recoveryIds.Slice(start, length), publicKeys.Slice(64 * start, 64 * length), recovered.Slice(start, length));
        }
    }

    private static void RecoverChunk(ReadOnlySpan<byte> hashes, ReadOnlySpan<byte> signatures, ReadOnlySpan<int> recoveryIds,
        Span<byte> publicKeys, Span<bool> recovered)
    {
        int count = recoveryIds.Length;
        Span<Scalar> r = stackalloc Scalar[count];
        Span<AffinePoint> bigR = stackalloc AffinePoint[count];
        for (int i = 0; i < count; i++)
        {
            recovered[i] = Secp256k1Ecdsa.TryPrepareRecovery(hashes.Slice(32 * i, 32), signatures.Slice(64 * i, 64), recoveryIds[i], out r[i], out bigR[i]);
            if (!recovered[i]) r[i] = Scalar.One;
        }
        InvertAll(r);
        Span<JacobianPoint> points = stackalloc JacobianPoint[count];
        int valid = 0;
        Span<int> owner = stackalloc int[count];
        for (int i = 0; i < count; i++)
        {
            if (!recovered[i]) continue;
            JacobianPoint q = Secp256k1Ecdsa.FinishRecovery(hashes.Slice(32 * i, 32), signatures.Slice(64 * i, 64), r[i], bigR[i]);
            if (q.IsInfinity)
            {
                recovered[i] = false;
                continue;
            }
            points[valid] = q;
            owner[valid++] = i;
        }
        Span<AffinePoint> affine = stackalloc AffinePoint[valid];
        JacobianPoint.ToAffineBatch(points.Slice(0, valid), affine);
        for (int j = 0; j < valid; j++)
        {
            Span<byte> key = publicKeys.Slice(64 * owner[j], 64);
            affine[j].X.Write(key.Slice(0, 32));
            affine[j].Y.Write(key.Slice(32, 32));
        }
    }

    /// <summary>Replaces every (non-zero) scalar by its inverse with one variable-time inversion (Montgomery's trick).</summary>
    private static void InvertAll(Span<Scalar> values)
    {
        Span<Scalar> prefix = stackalloc Scalar[values.Length];
        Scalar running = Scalar.One;
        for (int i = 0; i < values.Length; i++)
        {
            prefix[i] = running;
            running = Scalar.Multiply(running, values[i]);
        }
        Scalar inverse = ScalarInverse.InvertVariableTime(running);
        for (int i = values.Length - 1; i >= 0; i--)
        {
            Scalar value = values[i];
            values[i] = Scalar.Multiply(inverse, prefix[i]);
            inverse = Scalar.Multiply(inverse, value);
        }
    }
}
