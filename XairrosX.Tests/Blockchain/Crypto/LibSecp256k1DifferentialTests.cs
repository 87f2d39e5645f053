using System;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

/// <summary>
/// 1000 random keys and messages per operation compared with Debian's native libsecp256k1 (see <see cref="LibSecp256k1"/>),
/// a reference only. Corrupted inputs (bit flips, high-S twins, out-of-range scalars, wrong recovery ids) check that
/// both sides reach the same verdict, not just that valid signatures pass.
/// </summary>
public class LibSecp256k1DifferentialTests
{
    private const int Cases = 1000;

    public LibSecp256k1DifferentialTests() =>
        Assert.True(LibSecp256k1.IsInstalled, $"{LibSecp256k1.LibraryName} not found: apt-get install libsecp256k1-1 (listed in tools/test-packages.txt)");

    private static byte[] Corrupt(byte[] signature, Random random) => random.Next(6) switch
    {
        0 => NobleSecp256k1Fixture.HighSTwin(signature),
        1 => Fill(signature, random.Next(2) * 32, 0xff),
        2 => Fill(signature, random.Next(2) * 32, 0x00),
        _ => NobleSecp256k1Fixture.FlipBit(signature, random),
    };

    private static byte[] Fill(byte[] signature, int offset, byte value)
    {
        byte[] copy = (byte[])signature.Clone();
        copy.AsSpan(offset, 32).Fill(value);
        return copy;
    }

    [Fact]
    public void PublicKeysAgree()
    {
        var random = new Random(6_0001);
        byte[] ours = new byte[65], theirs = new byte[65];
        for (int i = 0; i < Cases; i++)
        {
            byte[] secret = NobleSecp256k1Fixture.RandomSecret(random);
            bool compressed = (i & 1) == 0;
            int length = compressed ? 33 : 65;
            Assert.True(Secp256k1.TryGetPublicKey(secret, ours, compressed));
            Assert.True(LibSecp256k1.TryGetPublicKey(secret, theirs, compressed));
            Assert.Equal(Convert.ToHexStringLower(theirs.AsSpan(0, length)), Convert.ToHexStringLower(ours.AsSpan(0, length)));
        }
    }

    [Fact]
    public void EcdsaSignaturesRecoveryAndVerdictsAgree()
    {
        var random = new Random(6_0002);
        byte[] ours = new byte[64], theirs = new byte[64], theirsRecoverable = new byte[64];
        byte[] publicKey = new byte[33], recovered = new byte[33];
        int rejected = 0;
        for (int i = 0; i < Cases; i++)
        {
            byte[] secret = NobleSecp256k1Fixture.RandomSecret(random);
            byte[] hash = KeccakTests.RandomBytes(random, 32);
            Assert.True(Secp256k1Ecdsa.TrySign(secret, hash, ours, out int recoveryId));
            Assert.True(LibSecp256k1.TrySign(secret, hash, theirs));
            Assert.True(LibSecp256k1.TrySignRecoverable(secret, hash, theirsRecoverable, out int theirRecoveryId));
            Assert.Equal(Convert.ToHexStringLower(theirs), Convert.ToHexStringLower(ours));
            Assert.Equal(theirs, theirsRecoverable);
            Assert.Equal(theirRecoveryId, recoveryId);

            Assert.True(Secp256k1.TryGetPublicKey(secret, publicKey));
            Assert.True(LibSecp256k1.Verify(publicKey, hash, ours));
            Assert.True(Secp256k1Ecdsa.Verify(publicKey, hash, ours));
            Assert.True(LibSecp256k1.TryRecover(hash, ours, recoveryId, recovered));
            Assert.Equal(publicKey, recovered);

            // Same verdict on a corrupted signature, and the same key (or failure) from recovery with any id.
            byte[] bad = Corrupt(ours, random);
            bool theirVerdict = LibSecp256k1.Verify(publicKey, hash, bad);
            Assert.True(theirVerdict == Secp256k1Ecdsa.Verify(publicKey, hash, bad), $"verify {Convert.ToHexStringLower(bad)} under {Convert.ToHexStringLower(publicKey)}, hash {Convert.ToHexStringLower(hash)}: libsecp256k1 {theirVerdict}");
            if (!theirVerdict) rejected++;
            int id = random.Next(4);
            byte[] recoverInput = random.Next(2) == 0 ? bad : ours;
            bool theirRecovery = LibSecp256k1.TryRecover(hash, recoverInput, id, recovered);
            bool ourRecovery = Secp256k1Ecdsa.TryRecover(hash, recoverInput, id, out Secp256k1PublicKey ourKey);
            Assert.True(theirRecovery == ourRecovery, $"recover {Convert.ToHexStringLower(recoverInput)} id {id}: libsecp256k1 {theirRecovery}, ours {ourRecovery}");
            if (ourRecovery) Assert.Equal(recovered, ourKey.ToCompressed());
        }
        Assert.InRange(rejected, 900, Cases);
    }

    [Fact]
    public void SchnorrKeysSignaturesAndVerdictsAgree()
    {
        var random = new Random(6_0003);
        byte[] ours = new byte[64], theirs = new byte[64], ourKey = new byte[32], theirKey = new byte[32];
        int rejected = 0;
        for (int i = 0; i < Cases; i++)
        {
            byte[] secret = NobleSecp256k1Fixture.RandomSecret(random);
            byte[] message = KeccakTests.RandomBytes(random, 32);
            byte[] aux = KeccakTests.RandomBytes(random, 32);
            Assert.True(Bip340Schnorr.TryGetPublicKey(secret, ourKey));
            Assert.True(LibSecp256k1.TryGetXOnlyPublicKey(secret, theirKey));
            Assert.Equal(theirKey, ourKey);
            Assert.True(Bip340Schnorr.TrySign(secret, message, aux, ours));
            Assert.True(LibSecp256k1.TrySchnorrSign(secret, message, aux, theirs));
            Assert.Equal(Convert.ToHexStringLower(theirs), Convert.ToHexStringLower(ours));
            Assert.True(LibSecp256k1.SchnorrVerify(ourKey, message, ours));
            Assert.True(Bip340Schnorr.Verify(ourKey, message, ours));

            (byte[] key, byte[] msg, byte[] sig) = random.Next(4) switch
            {
                0 => (NobleSecp256k1Fixture.FlipBit(ourKey, random), message, ours),
                1 => (ourKey, NobleSecp256k1Fixture.FlipBit(message, random), ours),
                2 => (ourKey, message, Fill(ours, random.Next(2) * 32, 0xff)),
                _ => (ourKey, message, NobleSecp256k1Fixture.FlipBit(ours, random)),
            };
            bool theirVerdict = LibSecp256k1.SchnorrVerify(key, msg, sig);
            Assert.True(theirVerdict == Bip340Schnorr.Verify(key, msg, sig), $"schnorr verify {Convert.ToHexStringLower(sig)} key {Convert.ToHexStringLower(key)} msg {Convert.ToHexStringLower(msg)}: libsecp256k1 {theirVerdict}");
            if (!theirVerdict) rejected++;
        }
        Assert.InRange(rejected, 900, Cases);
    }

    [Fact]
    public void EcdhAgrees()
    {
        var random = new Random(6_0004);
        byte[] ours = new byte[32], theirs = new byte[32], peer = new byte[65];
        for (int i = 0; i < Cases; i++)
        {
            byte[] secret = NobleSecp256k1Fixture.RandomSecret(random);
            bool compressed = (i & 1) == 0;
            Assert.True(LibSecp256k1.TryGetPublicKey(NobleSecp256k1Fixture.RandomSecret(random), peer, compressed));
            ReadOnlySpan<byte> encoded = peer.AsSpan(0, compressed ? 33 : 65);
            Assert.True(LibSecp256k1.TryComputeSharedSecret(secret, encoded, theirs));
            Assert.True(Secp256k1PublicKey.TryParse(encoded, out Secp256k1PublicKey peerKey));
            Assert.True(Secp256k1Ecdh.TryComputeSharedSecret(secret, peerKey, ours));
            Assert.Equal(Convert.ToHexStringLower(theirs), Convert.ToHexStringLower(ours));
        }
    }

    [Fact]
    public void RandomPublicKeyEncodingsGetTheSameParseVerdict()
    {
        var random = new Random(6_0005);
        byte[] ours = new byte[65], theirs = new byte[65];
        int accepted = 0;
        for (int i = 0; i < 3000; i++)
        {
            byte[] encoded = KeccakTests.RandomBytes(random, (i & 1) == 0 ? 33 : 65);
            encoded[0] = (byte)random.Next(2, 8);
            // Half of them start from a real key so that the accepted side is exercised too.
            if (random.Next(2) == 0)
            {
                Assert.True(Secp256k1.TryGetPublicKey(NobleSecp256k1Fixture.RandomSecret(random), encoded, encoded.Length == 33));
                if (random.Next(3) == 0) encoded[random.Next(encoded.Length)] ^= (byte)(1 << random.Next(8));
            }
            bool theirVerdict = LibSecp256k1.TryParsePublicKey(encoded, out _);
            bool ourVerdict = Secp256k1PublicKey.TryParse(encoded, out _);
            Assert.True(theirVerdict == ourVerdict, $"parse {Convert.ToHexStringLower(encoded)}: libsecp256k1 {theirVerdict}, ours {ourVerdict}");
            if (ourVerdict) accepted++;
        }
        Assert.InRange(accepted, 600, 2400);
    }
}
