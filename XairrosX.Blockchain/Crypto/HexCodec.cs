using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>
/// Strict hexadecimal text codec for the shell and for tests: digits 0-9 and a-f or A-F only,
/// an even number of them, no prefix, no whitespace. Output is always lowercase.
/// </summary>
public static class HexCodec
{
    /// <summary>Parses <paramref name="text"/> into <paramref name="destination"/>.</summary>
    /// <param name="text">Hex characters; length must be even.</param>
    /// <param name="destination">Receives exactly <c>text.Length / 2</c> bytes.</param>
    /// <param name="bytesWritten">Number of bytes written (0 when parsing fails).</param>
    /// <returns>False on odd length, a non-hex character, or a destination that is too short.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if ((text.Length & 1) != 0 || destination.Length < text.Length / 2) return false;
        for (int i = 0; i < text.Length; i += 2)
        {
            int high = DigitValue(text[i]);
            int low = DigitValue(text[i + 1]);
            if ((high | low) < 0) return false;
            destination[i >> 1] = (byte)((high << 4) | low);
        }
        bytesWritten = text.Length / 2;
        return true;
    }

    /// <summary>Parses <paramref name="text"/> into a new array.</summary>
    /// <returns>False (and <paramref name="bytes"/> null) when the text is not strict hex.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out byte[]? bytes)
    {
        bytes = null;
        if ((text.Length & 1) != 0) return false;
        byte[] buffer = new byte[text.Length / 2];
        if (!TryParse(text, buffer, out _)) return false;
        bytes = buffer;
        return true;
    }

    /// <summary>Parses hex that is known to be well formed (constants, test data).</summary>
    /// <exception cref="FormatException">The text is not strict hex.</exception>
    public static byte[] Parse(ReadOnlySpan<char> text)
    {
        if (!TryParse(text, out byte[]? bytes)) throw new FormatException("Malformed hexadecimal text.");
        return bytes!;
    }

    /// <summary>Writes the lowercase hex of <paramref name="bytes"/> into <paramref name="destination"/>.</summary>
    /// <returns>False when <paramref name="destination"/> holds fewer than <c>2 * bytes.Length</c> characters.</returns>
    public static bool TryFormat(ReadOnlySpan<byte> bytes, Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (destination.Length < bytes.Length * 2) return false;
        for (int i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = Digit(bytes[i] >> 4);
            destination[2 * i + 1] = Digit(bytes[i] & 0xF);
        }
        charsWritten = bytes.Length * 2;
        return true;
    }

    /// <summary>Lowercase hex of <paramref name="bytes"/>.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return string.Empty;
        char[] chars = new char[bytes.Length * 2];
        TryFormat(bytes, chars, out _);
        return new string(chars);
    }

    private static char Digit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);

    private static int DigitValue(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
