using System;

namespace XairrosX.Tests.Blockchain;

/// <summary>Hex helpers for vector files ("0x" prefix optional, odd lengths rejected).</summary>
internal static class TestHex
{
    public static byte[] Parse(string hex)
    {
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) hex = hex.Substring(2);
        return Convert.FromHexString(hex);
    }

    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
