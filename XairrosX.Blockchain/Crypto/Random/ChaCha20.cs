using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace XairrosX.Blockchain.Crypto;

/// <summary>The ChaCha20 stream cipher of RFC 8439 (32-byte key, 12-byte nonce, 32-bit block counter).</summary>
public static class ChaCha20
{
    /// <summary>Key length.</summary>
    public const int KeySize = 32;

    /// <summary>Nonce length.</summary>
    public const int NonceSize = 12;

    /// <summary>XORs the keystream starting at block <paramref name="counter"/> into <paramref name="output"/> (which may alias the input).</summary>
    /// <exception cref="ArgumentException">Wrong key or nonce length, output too short, or the 32-bit counter would wrap.</exception>
    public static void Xor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, uint counter, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (key.Length != KeySize) throw new ArgumentException("ChaCha20 keys are 32 bytes.", nameof(key));
        if (nonce.Length != NonceSize) throw new ArgumentException("ChaCha20 nonces are 12 bytes.", nameof(nonce));
        if (output.Length < input.Length) throw new ArgumentException("Output too short.", nameof(output));
        ulong blocks = ((ulong)input.Length + 63) / 64;
        if (counter + blocks > (1UL << 32)) throw new ArgumentException("The 32-bit block counter would wrap.", nameof(input));
        Span<uint> state = stackalloc uint[16];
        Initialize(key, nonce, counter, state);
        Span<byte> keystream = stackalloc byte[64];
        for (int offset = 0; offset < input.Length; offset += 64)
        {
            Block(state, keystream);
            state[12]++;
            int take = Math.Min(64, input.Length - offset);
            for (int i = 0; i < take; i++) output[offset + i] = (byte)(input[offset + i] ^ keystream[i]);
        }
        keystream.Clear();
        state.Clear();
    }

    /// <summary>Writes the state "expand 32-byte k" ‖ key ‖ counter ‖ nonce.</summary>
    internal static void Initialize(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, uint counter, Span<uint> state)
    {
        state[0] = 0x61707865; state[1] = 0x3320646e; state[2] = 0x79622d32; state[3] = 0x6b206574;
        for (int i = 0; i < 8; i++) state[4 + i] = BinaryPrimitives.ReadUInt32LittleEndian(key.Slice(4 * i));
        state[12] = counter;
        for (int i = 0; i < 3; i++) state[13 + i] = BinaryPrimitives.ReadUInt32LittleEndian(nonce.Slice(4 * i));
    }

    /// <summary>One 64-byte keystream block: 20 rounds (10 column + diagonal pairs) plus the feed-forward.</summary>
    internal static void Block(ReadOnlySpan<uint> state, Span<byte> output64)
    {
        uint x0 = state[0], x1 = state[1], x2 = state[2], x3 = state[3], x4 = state[4], x5 = state[5], x6 = state[6], x7 = state[7];
        uint x8 = state[8], x9 = state[9], x10 = state[10], x11 = state[11], x12 = state[12], x13 = state[13], x14 = state[14], x15 = state[15];
        for (int i = 0; i < 10; i++)
        {
            QuarterRound(ref x0, ref x4, ref x8, ref x12);
            QuarterRound(ref x1, ref x5, ref x9, ref x13);
            QuarterRound(ref x2, ref x6, ref x10, ref x14);
            QuarterRound(ref x3, ref x7, ref x11, ref x15);
            QuarterRound(ref x0, ref x5, ref x10, ref x15);
            QuarterRound(ref x1, ref x6, ref x11, ref x12);
            QuarterRound(ref x2, ref x7, ref x8, ref x13);
            QuarterRound(ref x3, ref x4, ref x9, ref x14);
        }
        Write(output64, 0, x0 + state[0]); Write(output64, 1, x1 + state[1]); Write(output64, 2, x2 + state[2]); Write(output64, 3, x3 + state[3]);
        Write(output64, 4, x4 + state[4]); Write(output64, 5, x5 + state[5]); Write(output64, 6, x6 + state[6]); Write(output64, 7, x7 + state[7]);
        Write(output64, 8, x8 + state[8]); Write(output64, 9, x9 + state[9]); Write(output64, 10, x10 + state[10]); Write(output64, 11, x11 + state[11]);
        Write(output64, 12, x12 + state[12]); Write(output64, 13, x13 + state[13]); Write(output64, 14, x14 + state[14]); Write(output64, 15, x15 + state[15]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write(Span<byte> output, int word, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(output.Slice(4 * word), value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void QuarterRound(ref uint a, ref uint b, ref uint c, ref uint d)
    {
        a += b; d = BitOperations.RotateLeft(d ^ a, 16);
        c += d; b = BitOperations.RotateLeft(b ^ c, 12);
        a += b; d = BitOperations.RotateLeft(d ^ a, 8);
        c += d; b = BitOperations.RotateLeft(b ^ c, 7);
    }
}
