using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// The AES block cipher (FIPS 197) with a 128-, 192- or 256-bit key. Uses AES-NI when the CPU has it,
/// otherwise a constant-time table-free software implementation.
/// </summary>
public sealed class AesCipher
{
    /// <summary>Block length in bytes.</summary>
    public const int BlockSize = 16;

    private readonly byte[] _roundKeys = new byte[240];
    private readonly Vector128<byte>[]? _encryptionKeys;
    private readonly Vector128<byte>[]? _decryptionKeys;
    private readonly int _rounds;

    /// <summary>Expands <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">The key is not 16, 24 or 32 bytes.</exception>
    public AesCipher(ReadOnlySpan<byte> key) : this(key, allowHardware: true)
    {
    }

    /// <summary>For tests: <paramref name="allowHardware"/> false forces the software path.</summary>
    internal AesCipher(ReadOnlySpan<byte> key, bool allowHardware)
    {
        if (key.Length != 16 && key.Length != 24 && key.Length != 32) throw new ArgumentException("AES keys are 16, 24 or 32 bytes.", nameof(key));
        AesSoftware.ExpandKey(key, _roundKeys, out _rounds);
        if (allowHardware && X86Aes.IsSupported)
        {
            _encryptionKeys = new Vector128<byte>[_rounds + 1];
            _decryptionKeys = new Vector128<byte>[_rounds + 1];
            for (int i = 0; i <= _rounds; i++) _encryptionKeys[i] = Vector128.Create(_roundKeys.AsSpan(16 * i, 16));
            // The equivalent inverse cipher uses InvMixColumns of the middle round keys, in reverse order.
            _decryptionKeys[0] = _encryptionKeys[_rounds];
            for (int i = 1; i < _rounds; i++) _decryptionKeys[i] = X86Aes.InverseMixColumns(_encryptionKeys[_rounds - i]);
            _decryptionKeys[_rounds] = _encryptionKeys[0];
        }
    }

    /// <summary>True when AES-NI is used.</summary>
    public bool IsHardwareAccelerated => _encryptionKeys != null;

    /// <summary>Encrypts one 16-byte block (input and output may overlap).</summary>
    /// <exception cref="ArgumentException">A span is shorter than 16 bytes.</exception>
    public void EncryptBlock(ReadOnlySpan<byte> input, Span<byte> output)
    {
        RequireBlocks(input, output);
        if (_encryptionKeys != null) EncryptBlock(Vector128.Create(input.Slice(0, 16))).CopyTo(output);
        else AesSoftware.EncryptBlock(_roundKeys, _rounds, input, output);
    }

    /// <summary>Decrypts one 16-byte block (input and output may overlap).</summary>
    /// <exception cref="ArgumentException">A span is shorter than 16 bytes.</exception>
    public void DecryptBlock(ReadOnlySpan<byte> input, Span<byte> output)
    {
        RequireBlocks(input, output);
        if (_decryptionKeys != null)
        {
            Vector128<byte>[] keys = _decryptionKeys;
            Vector128<byte> state = Vector128.Create(input.Slice(0, 16)) ^ keys[0];
            for (int i = 1; i < _rounds; i++) state = X86Aes.Decrypt(state, keys[i]);
            X86Aes.DecryptLast(state, keys[_rounds]).CopyTo(output);
        }
        else
        {
            AesSoftware.DecryptBlock(_roundKeys, _rounds, input, output);
        }
    }

    /// <summary>AES-NI encryption of one block held in a register.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Vector128<byte> EncryptBlock(Vector128<byte> block)
    {
        Vector128<byte>[] keys = _encryptionKeys!;
        Vector128<byte> state = block ^ keys[0];
        for (int i = 1; i < _rounds; i++) state = X86Aes.Encrypt(state, keys[i]);
        return X86Aes.EncryptLast(state, keys[_rounds]);
    }

    /// <summary>AES-NI encryption of four independent blocks, interleaved so the AES unit stays busy.</summary>
    internal void EncryptFour(ref Vector128<byte> b0, ref Vector128<byte> b1, ref Vector128<byte> b2, ref Vector128<byte> b3)
    {
        Vector128<byte>[] keys = _encryptionKeys!;
        Vector128<byte> k = keys[0];
        b0 ^= k; b1 ^= k; b2 ^= k; b3 ^= k;
        for (int i = 1; i < _rounds; i++)
        {
            k = keys[i];
            b0 = X86Aes.Encrypt(b0, k); b1 = X86Aes.Encrypt(b1, k); b2 = X86Aes.Encrypt(b2, k); b3 = X86Aes.Encrypt(b3, k);
        }
        k = keys[_rounds];
        b0 = X86Aes.EncryptLast(b0, k); b1 = X86Aes.EncryptLast(b1, k); b2 = X86Aes.EncryptLast(b2, k); b3 = X86Aes.EncryptLast(b3, k);
    }

    private static void RequireBlocks(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (input.Length < BlockSize) throw new ArgumentException("Input must hold a 16-byte block.", nameof(input));
        if (output.Length < BlockSize) throw new ArgumentException("Output must hold a 16-byte block.", nameof(output));
    }
}
