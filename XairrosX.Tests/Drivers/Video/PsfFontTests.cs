using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using XairrosX.Drivers.Video;
using Xunit;

namespace XairrosX.Tests.Drivers.Video;

public class PsfFontTests
{
    [Fact]
    public void ParsesTheDebianConsoleFont()
    {
        PsfFont font = PsfFont.Parse(ConsoleFontFile.Load());
        Assert.Equal(1, font.Version);
        Assert.Equal(8, font.Width);
        Assert.Equal(16, font.Height);
        Assert.Equal(256, font.GlyphCount);
        Assert.True(font.HasUnicodeTable);
        // 'H' has two vertical strokes: its middle rows have pixels at both sides, its top and bottom rows none.
        ReadOnlySpan<byte> h = font.Glyph(font.GlyphIndex('H'));
        Assert.Equal(16, h.Length);
        Assert.Equal(0, h[0]);
        Assert.Equal(0, h[15]);
        Assert.Contains(h.ToArray(), row => (row & 0xC0) != 0 && (row & 0x06) != 0);
        Assert.True(font.Glyph(font.GlyphIndex(' ')).IndexOfAnyExcept((byte)0) < 0);
        Assert.Equal(font.GlyphIndex('?'), font.GlyphIndex('\u4e00')); // a character the font lacks draws as '?'
    }

    // psfgettable (Debian package kbd) prints the font's own table: an independent reading of it.
    [Fact]
    public void UnicodeTableAgreesWithPsfgettable()
    {
        string fontPath = Path.Combine(Path.GetTempPath(), $"xx-font-{Guid.NewGuid():N}.psf");
        string tablePath = fontPath + ".txt";
        byte[] data = ConsoleFontFile.Load();
        File.WriteAllBytes(fontPath, data);
        try
        {
            using (var p = Process.Start(new ProcessStartInfo("psfgettable", [fontPath, tablePath]) { RedirectStandardError = true })!)
            {
                p.WaitForExit();
                Assert.Equal(0, p.ExitCode);
            }
            PsfFont font = PsfFont.Parse(data);
            var expected = new Dictionary<char, int>();
            int checkedEntries = 0;
            foreach (string line in File.ReadAllLines(tablePath))
            {
                if (line.StartsWith('#') || line.Trim().Length == 0) continue;
                string[] fields = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
                int glyph = Convert.ToInt32(fields[0], 16);
                for (int i = 1; i < fields.Length; i++)
                {
                    if (!fields[i].StartsWith("U+")) break; // a sequence: not drawn as one character
                    char c = (char)int.Parse(fields[i].AsSpan(2), NumberStyles.HexNumber);
                    expected.TryAdd(c, glyph);
                }
            }
            foreach (var (c, glyph) in expected) { Assert.Equal(glyph, font.GlyphIndex(c)); checkedEntries++; }
            Assert.True(checkedEntries > 256, $"only {checkedEntries} table entries");
        }
        finally
        {
            File.Delete(fontPath);
            File.Delete(tablePath);
        }
    }

    // The same glyphs and table written as PSF2 must read back identically.
    private static byte[] ToPsf2(PsfFont font, IEnumerable<(char C, int Glyph)> table)
    {
        var bytes = new List<byte>();
        var header = new byte[32];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x864AB572);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), 32);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), (uint)font.GlyphCount);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), (uint)(font.BytesPerRow * font.Height));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), (uint)font.Height);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(28), (uint)font.Width);
        bytes.AddRange(header);
        for (int g = 0; g < font.GlyphCount; g++) bytes.AddRange(font.Glyph(g).ToArray());
        var byGlyph = new List<char>[font.GlyphCount];
        foreach (var (c, g) in table) (byGlyph[g] ??= []).Add(c);
        for (int g = 0; g < font.GlyphCount; g++)
        {
            foreach (char c in byGlyph[g] ?? []) bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            bytes.AddRange(new byte[] { 0xFE, 0x41, 0xCC, 0x80 }); // a sequence (A + combining grave): skipped
            bytes.Add(0xFF);
        }
        return bytes.ToArray();
    }

    [Fact]
    public void Psf2WithTheSameGlyphsAndTableReadsTheSame()
    {
        PsfFont psf1 = PsfFont.Parse(ConsoleFontFile.Load());
        var table = new List<(char, int)>();
        for (int c = 0; c < 0x10000; c++)
            if (c < 0xD800 || c > 0xDFFF)
                if (psf1.GlyphIndex((char)c) is int g && (g != psf1.FallbackGlyph || c == '?')) table.Add(((char)c, g));
        PsfFont psf2 = PsfFont.Parse(ToPsf2(psf1, table));
        Assert.Equal(2, psf2.Version);
        Assert.Equal((psf1.Width, psf1.Height, psf1.GlyphCount), (psf2.Width, psf2.Height, psf2.GlyphCount));
        for (int c = 0; c < 0x10000; c++) Assert.Equal(psf1.GlyphIndex((char)c), psf2.GlyphIndex((char)c));
        for (int g = 0; g < psf1.GlyphCount; g++) Assert.True(psf1.Glyph(g).SequenceEqual(psf2.Glyph(g)));
    }

    [Fact]
    public void WideGlyphsUsePaddedRows()
    {
        // PSF2, 2 glyphs of 12x2 pixels (2 bytes a row), no table: glyph index = character code.
        var data = new byte[32 + 2 * 4];
        BinaryPrimitives.WriteUInt32LittleEndian(data, 0x864AB572);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(8), 32);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(16), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(20), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(24), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(28), 12);
        data[36] = 0xAB; data[39] = 0xF0;
        PsfFont font = PsfFont.Parse(data);
        Assert.Equal(2, font.BytesPerRow);
        Assert.False(font.HasUnicodeTable);
        Assert.Equal(1, font.GlyphIndex('\u0001'));
        Assert.Equal(new byte[] { 0xAB, 0, 0, 0xF0 }, font.Glyph(1).ToArray());
        Assert.Equal(0, font.GlyphIndex('z')); // beyond the glyphs, and no '?' either: glyph 0
    }

    public static TheoryData<string, byte[]> Malformed()
    {
        byte[] Psf2(uint version = 0, uint headerSize = 32, uint count = 1, uint charSize = 16, uint height = 16, uint width = 8, int extra = 16, uint flags = 0)
        {
            var d = new byte[32 + extra];
            BinaryPrimitives.WriteUInt32LittleEndian(d, 0x864AB572);
            BinaryPrimitives.WriteUInt32LittleEndian(d.AsSpan(4), version);
            BinaryPrimitives.WriteUInt32LittleEndian(d.AsSpan(8), headerSize);
            BinaryPrimitives.WriteUInt32LittleEndian(d.AsSpan(12), flags);
            BinaryPrimitives.WriteUInt32LittleEndian(d.AsSpan(16), count);
            BinaryPrimitives.WriteUInt32LittleEndian(d.AsSpan(20), charSize);
            BinaryPrimitives.WriteUInt32LittleEndian(d.AsSpan(24), height);
            BinaryPrimitives.WriteUInt32LittleEndian(d.AsSpan(28), width);
            return d;
        }
        return new TheoryData<string, byte[]>
        {
            { "no PSF1", Array.Empty<byte>() },
            { "no PSF1", "hello, world"u8.ToArray() },
            { "header of 3 bytes", new byte[] { 0x36, 0x04, 0x00 } },
            { "glyph height 0", new byte[] { 0x36, 0x04, 0x00, 0x00 } },
            { "need 4100 bytes", new byte[] { 0x36, 0x04, 0x00, 0x10, 1, 2, 3 } },
            { "Unicode table ends", [0x36, 0x04, 0x02, 0x01, .. new byte[256], 0x41, 0x00] },
            { "header of 8 bytes", Psf2()[..8] },
            { "version 3", Psf2(version: 3) },
            { "header size 4096", Psf2(headerSize: 4096) },
            { "header size 8", Psf2(headerSize: 8) },
            { "glyph size 0x16", Psf2(width: 0) },
            { "glyph size 8x65", Psf2(height: 65, charSize: 65) },
            { "0 glyphs", Psf2(count: 0) },
            { "15 bytes per glyph", Psf2(charSize: 15) },
            { "need 80 bytes", Psf2(count: 3) },
            { "need 1048608 bytes", Psf2(count: 65536, extra: 0) },
            { "Unicode table ends", Psf2(flags: 1) },
            { "bad UTF-8 byte 0x80", [.. Psf2(flags: 1), 0x80] },
            { "bad UTF-8 continuation 0x41", [.. Psf2(flags: 1), 0xC3, 0x41] },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedFontsAreAFormatExceptionSayingWhy(string reason, byte[] data)
    {
        var e = Assert.Throws<FormatException>(() => PsfFont.Parse(data));
        Assert.Contains(reason, e.Message);
        Assert.False(PsfFont.TryParse(data, out PsfFont? font, out string? error));
        Assert.Null(font);
        Assert.Equal(e.Message, error);
    }

    [Fact]
    public void TruncatedAndMutatedFontsFailCleanly()
    {
        byte[] real = ConsoleFontFile.Load();
        var rng = new Random(16);
        for (int i = 0; i < 3000; i++)
        {
            byte[] data = real[..rng.Next(real.Length + 1)];
            for (int m = rng.Next(4); m > 0 && data.Length > 0; m--) data[rng.Next(Math.Min(data.Length, 40))] = (byte)rng.Next(256);
            if (rng.Next(3) == 0 && data.Length >= 4) { data[0] = 0x72; data[1] = 0xB5; data[2] = 0x4A; data[3] = 0x86; }
            try
            {
                PsfFont font = PsfFont.Parse(data);
                for (int c = 0; c < 600; c++) Assert.Equal(font.BytesPerRow * font.Height, font.Glyph(font.GlyphIndex((char)c)).Length);
            }
            catch (FormatException) { }
        }
    }
}
