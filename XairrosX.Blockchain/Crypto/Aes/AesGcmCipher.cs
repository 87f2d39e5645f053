using System;
using System.Buffers.Binary;
using System.Runtime.Intrinsics;

namespace XairrosX.Blockchain.Crypto;

/// <summary>AES-GCM authenticated encryption (SP 800-38D) with 16-byte tags (12–16 accepted).</summary>
public sealed class AesGcmCipher
{
    /// <summary>Recommended nonce length; other non-empty lengths go through GHASH as the standard says.</summary>
    public const int NonceSize = 12;

    /// <summary>Full tag length.</summary>
    public const int TagSize = 16;

    private readonly AesCipher _aes;
    private readonly byte[] _hashKey = new byte[16];
    private readonly bool _allowHardware;

    /// <summary>Creates a cipher for a 16-, 24- or 32-byte key.</summary>
    /// <exception cref="ArgumentException">The key length is not an AES key length.</exception>
    public AesGcmCipher(ReadOnlySpan<byte> key) : this(key, allowHardware: true)
    {
    }

    /// <summary>For tests: <paramref name="allowHardware"/> false forces software AES and GHASH.</summary>
    internal AesGcmCipher(ReadOnlySpan<byte> key, bool allowHardware)
    {
        _allowHardware = allowHardware;
        _aes = new AesCipher(key, allowHardware);
        _aes.EncryptBlock(new byte[16], _hashKey);
    }

    /// <summary>Encrypts and authenticates.</summary>
    /// <exception cref="ArgumentException">Empty nonce, output shorter than the input, or tag length outside 12–16.</exception>
    public void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData = default)
    {
        if (nonce.IsEmpty) throw new ArgumentException("GCM needs a non-empty nonce.", nameof(nonce));
        if (ciphertext.Length < plaintext.Length) throw new ArgumentException("Ciphertext buffer too short.", nameof(ciphertext));
        if (tag.Length < 12 || tag.Length > TagSize) throw new ArgumentException("Tag must be 12 to 16 bytes.", nameof(tag));
        Span<byte> j0 = stackalloc byte[16];
        DeriveCounter(nonce, j0);
        ciphertext = ciphertext.Slice(0, plaintext.Length);
        Counter(j0, plaintext, ciphertext);
        ComputeTag(j0, associatedData, ciphertext, tag);
    }

    /// <summary>Checks the tag and decrypts; on failure nothing is written and false is returned.</summary>
    /// <exception cref="ArgumentException">The plaintext buffer is shorter than the ciphertext.</exception>
    public bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData = default)
    {
        if (plaintext.Length < ciphertext.Length) throw new ArgumentException("Plaintext buffer too short.", nameof(plaintext));
        if (nonce.IsEmpty || tag.Length < 12 || tag.Length > TagSize) return false;
        Span<byte> j0 = stackalloc byte[16];
        DeriveCounter(nonce, j0);
        Span<byte> expected = stackalloc byte[TagSize];
        ComputeTag(j0, associatedData, ciphertext, expected);
        if (!ByteOps.FixedTimeEquals(expected.Slice(0, tag.Length), tag)) return false;
        Counter(j0, ciphertext, plaintext.Slice(0, ciphertext.Length));
        return true;
    }

    /// <summary>J0: nonce ‖ 0^31 ‖ 1 for 96-bit nonces, else GHASH(nonce ‖ pad ‖ [0]64 ‖ [len(nonce)]64).</summary>
    private void DeriveCounter(ReadOnlySpan<byte> nonce, Span<byte> j0)
    {
        if (nonce.Length == NonceSize)
        {
            nonce.CopyTo(j0);
            j0.Slice(12).Clear();
            j0[15] = 1;
            return;
        }
        var ghash = new Ghash(_hashKey, _allowHardware);
        ghash.Update(nonce);
        ghash.Finish(0, (ulong)nonce.Length, j0);
    }

    private void ComputeTag(ReadOnlySpan<byte> j0, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> ciphertext, Span<byte> tag)
    {
        var ghash = new Ghash(_hashKey, _allowHardware);
        ghash.Update(associatedData);
        ghash.Update(ciphertext);
        Span<byte> s = stackalloc byte[16];
        ghash.Finish((ulong)associatedData.Length, (ulong)ciphertext.Length, s);
        Span<byte> mask = stackalloc byte[16];
        _aes.EncryptBlock(j0, mask);
        for (int i = 0; i < tag.Length; i++) tag[i] = (byte)(s[i] ^ mask[i]);
    }

    /// <summary>GCTR starting at inc32(J0): the low 32 bits of the counter block wrap modulo 2^32.</summary>
    private void Counter(ReadOnlySpan<byte> j0, ReadOnlySpan<byte> input, Span<byte> output)
    {
        uint counter = BinaryPrimitives.ReadUInt32BigEndian(j0.Slice(12)) + 1;
        int offset = 0;
        if (_aes.IsHardwareAccelerated)
        {
            Vector128<uint> prefix = Vector128.Create(j0.Slice(0, 16)).AsUInt32();
            while (input.Length - offset >= 64)
            {
                Vector128<byte> b0 = CounterBlock(prefix, counter), b1 = CounterBlock(prefix, counter + 1);
                Vector128<byte> b2 = CounterBlock(prefix, counter + 2), b3 = CounterBlock(prefix, counter + 3);
                _aes.EncryptFour(ref b0, ref b1, ref b2, ref b3);
                (Vector128.Create(input.Slice(offset, 16)) ^ b0).CopyTo(output.Slice(offset));
                (Vector128.Create(input.Slice(offset + 16, 16)) ^ b1).CopyTo(output.Slice(offset + 16));
                (Vector128.Create(input.Slice(offset + 32, 16)) ^ b2).CopyTo(output.Slice(offset + 32));
                (Vector128.Create(input.Slice(offset + 48, 16)) ^ b3).CopyTo(output.Slice(offset + 48));
                counter += 4;
                offset += 64;
            }
        }
        Span<byte> block = stackalloc byte[16];
        Span<byte> keystream = stackalloc byte[16];
        j0.Slice(0, 12).CopyTo(block);
        while (offset < input.Length)
        {
            BinaryPrimitives.WriteUInt32BigEndian(block.Slice(12), counter++);
            _aes.EncryptBlock(block, keystream);
            int take = Math.Min(16, input.Length - offset);
            for (int i = 0; i < take; i++) output[offset + i] = (byte)(input[offset + i] ^ keystream[i]);
            offset += take;
        }
        keystream.Clear();
    }

    private static Vector128<byte> CounterBlock(Vector128<uint> prefix, uint counter) =>
        prefix.WithElement(3, BinaryPrimitives.ReverseEndianness(counter)).AsByte();
}
