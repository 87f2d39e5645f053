using System;
using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Bitcoin.Scripting;

/// <summary>Signature and lock-time checks of one input of a transaction (Core's GenericTransactionSignatureChecker).</summary>
public sealed class TransactionSignatureChecker
{
    private const uint SequenceDisableFlag = 1u << 31;
    private const uint SequenceTypeFlag = 1u << 22;
    private const uint SequenceMask = 0x0000ffff;
    private const uint LockTimeThreshold = 500_000_000;

    private readonly BtcTransaction _tx;
    private readonly int _input;
    private readonly long _amount;
    private readonly IScriptCrypto _crypto;
    private PrecomputedSigHashData? _precomputed;

    /// <summary>
    /// Checks input <paramref name="inputIndex"/> of <paramref name="tx"/>, which spends <paramref name="amount"/> satoshis.
    /// Share one <paramref name="precomputed"/> among a transaction's inputs; it is built on first use otherwise.
    /// </summary>
    public TransactionSignatureChecker(BtcTransaction tx, int inputIndex, long amount, IScriptCrypto crypto, PrecomputedSigHashData? precomputed = null)
    {
        _tx = tx;
        _input = inputIndex;
        _amount = amount;
        _crypto = crypto;
        _precomputed = precomputed;
    }

    /// <summary>The crypto primitives in use.</summary>
    public IScriptCrypto Crypto => _crypto;

    /// <summary>Verifies a DER signature with trailing hash type against <paramref name="pubKey"/>.</summary>
    public bool CheckEcdsaSignature(ReadOnlySpan<byte> sigWithHashType, ReadOnlySpan<byte> pubKey, ReadOnlySpan<byte> scriptCode, bool witnessV0)
    {
        if (!IsParsablePubKey(pubKey) || sigWithHashType.IsEmpty) return false;
        int hashType = sigWithHashType[^1];
        Span<byte> r = stackalloc byte[32];
        Span<byte> s = stackalloc byte[32];
        if (!SignatureEncoding.TryParseLaxDer(sigWithHashType.Slice(0, sigWithHashType.Length - 1), r, s)) return false;
        SignatureEncoding.NormalizeS(s);
        Hash32 hash = witnessV0
            ? SigHash.WitnessV0(_tx, _input, scriptCode, _amount, hashType, _precomputed ??= new PrecomputedSigHashData(_tx))
            : SigHash.Legacy(_tx, _input, scriptCode, hashType);
        Span<byte> h = stackalloc byte[32];
        hash.CopyTo(h);
        return _crypto.VerifyEcdsa(h, r, s, pubKey);
    }

    private static bool IsParsablePubKey(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty) return false;
        int expected = key[0] is 2 or 3 ? 33 : key[0] is 4 or 6 or 7 ? 65 : 0;
        return expected != 0 && key.Length == expected;
    }

    /// <summary>BIP-65: the transaction's lock time satisfies <paramref name="lockTime"/>.</summary>
    public bool CheckLockTime(long lockTime)
    {
        long txLock = _tx.LockTime;
        if (!((txLock < LockTimeThreshold && lockTime < LockTimeThreshold) || (txLock >= LockTimeThreshold && lockTime >= LockTimeThreshold)))
            return false;
        if (lockTime > txLock) return false;
        return _tx.Inputs[_input].Sequence != uint.MaxValue;
    }

    /// <summary>BIP-112: the input's sequence satisfies the relative lock <paramref name="sequence"/>.</summary>
    public bool CheckSequence(long sequence)
    {
        uint txSequence = _tx.Inputs[_input].Sequence;
        if ((uint)_tx.Version < 2) return false;
        if ((txSequence & SequenceDisableFlag) != 0) return false;
        uint mask = SequenceTypeFlag | SequenceMask;
        long txMasked = txSequence & mask;
        long masked = sequence & mask;
        if (!((txMasked < SequenceTypeFlag && masked < SequenceTypeFlag) || (txMasked >= SequenceTypeFlag && masked >= SequenceTypeFlag)))
            return false;
        return masked <= txMasked;
    }
}
