using System;
using System.Numerics;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

/// <summary>
/// 1000 random keys and messages per secp256k1 operation, answered by @noble/secp256k1 (npm, pure JS, independent
/// of libsecp256k1 and its ports) in one node process. Verify and recover inputs are our own signatures, half of
/// them corrupted (bit flips, high-S twins, out-of-range scalars, wrong hash, key or recovery id).
/// </summary>
public abstract class NobleSecp256k1Fixture
{
    public const int Cases = 1000;

    public sealed class Case
    {
        public byte[] Secret = Array.Empty<byte>(), Hash = Array.Empty<byte>(), Aux = Array.Empty<byte>(), Peer = Array.Empty<byte>();
        public byte[] VerifySignature = Array.Empty<byte>(), VerifyHash = Array.Empty<byte>(), VerifyKey = Array.Empty<byte>();
        public byte[] RecoverSignature = Array.Empty<byte>();
        public int RecoverId;
        public byte[] SchnorrSignature = Array.Empty<byte>(), SchnorrMessage = Array.Empty<byte>(), SchnorrKey = Array.Empty<byte>();
        public string Pub = "", Sign = "", Verify = "", Recover = "", SchnorrPub = "", SchnorrSign = "", SchnorrVerify = "", Ecdh = "";
    }

    private static readonly Lazy<Case[]> Shared = new(() =>
    {
        var random = new Random(5_0002);
        var all = new Case[Cases];
        for (int i = 0; i < Cases; i++) all[i] = Build(random);
        return all;
    });

    public Case[] All => Shared.Value;

    /// <summary>
    /// Sends the ECDSA and ECDH operations (<paramref name="schnorr"/> false) or the BIP-340 ones to node: two families,
    /// two processes, which xunit runs side by side because they belong to two test classes.
    /// </summary>
    protected NobleSecp256k1Fixture(bool schnorr)
    {
        var batch = new ReferenceBatch();
        foreach (Case c in All)
        {
            if (schnorr)
            {
                batch.Add("schnorr-pub", ("sk", c.Secret));
                batch.Add("schnorr-sign", ("sk", c.Secret), ("m", c.Hash), ("aux", c.Aux));
                batch.Add("schnorr-verify", ("sig", c.SchnorrSignature), ("m", c.SchnorrMessage), ("pk", c.SchnorrKey));
                continue;
            }
            batch.Add("pub", ("sk", c.Secret));
            batch.Add("sign", ("sk", c.Secret), ("h", c.Hash));
            batch.Add("verify", ("sig", c.VerifySignature), ("h", c.VerifyHash), ("pk", c.VerifyKey));
            batch.Add("recover", ("sig", c.RecoverSignature), ("rec", c.RecoverId), ("h", c.Hash));
            batch.Add("ecdh", ("sk", c.Secret), ("pk", c.Peer));
        }
        string[] lines = batch.Run("noble-secp256k1.mjs");
        for (int i = 0; i < Cases; i++)
        {
            Case c = All[i];
            if (schnorr) (c.SchnorrPub, c.SchnorrSign, c.SchnorrVerify) = (lines[3 * i], lines[3 * i + 1], lines[3 * i + 2]);
            else (c.Pub, c.Sign, c.Verify, c.Recover, c.Ecdh) = (lines[5 * i], lines[5 * i + 1], lines[5 * i + 2], lines[5 * i + 3], lines[5 * i + 4]);
        }
    }

    private static readonly BigInteger Order = BigInteger.Parse("0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", System.Globalization.NumberStyles.HexNumber);

    internal static byte[] RandomSecret(Random random)
    {
        byte[] secret = KeccakTests.RandomBytes(random, 32);
        // Edge scalars now and then: tiny keys and n - 1.
        if (random.Next(50) == 0) { Array.Clear(secret); secret[31] = (byte)random.Next(1, 256); }
        if (random.Next(50) == 0) secret = Convert.FromHexString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140");
        return secret;
    }

    /// <summary>Replaces s by n - s: the high-S twin every low-S verifier must reject.</summary>
    internal static byte[] HighSTwin(byte[] signature)
    {
        BigInteger s = new(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        byte[] twin = (byte[])signature.Clone();
        Array.Clear(twin, 32, 32);
        (Order - s).TryWriteBytes(twin.AsSpan(32 + 32 - (Order - s).GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return twin;
    }

    internal static byte[] FlipBit(byte[] bytes, Random random)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private static Case Build(Random random)
    {
        var c = new Case
        {
            Secret = RandomSecret(random),
            Hash = KeccakTests.RandomBytes(random, 32),
            Aux = KeccakTests.RandomBytes(random, 32),
        };
        byte[] publicKey = new byte[33];
        Assert.True(Secp256k1.TryGetPublicKey(c.Secret, publicKey));
        byte[] peer = new byte[65];
        bool compressedPeer = random.Next(2) == 0;
        Assert.True(Secp256k1.TryGetPublicKey(RandomSecret(random), peer, compressedPeer));
        c.Peer = compressedPeer ? peer[..33] : peer;

        byte[] signature = new byte[64];
        Assert.True(Secp256k1Ecdsa.TrySign(c.Secret, c.Hash, signature, out int recoveryId));
        (c.VerifySignature, c.VerifyHash, c.VerifyKey) = (signature, c.Hash, publicKey);
        switch (random.Next(12))
        {
            case 0: c.VerifySignature = FlipBit(signature, random); break;
            case 1: c.VerifyHash = FlipBit(c.Hash, random); break;
            case 2: c.VerifySignature = HighSTwin(signature); break;
            case 3: c.VerifySignature = (byte[])signature.Clone(); c.VerifySignature.AsSpan(random.Next(2) * 32, 32).Fill(0xff); break;
            case 4: c.VerifySignature = (byte[])signature.Clone(); c.VerifySignature.AsSpan(random.Next(2) * 32, 32).Clear(); break;
            case 5: c.VerifyKey = new byte[33]; Assert.True(Secp256k1.TryGetPublicKey(RandomSecret(random), c.VerifyKey)); break;
        }
        (c.RecoverSignature, c.RecoverId) = (signature, recoveryId);
        switch (random.Next(8))
        {
            case 0: c.RecoverSignature = FlipBit(signature, random); break;
            case 1: c.RecoverId = random.Next(4); break;
            case 2: c.RecoverSignature = (byte[])signature.Clone(); c.RecoverSignature.AsSpan(0, 32).Fill(0xff); break;
        }

        byte[] xOnly = new byte[32];
        byte[] schnorr = new byte[64];
        Assert.True(Bip340Schnorr.TryGetPublicKey(c.Secret, xOnly));
        Assert.True(Bip340Schnorr.TrySign(c.Secret, c.Hash, c.Aux, schnorr));
        (c.SchnorrSignature, c.SchnorrMessage, c.SchnorrKey) = (schnorr, c.Hash, xOnly);
        switch (random.Next(10))
        {
            case 0: c.SchnorrSignature = FlipBit(schnorr, random); break;
            case 1: c.SchnorrMessage = FlipBit(c.Hash, random); break;
            case 2: c.SchnorrKey = FlipBit(xOnly, random); break;
            case 3: c.SchnorrSignature = (byte[])schnorr.Clone(); c.SchnorrSignature.AsSpan(random.Next(2) * 32, 32).Fill(0xff); break;
        }
        return c;
    }
}

public sealed class NobleEcdsaFixture : NobleSecp256k1Fixture
{
    public NobleEcdsaFixture() : base(schnorr: false) { }
}

public sealed class NobleSchnorrFixture : NobleSecp256k1Fixture
{
    public NobleSchnorrFixture() : base(schnorr: true) { }
}

public class NobleEcdsaDifferentialTests : IClassFixture<NobleEcdsaFixture>
{
    private readonly NobleEcdsaFixture _reference;

    public NobleEcdsaDifferentialTests(NobleEcdsaFixture reference) => _reference = reference;

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    [Fact]
    public void PublicKeysAgree()
    {
        byte[] key = new byte[33];
        foreach (NobleSecp256k1Fixture.Case c in _reference.All)
        {
            Assert.True(Secp256k1.TryGetPublicKey(c.Secret, key));
            Assert.Equal(c.Pub, Hex(key));
        }
    }

    [Fact]
    public void EcdsaSignaturesAndRecoveryIdsAgree()
    {
        byte[] signature = new byte[64];
        foreach (NobleSecp256k1Fixture.Case c in _reference.All)
        {
            Assert.True(Secp256k1Ecdsa.TrySign(c.Secret, c.Hash, signature, out int recoveryId));
            Assert.Equal(c.Sign, Hex(signature) + " " + recoveryId);
        }
    }

    [Fact]
    public void EcdsaVerdictsAgree()
    {
        int valid = 0;
        foreach (NobleSecp256k1Fixture.Case c in _reference.All)
        {
            bool ours = Secp256k1Ecdsa.Verify(c.VerifyKey, c.VerifyHash, c.VerifySignature);
            Assert.True((c.Verify == "1") == ours, $"noble {c.Verify}, ours {ours}: sig {Hex(c.VerifySignature)} hash {Hex(c.VerifyHash)} key {Hex(c.VerifyKey)}");
            if (ours) valid++;
        }
        // Both verdicts must be well represented, or the comparison says little.
        Assert.InRange(valid, 400, 700);
    }

    [Fact]
    public void RecoveredKeysAgree()
    {
        int recovered = 0;
        foreach (NobleSecp256k1Fixture.Case c in _reference.All)
        {
            string ours = Secp256k1Ecdsa.TryRecover(c.Hash, c.RecoverSignature, c.RecoverId, out Secp256k1PublicKey key) ? Hex(key.ToCompressed()) : "-";
            Assert.True(c.Recover == ours, $"noble {c.Recover}, ours {ours}: sig {Hex(c.RecoverSignature)} id {c.RecoverId} hash {Hex(c.Hash)}");
            if (ours == c.Pub) recovered++;
        }
        Assert.InRange(recovered, 600, 950);
    }

    [Fact]
    public void EcdhAgrees()
    {
        byte[] sharedX = new byte[32];
        byte[] secret = new byte[32];
        foreach (NobleSecp256k1Fixture.Case c in _reference.All)
        {
            Assert.True(Secp256k1PublicKey.TryParse(c.Peer, out Secp256k1PublicKey peer));
            Assert.True(Secp256k1Ecdh.TryComputeSharedX(c.Secret, peer, sharedX));
            Assert.Equal(c.Ecdh[2..], Hex(sharedX));
            // The hashed form is libsecp256k1's default: SHA-256 of the compressed shared point.
            Assert.True(Secp256k1Ecdh.TryComputeSharedSecret(c.Secret, peer, secret));
            Assert.Equal(Hex(System.Security.Cryptography.SHA256.HashData(Convert.FromHexString(c.Ecdh))), Hex(secret));
        }
    }
}

public class NobleSchnorrDifferentialTests : IClassFixture<NobleSchnorrFixture>
{
    private readonly NobleSchnorrFixture _reference;

    public NobleSchnorrDifferentialTests(NobleSchnorrFixture reference) => _reference = reference;

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    [Fact]
    public void SchnorrKeysAndSignaturesAgree()
    {
        byte[] xOnly = new byte[32];
        byte[] signature = new byte[64];
        foreach (NobleSecp256k1Fixture.Case c in _reference.All)
        {
            Assert.True(Bip340Schnorr.TryGetPublicKey(c.Secret, xOnly));
            Assert.Equal(c.SchnorrPub, Hex(xOnly));
            Assert.True(Bip340Schnorr.TrySign(c.Secret, c.Hash, c.Aux, signature));
            Assert.Equal(c.SchnorrSign, Hex(signature));
        }
    }

    [Fact]
    public void SchnorrVerdictsAgree()
    {
        int valid = 0;
        foreach (NobleSecp256k1Fixture.Case c in _reference.All)
        {
            bool ours = Bip340Schnorr.Verify(c.SchnorrKey, c.SchnorrMessage, c.SchnorrSignature);
            Assert.True((c.SchnorrVerify == "1") == ours, $"noble {c.SchnorrVerify}, ours {ours}: sig {Hex(c.SchnorrSignature)} msg {Hex(c.SchnorrMessage)} key {Hex(c.SchnorrKey)}");
            if (ours) valid++;
        }
        Assert.InRange(valid, 500, 800);
    }
}
