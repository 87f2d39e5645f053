using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>X.509 SubjectPublicKeyInfo decoding for secp256k1 keys.</summary>
public readonly partial struct Secp256k1PublicKey
{
    // SEQUENCE { OID 1.2.840.10045.2.1 (id-ecPublicKey), OID 1.3.132.0.10 (secp256k1) }
    private static ReadOnlySpan<byte> AlgorithmIdentifier =>
    [
        0x30, 0x10, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01, 0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x0A,
    ];

    /// <summary>
    /// Parses DER SubjectPublicKeyInfo with the named curve secp256k1 and a SEC1 point in the BIT STRING.
    /// Explicit curve parameters, other curves, BER forms, trailing bytes and invalid points are rejected.
    /// </summary>
    public static bool TryParseSubjectPublicKeyInfo(ReadOnlySpan<byte> der, out Secp256k1PublicKey key)
    {
        key = default;
        // Every acceptable encoding is shorter than 128 bytes, so all lengths are single short-form bytes.
        if (der.Length < 2 || der[0] != 0x30 || der[1] >= 0x80 || der[1] != der.Length - 2) return false;
        ReadOnlySpan<byte> body = der.Slice(2);
        if (!body.StartsWith(AlgorithmIdentifier)) return false;
        body = body.Slice(AlgorithmIdentifier.Length);
        if (body.Length < 3 || body[0] != 0x03 || body[1] >= 0x80 || body[1] != body.Length - 2 || body[2] != 0x00) return false;
        return TryParse(body.Slice(3), out key);
    }
}
