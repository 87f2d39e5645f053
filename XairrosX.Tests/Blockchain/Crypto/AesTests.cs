using System;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using XairrosX.Blockchain.Crypto;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

public class AesTests
{
    [Theory]
    [InlineData("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a")]
    [InlineData("000102030405060708090a0b0c0d0e0f1011121314151617", "dda97ca4864cdfe06eaf70a0ec0d7191")]
    [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8ea2b7ca516745bfeafc49904b496089")]
    public void Fips197Examples(string key, string expected)
    {
        byte[] plaintext = HexCodec.Parse("00112233445566778899aabbccddeeff");
        foreach (bool hardware in new[] { true, false })
        {
            var aes = new AesCipher(HexCodec.Parse(key), hardware);
            byte[] block = new byte[16];
            aes.EncryptBlock(plaintext, block);
            Assert.Equal(expected, HexCodec.ToHex(block));
            aes.DecryptBlock(block, block);
            Assert.Equal(plaintext, block);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AesGcmWycheproof(bool hardware)
    {
        int valid = 0, invalid = 0;
        foreach (Wycheproof.Case c in Wycheproof.Cases("aes_gcm_test.json"))
        {
            byte[] key = c.Test.Hex("key"), iv = c.Test.Hex("iv"), aad = c.Test.Hex("aad");
            byte[] message = c.Test.Hex("msg"), ciphertext = c.Test.Hex("ct"), tag = c.Test.Hex("tag");
            var gcm = new AesGcmCipher(key, hardware);
            byte[] decrypted = new byte[ciphertext.Length];
            bool opened = gcm.TryDecrypt(iv, ciphertext, tag, decrypted, aad);
            if (c.Result == "valid")
            {
                Assert.True(opened, $"tcId {c.Id} ({c.Comment})");
                Assert.Equal(message, decrypted);
                byte[] sealedText = new byte[message.Length];
                byte[] sealedTag = new byte[16];
                gcm.Encrypt(iv, message, sealedText, sealedTag, aad);
                Assert.Equal(ciphertext, sealedText);
                Assert.Equal(tag, sealedTag);
                valid++;
            }
            else
            {
                Assert.False(opened, $"tcId {c.Id} ({c.Comment}) must be rejected");
                Assert.All(decrypted, b => Assert.Equal(0, b));
                invalid++;
            }
        }
        Assert.Equal(229, valid);
        Assert.Equal(87, invalid);
    }

    [Fact]
    public void AesGcmMatchesBouncyCastle()
    {
        var random = new Random(51);
        for (int i = 0; i < 1000; i++)
        {
            byte[] key = KeccakTests.RandomBytes(random, new[] { 16, 24, 32 }[random.Next(3)]);
            byte[] nonce = KeccakTests.RandomBytes(random, random.Next(4) == 0 ? random.Next(1, 40) : 12);
            byte[] aad = KeccakTests.RandomBytes(random, random.Next(0, 50));
            byte[] message = KeccakTests.RandomBytes(random, random.Next(0, 300));
            bool hardware = i % 4 != 0;

            var reference = new GcmBlockCipher(new AesEngine());
            reference.Init(true, new AeadParameters(new KeyParameter(key), 128, nonce, aad));
            byte[] expected = new byte[reference.GetOutputSize(message.Length)];
            int written = reference.ProcessBytes(message, 0, message.Length, expected, 0);
            reference.DoFinal(expected, written);

            var gcm = new AesGcmCipher(key, hardware);
            byte[] ciphertext = new byte[message.Length];
            byte[] tag = new byte[16];
            gcm.Encrypt(nonce, message, ciphertext, tag, aad);
            Assert.Equal(expected, (byte[])[.. ciphertext, .. tag]);

            byte[] opened = new byte[message.Length];
            Assert.True(gcm.TryDecrypt(nonce, ciphertext, tag, opened, aad));
            Assert.Equal(message, opened);
            tag[random.Next(16)] ^= (byte)(1 << random.Next(8));
            Assert.False(gcm.TryDecrypt(nonce, ciphertext, tag, opened, aad));
        }
    }

    [Fact]
    public void SoftwareAndHardwareBlocksAgree()
    {
        var random = new Random(52);
        byte[] a = new byte[16], b = new byte[16];
        for (int i = 0; i < 1000; i++)
        {
            byte[] key = KeccakTests.RandomBytes(random, 16 + 8 * random.Next(3));
            byte[] block = KeccakTests.RandomBytes(random, 16);
            new AesCipher(key, true).EncryptBlock(block, a);
            new AesCipher(key, false).EncryptBlock(block, b);
            Assert.Equal(a, b);
            var reference = new AesEngine();
            reference.Init(true, new KeyParameter(key));
            reference.ProcessBlock(block, 0, b, 0);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void BadArgumentsGetDocumentedExceptions()
    {
        Assert.Throws<ArgumentException>(() => new AesCipher(new byte[15]));
        var gcm = new AesGcmCipher(new byte[16]);
        Assert.Throws<ArgumentException>(() => gcm.Encrypt([], [], [], new byte[16]));
        Assert.Throws<ArgumentException>(() => gcm.Encrypt(new byte[12], [], [], new byte[8]));
        Assert.False(gcm.TryDecrypt([], [], new byte[16], []));
        Assert.False(gcm.TryDecrypt(new byte[12], [], new byte[4], []));
    }
}
