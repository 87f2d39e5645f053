using System;
using NBitcoin.Secp256k1;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

/// <summary>Compares with NBitcoin.Secp256k1 (a port of libsecp256k1), used only as a reference.</summary>
public class Secp256k1DifferentialTests
{
    private const int Cases = 1000;

    private static byte[] RandomSecret(Random random)
    {
        byte[] secret = KeccakTests.RandomBytes(random, 32);
        // Sprinkle in edge scalars: tiny keys and keys near n.
        if (random.Next(50) == 0) { Array.Clear(secret); secret[31] = (byte)random.Next(1, 256); }
        if (random.Next(50) == 0) secret = HexCodec.Parse("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140");
        return secret;
    }

    [Fact]
    public void PublicKeysMatch()
    {
        var random = new Random(41);
        byte[] ours = new byte[65];
        byte[] theirs = new byte[65];
        for (int i = 0; i < Cases; i++)
        {
            byte[] secret = RandomSecret(random);
            bool compressed = (i & 1) == 0;
            Assert.True(Secp256k1.TryGetPublicKey(secret, ours, compressed));
            ECPrivKey.Create(secret).CreatePubKey().WriteToSpan(compressed, theirs, out int length);
            Assert.Equal(theirs.AsSpan(0, length).ToArray(), ours.AsSpan(0, length).ToArray());
            Assert.True(Secp256k1PublicKey.TryParse(ours.AsSpan(0, length), out Secp256k1PublicKey parsed));
            Assert.Equal(ours.AsSpan(0, length).ToArray(), compressed ? parsed.ToCompressed() : parsed.ToUncompressed());
        }
    }

    [Fact]
    public void EcdsaSignVerifyAndRecoverMatch()
    {
        var random = new Random(42);
        byte[] signature = new byte[64];
        byte[] reference = new byte[64];
        for (int i = 0; i < Cases; i++)
        {
            byte[] secret = RandomSecret(random);
            byte[] hash = KeccakTests.RandomBytes(random, 32);
            Assert.True(Secp256k1Ecdsa.TrySign(secret, hash, signature, out int recoveryId));
            ECPrivKey privateKey = ECPrivKey.Create(secret);
            Assert.True(privateKey.TrySignRecoverable(hash, out SecpRecoverableECDSASignature? recoverable));
            recoverable!.WriteToSpanCompact(reference, out int referenceId);
            Assert.Equal(reference, signature);
            Assert.Equal(referenceId, recoveryId);

            ECPubKey publicKey = privateKey.CreatePubKey();
            Assert.True(Secp256k1PublicKey.TryParse(publicKey.ToBytes(true), out Secp256k1PublicKey ourKey));
            Assert.True(Secp256k1Ecdsa.Verify(ourKey, hash, signature));
            Assert.True(Secp256k1Ecdsa.TryRecover(hash, signature, recoveryId, out Secp256k1PublicKey recovered));
            Assert.Equal(ourKey, recovered);

            // A corrupted copy must get the same verdict from both (every fourth case: verification is the slow part).
            if (i % 4 != 0) continue;
            byte[] tampered = (byte[])signature.Clone();
            tampered[random.Next(64)] ^= (byte)(1 << random.Next(8));
            bool theirVerdict = SecpECDSASignature.TryCreateFromCompact(tampered, out SecpECDSASignature? parsed)
                && parsed!.TryNormalize(out _) == false && publicKey.SigVerify(parsed, hash);
            Assert.Equal(theirVerdict, Secp256k1Ecdsa.Verify(ourKey, hash, tampered));
        }
    }

    [Fact]
    public void SchnorrSignaturesMatch()
    {
        var random = new Random(43);
        byte[] signature = new byte[64];
        byte[] reference = new byte[64];
        byte[] xOnly = new byte[32];
        for (int i = 0; i < Cases; i++)
        {
            byte[] secret = RandomSecret(random);
            byte[] message = KeccakTests.RandomBytes(random, 32);
            byte[] aux = KeccakTests.RandomBytes(random, 32);
            Assert.True(Bip340Schnorr.TrySign(secret, message, aux, signature));
            ECPrivKey privateKey = ECPrivKey.Create(secret);
            privateKey.SignBIP340(message, aux).WriteToSpan(reference);
            Assert.Equal(reference, signature);
            Assert.True(Bip340Schnorr.TryGetPublicKey(secret, xOnly));
            Assert.Equal(privateKey.CreateXOnlyPubKey().ToBytes(), xOnly);
            Assert.True(Bip340Schnorr.Verify(xOnly, message, signature));
            if (i % 4 != 0) continue;
            signature[random.Next(64)] ^= (byte)(1 << random.Next(8));
            bool theirVerdict = SecpSchnorrSignature.TryCreate(signature, out SecpSchnorrSignature? parsed)
                && ECXOnlyPubKey.Create(xOnly).SigVerifyBIP340(parsed!, message);
            Assert.Equal(theirVerdict, Bip340Schnorr.Verify(xOnly, message, signature));
        }
    }

    [Fact]
    public void EcdhMatchesSharedPoint()
    {
        var random = new Random(44);
        byte[] ours = new byte[32];
        for (int i = 0; i < Cases; i++)
        {
            byte[] secretA = RandomSecret(random), secretB = RandomSecret(random);
            ECPubKey publicB = ECPrivKey.Create(secretB).CreatePubKey();
            byte[] expected = Sha256.Hash(publicB.GetSharedPubkey(ECPrivKey.Create(secretA)).ToBytes(true));
            Assert.True(Secp256k1PublicKey.TryParse(publicB.ToBytes(false), out Secp256k1PublicKey ourB));
            Assert.True(Secp256k1Ecdh.TryComputeSharedSecret(secretA, ourB, ours));
            Assert.Equal(expected, ours);
        }
    }

    [Fact]
    public void RandomAndMalformedInputsAreRejectedWithoutExceptions()
    {
        var random = new Random(45);
        byte[] output = new byte[64];
        for (int i = 0; i < 3000; i++)
        {
            byte[] junk = KeccakTests.RandomBytes(random, random.Next(0, 80));
            if (junk.Length > 0 && random.Next(2) == 0) junk[0] = (byte)random.Next(2, 5);
            bool parsed = Secp256k1PublicKey.TryParse(junk, out Secp256k1PublicKey key);
            bool theirs = ECPubKey.TryCreate(junk, Context.Instance, out _, out _);
            if (junk.Length == 33 || junk.Length == 65) Assert.Equal(theirs, parsed);
            else Assert.False(parsed);
            Assert.False(Secp256k1Ecdsa.Verify(junk, junk, junk));
            Assert.False(Bip340Schnorr.Verify(junk, junk, junk.Length == 64 ? junk[..32] : junk));
            Assert.False(Secp256k1Ecdsa.TryRecover(junk, junk, random.Next(-1, 5), out _) && junk.Length != 32);
            bool derParsed = DerSignature.TryParse(junk, output);
            bool derTheirs = SecpECDSASignature.TryCreateFromDer(junk, out _);
            if (derParsed) Assert.True(derTheirs);
            Assert.Equal(Secp256k1.IsValidSecretKey(junk), junk.Length == 32 && ECPrivKey.TryCreate(junk, out _));
        }
        Assert.False(Secp256k1.IsValidSecretKey(new byte[32]));
        Assert.False(Secp256k1Ecdsa.TrySign(new byte[32], new byte[32], output, out _));
        Assert.Throws<InvalidOperationException>(() => default(Secp256k1PublicKey).ToCompressed());
    }

    [Fact]
    public void DerRoundTripsAndMatchesReferenceEncoding()
    {
        var random = new Random(46);
        byte[] signature = new byte[64];
        byte[] der = new byte[DerSignature.MaxSize];
        byte[] back = new byte[64];
        for (int i = 0; i < Cases; i++)
        {
            Assert.True(Secp256k1Ecdsa.TrySign(RandomSecret(random), KeccakTests.RandomBytes(random, 32), signature, out _));
            if (i % 3 == 0) signature.AsSpan(0, random.Next(1, 20)).Clear();
            int length = DerSignature.Encode(signature, der);
            Assert.True(DerSignature.TryParse(der.AsSpan(0, length), back));
            Assert.Equal(signature, back);
            Assert.True(SecpECDSASignature.TryCreateFromCompact(signature, out SecpECDSASignature? reference));
            Assert.Equal(reference!.ToDER(), der.AsSpan(0, length).ToArray());
        }
    }
}
