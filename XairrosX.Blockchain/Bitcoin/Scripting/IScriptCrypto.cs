using System;

namespace XairrosX.Blockchain.Bitcoin.Scripting;

/// <summary>
/// The primitives the interpreter needs beyond SHA-256 and RIPEMD-160: ECDSA verification on
/// secp256k1 and SHA-1 (OP_SHA1). Supplied by the crypto library; kept behind an interface so the
/// interpreter can be tested against reference implementations.
/// </summary>
public interface IScriptCrypto
{
    /// <summary>
    /// Verifies a low-s ECDSA signature (r, s as 32-byte big-endian) on a 32-byte hash against a
    /// serialized public key (33 or 65 bytes, including hybrid 06/07). False for any invalid input.
    /// </summary>
    bool VerifyEcdsa(ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> r32, ReadOnlySpan<byte> s32, ReadOnlySpan<byte> publicKey);

    /// <summary>SHA-1 of <paramref name="data"/> into 20 bytes; false if no SHA-1 is available.</summary>
    bool TrySha1(ReadOnlySpan<byte> data, Span<byte> destination20);
}
