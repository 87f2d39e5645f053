using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Crypto;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// hash, secp256k1, schnorr, merkle: the crypto library at the shell. Hex in and out is lowercase (input may
/// be either case), with no prefix. Conventions decided here:
/// <list type="bullet">
/// <item><c>hash &lt;alg&gt; ''</c> (an empty word) and <c>hash &lt;alg&gt;</c> (no word) both hash the empty message.</item>
/// <item>blake2b and blake2s give their full-length unkeyed digests (64 and 32 bytes).</item>
/// <item>merkle leaves are 32-byte hashes in internal byte order (as txids are stored, not reversed for display);
/// the root is printed in the same order; one leaf is its own root.</item>
/// <item>secp256k1 verify takes a 33- or 65-byte public key; a key that is not a curve point, like a secret key
/// outside [1, n-1], is an error, while a well-formed signature that does not verify (including high S) is "invalid".</item>
/// </list>
/// </summary>
internal static class CryptoCommands
{
    public static IEnumerable<ShellCommand> All() =>
    [
        new("hash", "<sha256|sha512|sha3-256|sha3-512|keccak256|blake2b|blake2s|ripemd160> [hex]", "digest of the bytes", Hash),
        new("secp256k1", "pub <sk> | sign <sk> <hash32> | verify <pub> <hash32> <sig64>", "ECDSA (RFC 6979, low-S)", Secp256k1Command),
        new("schnorr", "sign <sk> <msg32> <aux32> | verify <xpub> <msg32> <sig64>", "BIP-340 signatures", Schnorr),
        new("merkle", "<leaf32> [leaf32…]", "Bitcoin-style Merkle root of 32-byte leaves", Merkle),
    ];

    /// <summary>Names <c>hash</c> accepts, in the order help lists them.</summary>
    public static readonly string[] HashAlgorithms = ["sha256", "sha512", "sha3-256", "sha3-512", "keccak256", "blake2b", "blake2s", "ripemd160"];

    /// <summary>Digest of <paramref name="data"/> under a <c>hash</c> algorithm name; null for an unknown name.</summary>
    public static byte[] Digest(string algorithm, ReadOnlySpan<byte> data) => algorithm switch
    {
        "sha256" => Sha256.Hash(data),
        "sha512" => Sha512.Hash(data),
        "sha3-256" => Sha3_256.Hash(data),
        "sha3-512" => Sha3_512.Hash(data),
        "keccak256" => Keccak256.Hash(data),
        "blake2b" => Blake2b.Hash(data),
        "blake2s" => Blake2s.Hash(data),
        "ripemd160" => Ripemd160.Hash(data),
        _ => null,
    };

    private static int Hash(ShellContext c, IReadOnlyList<string> args)
    {
        if (args.Count < 1 || args.Count > 2) return c.Error("usage: hash <algorithm> [hex]");
        byte[] data = [];
        if (args.Count == 2 && !TryHex(c, args[1], "message", -1, out data)) return 1;
        byte[] digest = Digest(args[0], data);
        if (digest == null) return c.Error($"unknown hash algorithm '{Clip(args[0])}' (one of {string.Join(", ", HashAlgorithms)})");
        c.Out.WriteLine(HexCodec.ToHex(digest));
        return 0;
    }

    private static int Secp256k1Command(ShellContext c, IReadOnlyList<string> args)
    {
        string sub = args.Count > 0 ? args[0] : "";
        switch (sub)
        {
            case "pub":
            {
                if (args.Count != 2) return c.Error("usage: secp256k1 pub <seckey>");
                if (!TrySecretKey(c, args[1], out byte[] secret)) return 1;
                Span<byte> pub = stackalloc byte[33];
                Secp256k1.TryGetPublicKey(secret, pub);
                c.Out.WriteLine(HexCodec.ToHex(pub));
                return 0;
            }
            case "sign":
            {
                if (args.Count != 3) return c.Error("usage: secp256k1 sign <seckey> <msghash32>");
                if (!TrySecretKey(c, args[1], out byte[] secret) || !TryHex(c, args[2], "message hash", 32, out byte[] hash)) return 1;
                Span<byte> signature = stackalloc byte[64];
                if (!Secp256k1Ecdsa.TrySign(secret, hash, signature, out _)) return c.Error("signing failed");
                c.Out.WriteLine(HexCodec.ToHex(signature));
                return 0;
            }
            case "verify":
            {
                if (args.Count != 4) return c.Error("usage: secp256k1 verify <pubkey> <msghash32> <sig64>");
                if (!TryHex(c, args[1], "public key", -1, out byte[] pubBytes)) return 1;
                if (pubBytes.Length != 33 && pubBytes.Length != 65) return c.Error($"public key must be 33 or 65 bytes, got {pubBytes.Length}");
                if (!Secp256k1PublicKey.TryParse(pubBytes, out Secp256k1PublicKey pub)) return c.Error("invalid public key (not a point on secp256k1)");
                if (!TryHex(c, args[2], "message hash", 32, out byte[] hash) || !TryHex(c, args[3], "signature", 64, out byte[] signature)) return 1;
                c.Out.WriteLine(Secp256k1Ecdsa.Verify(pub, hash, signature) ? "valid" : "invalid");
                return 0;
            }
            default:
                return c.Error("usage: secp256k1 pub|sign|verify …");
        }
    }

    private static int Schnorr(ShellContext c, IReadOnlyList<string> args)
    {
        string sub = args.Count > 0 ? args[0] : "";
        if (sub == "sign")
        {
            if (args.Count != 4) return c.Error("usage: schnorr sign <seckey> <msg32> <aux32>");
            if (!TrySecretKey(c, args[1], out byte[] secret) || !TryHex(c, args[2], "message", 32, out byte[] message)
                || !TryHex(c, args[3], "aux randomness", 32, out byte[] aux)) return 1;
            Span<byte> signature = stackalloc byte[64];
            if (!Bip340Schnorr.TrySign(secret, message, aux, signature)) return c.Error("signing failed");
            c.Out.WriteLine(HexCodec.ToHex(signature));
            return 0;
        }
        if (sub == "verify")
        {
            if (args.Count != 4) return c.Error("usage: schnorr verify <xonlypub> <msg32> <sig64>");
            if (!TryHex(c, args[1], "x-only public key", 32, out byte[] pub) || !TryHex(c, args[2], "message", 32, out byte[] message)
                || !TryHex(c, args[3], "signature", 64, out byte[] signature)) return 1;
            if (!Secp256k1PublicKey.TryParseXOnly(pub, out _)) return c.Error("invalid public key (x is not on secp256k1)");
            c.Out.WriteLine(Bip340Schnorr.Verify(pub, message, signature) ? "valid" : "invalid");
            return 0;
        }
        return c.Error("usage: schnorr sign|verify …");
    }

    private static int Merkle(ShellContext c, IReadOnlyList<string> args)
    {
        if (args.Count == 0) return c.Error("usage: merkle <leaf32> [leaf32…]");
        byte[] leaves = new byte[32 * args.Count];
        for (int i = 0; i < args.Count; i++)
        {
            if (!TryHex(c, args[i], $"leaf {i + 1}", 32, out byte[] leaf)) return 1;
            leaf.CopyTo(leaves, 32 * i);
        }
        Span<byte> root = stackalloc byte[32];
        BitcoinMerkle.TryComputeRoot(leaves, root);
        c.Out.WriteLine(HexCodec.ToHex(root));
        return 0;
    }

    /// <summary>Parses strict hex; <paramref name="length"/> ≥ 0 demands exactly that many bytes. Prints the error.</summary>
    internal static bool TryHex(ShellContext c, string text, string what, int length, out byte[] bytes)
    {
        if (!HexCodec.TryParse(text, out bytes))
        {
            c.Error($"{what} is not hex ({(text.Length % 2 != 0 ? "odd number of digits" : "non-hex character")})");
            return false;
        }
        if (length >= 0 && bytes.Length != length)
        {
            c.Error($"{what} must be {length} bytes, got {bytes.Length}");
            return false;
        }
        return true;
    }

    private static bool TrySecretKey(ShellContext c, string text, out byte[] secret)
    {
        if (!TryHex(c, text, "secret key", 32, out secret)) return false;
        if (Secp256k1.IsValidSecretKey(secret)) return true;
        c.Error("invalid secret key (must be in [1, n-1])");
        return false;
    }

    internal static string Clip(string s) => s.Length <= 40 ? s : s.Substring(0, 40) + "…";
}
