#nullable enable
using System;
using System.Runtime.InteropServices;

namespace XairrosX.Tests.Blockchain.Crypto;

/// <summary>
/// Debian's native libsecp256k1 (package libsecp256k1-1, 0.2.0 on bookworm, built with the recovery, ecdh, extrakeys
/// and schnorrsig modules) called through P/Invoke: the C reference the speed target names, used only by tests
/// and benchmarks (this file is linked into XairrosX.Benchmarks). The opaque structs (pubkey 64 B, signature 64 B,
/// recoverable signature 65 B, keypair 96 B, x-only key 64 B) live in stack buffers; every call passes non-null pointers
/// and recovery ids in 0..3, because the library aborts the process on illegal arguments.
/// </summary>
internal static unsafe class LibSecp256k1
{
    public const string LibraryName = "libsecp256k1.so.1";

    // SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY (both are no-ops since 0.2.0 but stay accepted).
    private const uint ContextFlags = 0x0301;
    private const uint Compressed = 0x0102, Uncompressed = 0x0002;

    private static readonly Lazy<IntPtr> SharedContext = new(() => secp256k1_context_create(ContextFlags));

    /// <summary>True when the shared object can be loaded (apt-get install libsecp256k1-1; see tools/test-packages.txt).</summary>
    public static bool IsInstalled { get; } = NativeLibrary.TryLoad(LibraryName, out _);

    private static IntPtr Context => SharedContext.Value;

    public static bool TryGetPublicKey(ReadOnlySpan<byte> secretKey, Span<byte> destination, bool compressed = true)
    {
        if (secretKey.Length != 32) return false;
        byte* pubkey = stackalloc byte[64];
        fixed (byte* sk = secretKey)
        {
            if (secp256k1_ec_pubkey_create(Context, pubkey, sk) != 1) return false;
        }
        return Serialize(pubkey, destination, compressed);
    }

    /// <summary>ECDSA with the default nonce function (RFC 6979); libsecp256k1 always produces low-S.</summary>
    public static bool TrySign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> hash, Span<byte> signature)
    {
        byte* sig = stackalloc byte[64];
        fixed (byte* sk = secretKey) fixed (byte* msg = hash) fixed (byte* output = signature)
        {
            if (secretKey.Length != 32 || hash.Length != 32 || signature.Length != 64) return false;
            return secp256k1_ecdsa_sign(Context, sig, msg, sk, IntPtr.Zero, IntPtr.Zero) == 1
                && secp256k1_ecdsa_signature_serialize_compact(Context, output, sig) == 1;
        }
    }

    public static bool TrySignRecoverable(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> hash, Span<byte> signature, out int recoveryId)
    {
        recoveryId = -1;
        byte* sig = stackalloc byte[65];
        int id;
        fixed (byte* sk = secretKey) fixed (byte* msg = hash) fixed (byte* output = signature)
        {
            if (secretKey.Length != 32 || hash.Length != 32 || signature.Length != 64) return false;
            if (secp256k1_ecdsa_sign_recoverable(Context, sig, msg, sk, IntPtr.Zero, IntPtr.Zero) != 1
                || secp256k1_ecdsa_recoverable_signature_serialize_compact(Context, output, &id, sig) != 1) return false;
        }
        recoveryId = id;
        return true;
    }

    /// <summary>A parsed public key (the library's 64-byte internal form), so benchmarks time verification alone.</summary>
    public struct ParsedPublicKey
    {
        internal fixed byte Data[64];
    }

    public static bool TryParsePublicKey(ReadOnlySpan<byte> encoded, out ParsedPublicKey key)
    {
        key = default;
        fixed (byte* input = encoded) fixed (byte* data = key.Data)
            return encoded.Length is 33 or 65 && secp256k1_ec_pubkey_parse(Context, data, input, (nuint)encoded.Length) == 1;
    }

    /// <summary>Parses the compact r‖s (false when r or s ≥ n) and verifies; high-S signatures are rejected.</summary>
    public static bool Verify(in ParsedPublicKey key, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature)
    {
        if (hash.Length != 32 || signature.Length != 64) return false;
        byte* sig = stackalloc byte[64];
        fixed (byte* input = signature) fixed (byte* msg = hash) fixed (byte* pubkey = key.Data)
            return secp256k1_ecdsa_signature_parse_compact(Context, sig, input) == 1
                && secp256k1_ecdsa_verify(Context, sig, msg, pubkey) == 1;
    }

    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature) =>
        TryParsePublicKey(publicKey, out ParsedPublicKey key) && Verify(key, hash, signature);

    public static bool TryRecover(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, int recoveryId, Span<byte> compressedKey)
    {
        if (hash.Length != 32 || signature.Length != 64 || (uint)recoveryId > 3) return false;
        byte* sig = stackalloc byte[65];
        byte* pubkey = stackalloc byte[64];
        fixed (byte* input = signature) fixed (byte* msg = hash)
        {
            if (secp256k1_ecdsa_recoverable_signature_parse_compact(Context, sig, input, recoveryId) != 1
                || secp256k1_ecdsa_recover(Context, pubkey, sig, msg) != 1) return false;
        }
        return Serialize(pubkey, compressedKey, compressed: true);
    }

    public static bool TryGetXOnlyPublicKey(ReadOnlySpan<byte> secretKey, Span<byte> xOnly)
    {
        if (secretKey.Length != 32 || xOnly.Length != 32) return false;
        byte* keypair = stackalloc byte[96];
        byte* xonly = stackalloc byte[64];
        int parity;
        fixed (byte* sk = secretKey) fixed (byte* output = xOnly)
            return secp256k1_keypair_create(Context, keypair, sk) == 1
                && secp256k1_keypair_xonly_pub(Context, xonly, &parity, keypair) == 1
                && secp256k1_xonly_pubkey_serialize(Context, output, xonly) == 1;
    }

    public static bool TrySchnorrSign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> auxRandom, Span<byte> signature)
    {
        if (secretKey.Length != 32 || message.Length != 32 || auxRandom.Length != 32 || signature.Length != 64) return false;
        byte* keypair = stackalloc byte[96];
        fixed (byte* sk = secretKey) fixed (byte* msg = message) fixed (byte* aux = auxRandom) fixed (byte* output = signature)
            return secp256k1_keypair_create(Context, keypair, sk) == 1
                && secp256k1_schnorrsig_sign32(Context, output, msg, keypair, aux) == 1;
    }

    public static bool SchnorrVerify(ReadOnlySpan<byte> xOnlyPublicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (xOnlyPublicKey.Length != 32 || signature.Length != 64) return false;
        byte* xonly = stackalloc byte[64];
        fixed (byte* input = xOnlyPublicKey) fixed (byte* msg = message) fixed (byte* sig = signature)
            return secp256k1_xonly_pubkey_parse(Context, xonly, input) == 1
                && secp256k1_schnorrsig_verify(Context, sig, msg, (nuint)message.Length, xonly) == 1;
    }

    /// <summary>The default ECDH hash: SHA-256 of the compressed shared point.</summary>
    public static bool TryComputeSharedSecret(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> publicKey, Span<byte> sharedSecret)
    {
        if (secretKey.Length != 32 || sharedSecret.Length != 32 || !TryParsePublicKey(publicKey, out ParsedPublicKey key)) return false;
        fixed (byte* sk = secretKey) fixed (byte* output = sharedSecret)
            return secp256k1_ecdh(Context, output, key.Data, sk, IntPtr.Zero, IntPtr.Zero) == 1;
    }

    private static bool Serialize(byte* pubkey, Span<byte> destination, bool compressed)
    {
        nuint length = compressed ? 33u : 65u;
        if ((nuint)destination.Length < length) return false;
        fixed (byte* output = destination)
            return secp256k1_ec_pubkey_serialize(Context, output, &length, pubkey, compressed ? Compressed : Uncompressed) == 1;
    }

    [DllImport(LibraryName)] private static extern IntPtr secp256k1_context_create(uint flags);
    [DllImport(LibraryName)] private static extern int secp256k1_ec_pubkey_create(IntPtr ctx, byte* pubkey, byte* seckey);
    [DllImport(LibraryName)] private static extern int secp256k1_ec_pubkey_parse(IntPtr ctx, byte* pubkey, byte* input, nuint inputLength);
    [DllImport(LibraryName)] private static extern int secp256k1_ec_pubkey_serialize(IntPtr ctx, byte* output, nuint* outputLength, byte* pubkey, uint flags);
    [DllImport(LibraryName)] private static extern int secp256k1_ecdsa_sign(IntPtr ctx, byte* signature, byte* msghash32, byte* seckey, IntPtr noncefp, IntPtr ndata);
    [DllImport(LibraryName)] private static extern int secp256k1_ecdsa_verify(IntPtr ctx, byte* signature, byte* msghash32, byte* pubkey);
    [DllImport(LibraryName)] private static extern int secp256k1_ecdsa_signature_parse_compact(IntPtr ctx, byte* signature, byte* input64);
    [DllImport(LibraryName)] private static extern int secp256k1_ecdsa_signature_serialize_compact(IntPtr ctx, byte* output64, byte* signature);
    [DllImport(LibraryName)] private static extern int secp256k1_ecdsa_sign_recoverable(IntPtr ctx, byte* signature, byte* msghash32, byte* seckey, IntPtr noncefp, IntPtr ndata);
    [DllImport(LibraryName)] private static extern int secp256k1_ecdsa_recoverable_signature_serialize_compact(IntPtr ctx, byte* output64, int* recid, byte* signature);
    [DllImport(LibraryName)] private static extern int secp256k1_ecdsa_recoverable_signature_parse_compact(IntPtr ctx, byte* signature, byte* input64, int recid);
    [DllImport(LibraryName)] private static extern int secp256k1_ecdsa_recover(IntPtr ctx, byte* pubkey, byte* signature, byte* msghash32);
    [DllImport(LibraryName)] private static extern int secp256k1_keypair_create(IntPtr ctx, byte* keypair, byte* seckey);
    [DllImport(LibraryName)] private static extern int secp256k1_keypair_xonly_pub(IntPtr ctx, byte* pubkey, int* parity, byte* keypair);
    [DllImport(LibraryName)] private static extern int secp256k1_xonly_pubkey_parse(IntPtr ctx, byte* pubkey, byte* input32);
    [DllImport(LibraryName)] private static extern int secp256k1_xonly_pubkey_serialize(IntPtr ctx, byte* output32, byte* pubkey);
    [DllImport(LibraryName)] private static extern int secp256k1_schnorrsig_sign32(IntPtr ctx, byte* sig64, byte* msg32, byte* keypair, byte* auxRand32);
    [DllImport(LibraryName)] private static extern int secp256k1_schnorrsig_verify(IntPtr ctx, byte* sig64, byte* msg, nuint msgLength, byte* pubkey);
    [DllImport(LibraryName)] private static extern int secp256k1_ecdh(IntPtr ctx, byte* output, byte* pubkey, byte* seckey, IntPtr hashfp, IntPtr data);
}
