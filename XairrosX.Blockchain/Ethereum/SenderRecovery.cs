using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Ethereum;

/// <summary>
/// ECDSA public-key recovery on secp256k1, supplied by the crypto library (or a test double).
/// Kept behind an interface so the ledger does not care which implementation runs.
/// </summary>
public interface IEcdsaRecovery
{
    /// <summary>
    /// Recovers the 64-byte uncompressed public key (x || y, no 0x04 prefix) that signed
    /// <paramref name="messageHash"/>; false if no key exists for this signature.
    /// </summary>
    bool TryRecover(ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> r32, ReadOnlySpan<byte> s32, int recoveryId, Span<byte> publicKey64);
}

/// <summary>An <see cref="IEcdsaRecovery"/> that can also recover many keys in one call, sharing work between them.</summary>
public interface IBatchEcdsaRecovery : IEcdsaRecovery
{
    /// <summary>
    /// Recovers item i from <paramref name="messageHashes"/>[32i..], <paramref name="signatures"/>[64i..] (r ‖ s) and
    /// <paramref name="recoveryIds"/>[i] into <paramref name="publicKeys"/>[64i..] (x ‖ y); <paramref name="recovered"/>[i]
    /// says whether it succeeded, exactly as <see cref="IEcdsaRecovery.TryRecover"/> would.
    /// </summary>
    void RecoverBatch(ReadOnlySpan<byte> messageHashes, ReadOnlySpan<byte> signatures, ReadOnlySpan<int> recoveryIds, Span<byte> publicKeys, Span<bool> recovered);
}

/// <summary>Signature checks and sender address derivation for Ethereum transactions.</summary>
public static class SenderRecovery
{
    /// <summary>The secp256k1 group order n.</summary>
    public static readonly UInt256 CurveOrder = UInt256.Parse("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");

    /// <summary>n / 2: since Homestead (EIP-2) s must not exceed it, so signatures are not malleable.</summary>
    public static readonly UInt256 HalfCurveOrder = UInt256.Parse("0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0");

    /// <summary>Address of a 64-byte public key: the last 20 bytes of its Keccak-256.</summary>
    public static Address AddressOf(ReadOnlySpan<byte> publicKey64)
    {
        Span<byte> h = stackalloc byte[32];
        Keccak256.Hash(publicKey64, h);
        return new Address(h.Slice(12));
    }

    /// <summary>
    /// Recovers the sender of a signed transaction; false with a reason if the signature is invalid.
    /// <paramref name="allowHighS"/> applies the pre-Homestead (Frontier) rule, for historic data only.
    /// </summary>
    public static bool TryRecoverSender(EthTransaction tx, IEcdsaRecovery ecdsa, out Address sender, out string? error, bool allowHighS = false)
    {
        sender = default;
        if (tx.R.IsZero || tx.R >= CurveOrder) return Fail("signature r out of range", out error);
        if (tx.S.IsZero || tx.S >= CurveOrder || (!allowHighS && tx.S > HalfCurveOrder)) return Fail("signature s out of range (high s)", out error);
        if (tx.CachedSender is Address known)
        {
            sender = known;
            error = null;
            return true;
        }
        Span<byte> hash = stackalloc byte[32];
        Span<byte> r = stackalloc byte[32];
        Span<byte> s = stackalloc byte[32];
        Span<byte> pub = stackalloc byte[64];
        EthTransactionCodec.SigningHash(tx).CopyTo(hash);
        tx.R.WriteBigEndian(r);
        tx.S.WriteBigEndian(s);
        if (!ecdsa.TryRecover(hash, r, s, tx.RecoveryId, pub)) return Fail("signature does not recover to a public key", out error);
        sender = AddressOf(pub);
        tx.CachedSender = sender;
        error = null;
        return true;
    }

    /// <summary>
    /// Recovers, in one batch, the senders of every transaction whose sender is not known yet and whose r and s are
    /// in range (low s), and caches them on the transactions. Signatures that fail are left uncached, so the
    /// per-transaction check (<see cref="TryRecoverSender"/>) still reports them with its reason.
    /// </summary>
    /// <remarks>Blocks of at least twice <see cref="MinimumParallelSlice"/> transactions are recovered on several cores.</remarks>
    public static void RecoverSenders(IReadOnlyList<EthTransaction> transactions, IBatchEcdsaRecovery ecdsa)
    {
        List<EthTransaction> pending = new(transactions.Count);
        foreach (EthTransaction tx in transactions)
        {
            if (tx.CachedSender != null || tx.R.IsZero || tx.R >= CurveOrder || tx.S.IsZero || tx.S > HalfCurveOrder) continue;
            pending.Add(tx);
        }
        if (pending.Count == 0) return;
        byte[] hashes = new byte[32 * pending.Count];
        byte[] signatures = new byte[64 * pending.Count];
        int[] recoveryIds = new int[pending.Count];
        for (int i = 0; i < pending.Count; i++)
        {
            EthTransaction tx = pending[i];
            EthTransactionCodec.SigningHash(tx).CopyTo(hashes.AsSpan(32 * i, 32));
            tx.R.WriteBigEndian(signatures.AsSpan(64 * i, 32));
            tx.S.WriteBigEndian(signatures.AsSpan(64 * i + 32, 32));
            recoveryIds[i] = tx.RecoveryId;
        }
        byte[] publicKeys = new byte[64 * pending.Count];
        bool[] recovered = new bool[pending.Count];
        // Large blocks are split over the cores (each slice is its own batch); one CPU, or a small block, is one batch.
        int slices = Math.Min(Environment.ProcessorCount, pending.Count / MinimumParallelSlice);
        if (slices <= 1) ecdsa.RecoverBatch(hashes, signatures, recoveryIds, publicKeys, recovered);
        else
        {
            int per = (pending.Count + slices - 1) / slices;
            System.Threading.Tasks.Parallel.For(0, slices, k =>
            {
                int start = k * per, count = Math.Min(per, pending.Count - start);
                if (count <= 0) return;
                ecdsa.RecoverBatch(hashes.AsSpan(32 * start, 32 * count), signatures.AsSpan(64 * start, 64 * count),
                    recoveryIds.AsSpan(start, count), publicKeys.AsSpan(64 * start, 64 * count), recovered.AsSpan(start, count));
            });
        }
        for (int i = 0; i < pending.Count; i++)
        {
            if (recovered[i]) pending[i].CachedSender = AddressOf(publicKeys.AsSpan(64 * i, 64));
        }
    }

    /// <summary>Fewest signatures worth a core of their own.</summary>
    public const int MinimumParallelSlice = 64;

    private static bool Fail(string reason, out string? error)
    {
        error = reason;
        return false;
    }
}
