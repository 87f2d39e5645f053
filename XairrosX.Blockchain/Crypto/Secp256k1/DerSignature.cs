using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>Strict DER encoding of ECDSA signatures: SEQUENCE { INTEGER r, INTEGER s }, nothing else accepted.</summary>
public static class DerSignature
{
    /// <summary>Longest encoding: 2 + 2 × (2 + 33).</summary>
    public const int MaxSize = 72;

    /// <summary>
    /// Parses DER into the 64-byte r ‖ s form. Rejects long-form or wrong lengths, trailing bytes,
    /// negative or non-minimal integers and integers wider than 256 bits (range checks against n are the verifier's).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> der, Span<byte> compact64)
    {
        if (compact64.Length < 64 || der.Length < 8 || der[0] != 0x30 || der[1] != der.Length - 2) return false;
        ReadOnlySpan<byte> body = der.Slice(2);
        if (!TryReadInteger(ref body, compact64.Slice(0, 32))) return false;
        if (!TryReadInteger(ref body, compact64.Slice(32, 32))) return false;
        return body.IsEmpty;
    }

    private static bool TryReadInteger(ref ReadOnlySpan<byte> input, Span<byte> destination32)
    {
        if (input.Length < 3 || input[0] != 0x02) return false;
        int length = input[1];
        // A short-form length covers every valid integer here; 0x80 and above would be long form or indefinite.
        if (length == 0 || length > 33 || input.Length < 2 + length) return false;
        ReadOnlySpan<byte> value = input.Slice(2, length);
        if ((value[0] & 0x80) != 0) return false;
        if (value[0] == 0x00 && length > 1 && (value[1] & 0x80) == 0) return false;
        if (length == 33)
        {
            if (value[0] != 0x00) return false;
            value = value.Slice(1);
        }
        destination32.Clear();
        value.CopyTo(destination32.Slice(32 - value.Length));
        input = input.Slice(2 + length);
        return true;
    }

    /// <summary>Encodes r ‖ s as DER; returns the number of bytes written (at most <see cref="MaxSize"/>).</summary>
    /// <exception cref="ArgumentException">The signature is not 64 bytes or the destination is too short.</exception>
    public static int Encode(ReadOnlySpan<byte> compact64, Span<byte> destination)
    {
        if (compact64.Length != 64) throw new ArgumentException("Signature must be 64 bytes.", nameof(compact64));
        Span<byte> buffer = stackalloc byte[MaxSize];
        int offset = 2;
        offset += WriteInteger(compact64.Slice(0, 32), buffer.Slice(offset));
        offset += WriteInteger(compact64.Slice(32, 32), buffer.Slice(offset));
        buffer[0] = 0x30;
        buffer[1] = (byte)(offset - 2);
        ByteOps.RequireLength(destination, offset, nameof(destination));
        buffer.Slice(0, offset).CopyTo(destination);
        return offset;
    }

    private static int WriteInteger(ReadOnlySpan<byte> value32, Span<byte> destination)
    {
        int start = 0;
        while (start < 31 && value32[start] == 0) start++;
        ReadOnlySpan<byte> magnitude = value32.Slice(start);
        bool pad = (magnitude[0] & 0x80) != 0;
        destination[0] = 0x02;
        destination[1] = (byte)(magnitude.Length + (pad ? 1 : 0));
        int offset = 2;
        if (pad) destination[offset++] = 0x00;
        magnitude.CopyTo(destination.Slice(offset));
        return offset + magnitude.Length;
    }
}
