using System;
using System.IO;
using System.Text;

namespace XairrosX.Kernel.Shell;

/// <summary>The shell's hex dump: 16 bytes a line, hex in two groups of eight, then the printable characters.</summary>
internal static class HexDump
{
    /// <summary>Writes <paramref name="bytes"/> with offsets counted from <paramref name="baseOffset"/>.</summary>
    public static void Write(TextWriter output, ReadOnlySpan<byte> bytes, long baseOffset = 0)
    {
        var line = new StringBuilder(80);
        for (int offset = 0; offset < bytes.Length; offset += 16)
        {
            line.Clear().Append((baseOffset + offset).ToString("x8")).Append("  ");
            int n = Math.Min(16, bytes.Length - offset);
            for (int i = 0; i < 16; i++)
            {
                line.Append(i < n ? bytes[offset + i].ToString("x2") + " " : "   ");
                if (i == 7) line.Append(' ');
            }
            line.Append(" |");
            for (int i = 0; i < n; i++) line.Append(bytes[offset + i] is >= 0x20 and < 0x7F ? (char)bytes[offset + i] : '.');
            output.WriteLine(line.Append('|').ToString());
        }
    }
}
