using System;

namespace XairrosX.Blockchain.Bitcoin.Scripting;

/// <summary>Signature and public-key encoding rules (BIP-66 DER, low S, hash types, key formats).</summary>
public static class SignatureEncoding
{
    private static ReadOnlySpan<byte> HalfOrder => [
        0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0x5D, 0x57, 0x6E, 0x73, 0x57, 0xA4, 0x50, 0x1D, 0xDF, 0xE9, 0x2F, 0x46, 0x68, 0x1B, 0x20, 0xA0];

    private static ReadOnlySpan<byte> Order => [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
        0xBA, 0xAE, 0xDC, 0xE6, 0xAF, 0x48, 0xA0, 0x3B, 0xBF, 0xD2, 0x5E, 0x8C, 0xD0, 0x36, 0x41, 0x41];

    /// <summary>BIP-66 strict DER check of a signature including its trailing hash-type byte.</summary>
    public static bool IsValidDer(ReadOnlySpan<byte> sig)
    {
        if (sig.Length < 9 || sig.Length > 73) return false;
        if (sig[0] != 0x30 || sig[1] != sig.Length - 3) return false;
        int lenR = sig[3];
        if (5 + lenR >= sig.Length) return false;
        int lenS = sig[5 + lenR];
        if (lenR + lenS + 7 != sig.Length) return false;
        if (sig[2] != 0x02 || lenR == 0 || (sig[4] & 0x80) != 0) return false;
        if (lenR > 1 && sig[4] == 0 && (sig[5] & 0x80) == 0) return false;
        if (sig[lenR + 4] != 0x02 || lenS == 0 || (sig[lenR + 6] & 0x80) != 0) return false;
        if (lenS > 1 && sig[lenR + 6] == 0 && (sig[lenR + 7] & 0x80) == 0) return false;
        return true;
    }

    /// <summary>
    /// libsecp256k1's lax DER parser (what consensus uses for verification). Writes r and s as
    /// 32-byte big-endian values; an over-long or out-of-range value yields r = s = 0 (which never verifies).
    /// Returns false only if the outer structure cannot be parsed.
    /// </summary>
    public static bool TryParseLaxDer(ReadOnlySpan<byte> der, Span<byte> r32, Span<byte> s32)
    {
        int pos = 0, len = der.Length;
        if (pos == len || der[pos] != 0x30) return false;
        pos++;
        if (pos == len) return false;
        int lenByte = der[pos++];
        if ((lenByte & 0x80) != 0)
        {
            lenByte -= 0x80;
            if (lenByte > len - pos) return false;
            pos += lenByte;
        }
        if (!ReadInteger(der, ref pos, out int rPos, out int rLen)) return false;
        if (!ReadInteger(der, ref pos, out int sPos, out int sLen)) return false;
        bool overflow = !CopyScalar(der.Slice(rPos, rLen), r32) | !CopyScalar(der.Slice(sPos, sLen), s32);
        if (overflow)
        {
            r32.Clear();
            s32.Clear();
        }
        return true;
    }

    private static bool ReadInteger(ReadOnlySpan<byte> der, ref int pos, out int start, out int length)
    {
        start = length = 0;
        int len = der.Length;
        if (pos == len || der[pos] != 0x02) return false;
        pos++;
        if (pos == len) return false;
        int lenByte = der[pos++];
        long value;
        if ((lenByte & 0x80) != 0)
        {
            lenByte -= 0x80;
            if (lenByte > len - pos) return false;
            while (lenByte > 0 && der[pos] == 0)
            {
                pos++;
                lenByte--;
            }
            if (lenByte >= 8) return false;
            value = 0;
            while (lenByte > 0)
            {
                value = (value << 8) + der[pos++];
                lenByte--;
            }
        }
        else
        {
            value = lenByte;
        }
        if (value > len - pos) return false;
        start = pos;
        length = (int)value;
        pos += length;
        return true;
    }

    private static bool CopyScalar(ReadOnlySpan<byte> value, Span<byte> out32)
    {
        while (value.Length > 0 && value[0] == 0) value = value.Slice(1);
        out32.Clear();
        if (value.Length > 32) return false;
        value.CopyTo(out32.Slice(32 - value.Length));
        return out32.SequenceCompareTo(Order) < 0;
    }

    /// <summary>True if s (32 bytes) is at most n/2.</summary>
    public static bool IsLowS(ReadOnlySpan<byte> s32) => s32.SequenceCompareTo(HalfOrder) <= 0;

    /// <summary>Replaces a high s by n - s (libsecp256k1 verifies only low-s signatures).</summary>
    public static void NormalizeS(Span<byte> s32)
    {
        if (IsLowS(s32)) return;
        int borrow = 0;
        for (int i = 31; i >= 0; i--)
        {
            int d = Order[i] - s32[i] - borrow;
            borrow = d < 0 ? 1 : 0;
            s32[i] = (byte)(d + (borrow << 8));
        }
    }

    /// <summary>Core's CheckSignatureEncoding; returns the error or <see cref="ScriptError.Ok"/>.</summary>
    public static ScriptError Check(ReadOnlySpan<byte> sig, ScriptFlags flags)
    {
        if (sig.IsEmpty) return ScriptError.Ok;
        if ((flags & (ScriptFlags.DerSig | ScriptFlags.LowS | ScriptFlags.StrictEnc)) != 0 && !IsValidDer(sig)) return ScriptError.SigDer;
        if ((flags & ScriptFlags.LowS) != 0)
        {
            Span<byte> r = stackalloc byte[32];
            Span<byte> s = stackalloc byte[32];
            if (!TryParseLaxDer(sig.Slice(0, sig.Length - 1), r, s)) return ScriptError.SigDer;
            if (!IsLowS(s)) return ScriptError.SigHighS;
        }
        if ((flags & ScriptFlags.StrictEnc) != 0)
        {
            int hashType = sig[^1] & ~SigHash.AnyoneCanPay;
            if (hashType < SigHash.All || hashType > SigHash.Single) return ScriptError.SigHashType;
        }
        return ScriptError.Ok;
    }

    /// <summary>Core's CheckPubKeyEncoding.</summary>
    public static ScriptError CheckPubKey(ReadOnlySpan<byte> key, ScriptFlags flags, bool witnessV0)
    {
        if ((flags & ScriptFlags.StrictEnc) != 0 && !IsCompressedOrUncompressed(key)) return ScriptError.PubKeyType;
        if ((flags & ScriptFlags.WitnessPubKeyType) != 0 && witnessV0 && !IsCompressed(key)) return ScriptError.WitnessPubKeyType;
        return ScriptError.Ok;
    }

    /// <summary>33-byte 02/03 or 65-byte 04 key.</summary>
    public static bool IsCompressedOrUncompressed(ReadOnlySpan<byte> key) =>
        (key.Length == 33 && (key[0] == 2 || key[0] == 3)) || (key.Length == 65 && key[0] == 4);

    /// <summary>33-byte 02/03 key.</summary>
    public static bool IsCompressed(ReadOnlySpan<byte> key) => key.Length == 33 && (key[0] == 2 || key[0] == 3);
}
