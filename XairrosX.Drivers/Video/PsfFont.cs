using System;
using System.Buffers.Binary;

namespace XairrosX.Drivers.Video;

/// <summary>
/// A bitmap console font in the Linux PC Screen Font format, version 1 (magic 36 04: 8 pixels wide,
/// 256 or 512 glyphs, optional UCS-2 table) or version 2 (magic 72 B5 4A 86: any size, optional UTF-8
/// table). Rows are stored top to bottom, each padded to whole bytes, most significant bit = leftmost pixel.
/// With a Unicode table, characters map to glyphs through it; without one, a character's code is its glyph
/// index. Parsing copies the glyphs, so the source buffer may go away afterwards.
/// </summary>
public sealed class PsfFont
{
    private const ushort Psf1Magic = 0x0436;
    private const uint Psf2Magic = 0x864AB572;
    private const byte Psf1Mode512 = 0x01, Psf1ModeHasTable = 0x02, Psf1ModeHasSequences = 0x04;
    private const uint Psf2HasUnicodeTable = 0x01;
    private const int MaxGlyphs = 65536, MaxDimension = 64;

    private readonly byte[] _glyphs;
    // Character → glyph index + 1 (0 = not in the table); null when the font has no Unicode table.
    private readonly ushort[] _unicodeMap;

    private PsfFont(int version, int width, int height, int glyphCount, byte[] glyphs, ushort[] unicodeMap)
    {
        Version = version;
        Width = width;
        Height = height;
        GlyphCount = glyphCount;
        BytesPerRow = (width + 7) / 8;
        _glyphs = glyphs;
        _unicodeMap = unicodeMap;
        FallbackGlyph = GlyphIndexOrNone('?') is int q and >= 0 ? q : 0;
    }

    /// <summary>1 or 2.</summary>
    public int Version { get; }
    /// <summary>Glyph width in pixels.</summary>
    public int Width { get; }
    /// <summary>Glyph height in pixels (rows).</summary>
    public int Height { get; }
    /// <summary>Number of glyphs.</summary>
    public int GlyphCount { get; }
    /// <summary>Bytes of one glyph row.</summary>
    public int BytesPerRow { get; }
    /// <summary>Whether the font maps Unicode characters to glyphs through its own table.</summary>
    public bool HasUnicodeTable => _unicodeMap != null;
    /// <summary>The glyph drawn for characters the font lacks (its '?', else glyph 0).</summary>
    public int FallbackGlyph { get; }

    /// <summary>The bitmap of glyph <paramref name="glyph"/>: <see cref="Height"/> rows of <see cref="BytesPerRow"/> bytes.</summary>
    public ReadOnlySpan<byte> Glyph(int glyph)
    {
        if ((uint)glyph >= (uint)GlyphCount) glyph = FallbackGlyph;
        int size = BytesPerRow * Height;
        return new ReadOnlySpan<byte>(_glyphs, glyph * size, size);
    }

    /// <summary>The glyph for <paramref name="c"/>; <see cref="FallbackGlyph"/> when the font has none.</summary>
    public int GlyphIndex(char c) => GlyphIndexOrNone(c) is int g and >= 0 ? g : FallbackGlyph;

    private int GlyphIndexOrNone(char c)
    {
        if (_unicodeMap != null) return _unicodeMap[c] - 1;
        return c < GlyphCount ? c : -1;
    }

    /// <summary>Parses a PSF1 or PSF2 font (uncompressed).</summary>
    /// <exception cref="FormatException">Not a PSF font, or its header or tables are inconsistent.</exception>
    public static PsfFont Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(data) == Psf2Magic) return ParsePsf2(data);
        if (data.Length >= 2 && BinaryPrimitives.ReadUInt16LittleEndian(data) == Psf1Magic) return ParsePsf1(data);
        throw new FormatException("psf: no PSF1 (36 04) or PSF2 (72 b5 4a 86) magic");
    }

    /// <summary>Parses like <see cref="Parse"/>; returns false with the reason instead of throwing.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out PsfFont font, out string error)
    {
        try
        {
            font = Parse(data);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            font = null;
            error = e.Message;
            return false;
        }
    }

    private static PsfFont ParsePsf1(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4) throw new FormatException($"psf1: header of {data.Length} bytes, expected 4");
        byte mode = data[2];
        int height = data[3];
        if (height == 0 || height > MaxDimension) throw new FormatException($"psf1: glyph height {height} is outside 1..{MaxDimension}");
        int count = (mode & Psf1Mode512) != 0 ? 512 : 256;
        int glyphBytes = count * height;
        if (data.Length < 4 + glyphBytes) throw new FormatException($"psf1: {count} glyphs of {height} bytes need {4 + glyphBytes} bytes, the file has {data.Length}");
        byte[] glyphs = data.Slice(4, glyphBytes).ToArray();
        ushort[] map = null;
        if ((mode & (Psf1ModeHasTable | Psf1ModeHasSequences)) != 0)
            map = ReadPsf1Table(data.Slice(4 + glyphBytes), count);
        return new PsfFont(1, 8, height, count, glyphs, map);
    }

    // Per glyph: UCS-2 code points, then optional sequences each introduced by FFFE, ended by FFFF.
    // Sequences (combining forms) are skipped: the console draws one glyph per character.
    private static ushort[] ReadPsf1Table(ReadOnlySpan<byte> table, int count)
    {
        var map = new ushort[65536];
        int offset = 0;
        for (int glyph = 0; glyph < count; glyph++)
        {
            bool inSequence = false;
            while (true)
            {
                if (offset + 2 > table.Length) throw new FormatException($"psf1: the Unicode table ends inside the entry of glyph {glyph}");
                ushort value = BinaryPrimitives.ReadUInt16LittleEndian(table.Slice(offset));
                offset += 2;
                if (value == 0xFFFF) break;
                if (value == 0xFFFE) { inSequence = true; continue; }
                if (!inSequence && map[value] == 0) map[value] = (ushort)(glyph + 1);
            }
        }
        return map;
    }

    private static PsfFont ParsePsf2(ReadOnlySpan<byte> data)
    {
        if (data.Length < 32) throw new FormatException($"psf2: header of {data.Length} bytes, expected 32");
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(4));
        uint headerSize = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(8));
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(12));
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(16));
        uint charSize = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(20));
        uint height = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(24));
        uint width = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(28));
        if (version != 0) throw new FormatException($"psf2: version {version}, expected 0");
        if (headerSize < 32 || headerSize > data.Length) throw new FormatException($"psf2: header size {headerSize} is outside 32..{data.Length}");
        if (width == 0 || width > MaxDimension || height == 0 || height > MaxDimension)
            throw new FormatException($"psf2: glyph size {width}x{height} is outside 1..{MaxDimension}");
        if (count == 0 || count > MaxGlyphs) throw new FormatException($"psf2: {count} glyphs, expected 1..{MaxGlyphs}");
        if (charSize != (width + 7) / 8 * height) throw new FormatException($"psf2: {charSize} bytes per glyph, a {width}x{height} glyph has {(width + 7) / 8 * height}");
        ulong glyphBytes = (ulong)count * charSize;
        if (headerSize + glyphBytes > (ulong)data.Length)
            throw new FormatException($"psf2: {count} glyphs of {charSize} bytes need {headerSize + glyphBytes} bytes, the file has {data.Length}");
        byte[] glyphs = data.Slice((int)headerSize, (int)glyphBytes).ToArray();
        ushort[] map = (flags & Psf2HasUnicodeTable) != 0 ? ReadPsf2Table(data.Slice((int)(headerSize + glyphBytes)), (int)count) : null;
        return new PsfFont(2, (int)width, (int)height, (int)count, glyphs, map);
    }

    // Per glyph: UTF-8 characters, then optional sequences each introduced by FE, ended by FF.
    private static ushort[] ReadPsf2Table(ReadOnlySpan<byte> table, int count)
    {
        var map = new ushort[65536];
        int offset = 0;
        for (int glyph = 0; glyph < count; glyph++)
        {
            bool inSequence = false;
            while (true)
            {
                if (offset >= table.Length) throw new FormatException($"psf2: the Unicode table ends inside the entry of glyph {glyph}");
                byte lead = table[offset];
                if (lead == 0xFF) { offset++; break; }
                if (lead == 0xFE) { offset++; inSequence = true; continue; }
                int codePoint = DecodeUtf8(table, ref offset, glyph);
                if (!inSequence && codePoint < 0x10000 && map[codePoint] == 0) map[codePoint] = (ushort)(glyph + 1);
            }
        }
        return map;
    }

    private static int DecodeUtf8(ReadOnlySpan<byte> table, ref int offset, int glyph)
    {
        byte lead = table[offset];
        int length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
        if (length == 0 || offset + length > table.Length)
            throw new FormatException($"psf2: bad UTF-8 byte 0x{lead:x2} in the Unicode entry of glyph {glyph}");
        int value = length == 1 ? lead : lead & (0x7F >> length);
        for (int i = 1; i < length; i++)
        {
            byte next = table[offset + i];
            if ((next & 0xC0) != 0x80) throw new FormatException($"psf2: bad UTF-8 continuation 0x{next:x2} in the Unicode entry of glyph {glyph}");
            value = (value << 6) | (next & 0x3F);
        }
        offset += length;
        return value;
    }
}
