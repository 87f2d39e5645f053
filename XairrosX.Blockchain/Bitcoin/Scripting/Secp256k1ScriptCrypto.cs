using System;
using XairrosX.Blockchain.Crypto;

namespace XairrosX.Blockchain.Bitcoin.Scripting;

/// <summary>
/// The production <see cref="IScriptCrypto"/>: the crypto library's ECDSA and SHA-1 (OP_SHA1).
/// </summary>
public sealed class Secp256k1ScriptCrypto : IScriptCrypto
{
    /// <summary>SHA-1 implementation: (input, 20-byte destination).</summary>
    public delegate void Sha1Function(ReadOnlySpan<byte> data, Span<byte> destination20);

    private readonly Sha1Function? _sha1;

    /// <summary>Creates the adapter; <paramref name="sha1"/> replaces the library's SHA-1 (null keeps it).</summary>
    public Secp256k1ScriptCrypto(Sha1Function? sha1 = null) => _sha1 = sha1 ?? Sha1.Hash;

    /// <inheritdoc/>
    public bool VerifyEcdsa(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> r32, ReadOnlySpan<byte> s32, ReadOnlySpan<byte> publicKey)
    {
        if (!TryParseConsensusKey(publicKey, out Secp256k1PublicKey key)) return false;
        Span<byte> sig = stackalloc byte[64];
        r32.CopyTo(sig);
        s32.CopyTo(sig.Slice(32));
        return Secp256k1Ecdsa.Verify(key, hash32, sig);
    }

    /// <summary>
    /// Parses keys as consensus does (libsecp256k1): compressed, uncompressed, and hybrid 06/07
    /// keys whose prefix parity matches y. Hybrid keys are only reachable without STRICTENC.
    /// </summary>
    public static bool TryParseConsensusKey(ReadOnlySpan<byte> publicKey, out Secp256k1PublicKey key)
    {
        key = default;
        if (publicKey.Length == Secp256k1PublicKey.UncompressedSize && (publicKey[0] == 6 || publicKey[0] == 7))
        {
            Span<byte> plain = stackalloc byte[Secp256k1PublicKey.UncompressedSize];
            publicKey.CopyTo(plain);
            plain[0] = 4;
            if (!Secp256k1PublicKey.TryParse(plain, out key)) return false;
            return key.HasOddY == (publicKey[0] == 7);
        }
        return Secp256k1PublicKey.TryParse(publicKey, out key);
    }

    /// <inheritdoc/>
    public bool TrySha1(ReadOnlySpan<byte> data, Span<byte> destination20)
    {
        if (_sha1 == null) return false;
        _sha1(data, destination20);
        return true;
    }
}
