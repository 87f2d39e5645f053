using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;
using XairrosX.Drivers.Video;

namespace XairrosX.Tests.Integration;

/// <summary>
/// A QEMU screendump (binary PPM, P6): reading, saving as PNG (a minimal encoder: one IDAT, filter 0), and
/// reading text back from it by matching each 8x16 cell against the console font pixel for pixel.
/// </summary>
public sealed class ScreenImage
{
    public int Width { get; }
    public int Height { get; }
    private readonly byte[] _rgb;

    private ScreenImage(int width, int height, byte[] rgb) { Width = width; Height = height; _rgb = rgb; }

    public static ScreenImage ReadPpm(string path)
    {
        byte[] data = File.ReadAllBytes(path);
        int offset = 0;
        string Token()
        {
            while (offset < data.Length && char.IsWhiteSpace((char)data[offset])) offset++;
            int start = offset;
            while (offset < data.Length && !char.IsWhiteSpace((char)data[offset])) offset++;
            return Encoding.ASCII.GetString(data, start, offset - start);
        }
        if (Token() != "P6") throw new InvalidDataException($"{path} is not a binary PPM");
        int width = int.Parse(Token()), height = int.Parse(Token()), max = int.Parse(Token());
        if (max != 255) throw new InvalidDataException($"{path}: maximum value {max}, expected 255");
        offset++; // the single whitespace before the pixels
        if (data.Length - offset < width * height * 3) throw new InvalidDataException($"{path} is truncated");
        return new ScreenImage(width, height, data.AsSpan(offset, width * height * 3).ToArray());
    }

    public (byte R, byte G, byte B) Pixel(int x, int y)
    {
        int i = (y * Width + x) * 3;
        return (_rgb[i], _rgb[i + 1], _rgb[i + 2]);
    }

    public int CountPixelsNot((byte, byte, byte) colour)
    {
        int n = 0;
        for (int y = 0; y < Height; y++) for (int x = 0; x < Width; x++) if (Pixel(x, y) != colour) n++;
        return n;
    }

    /// <summary>Whether the cell shows <paramref name="c"/> exactly in the given colours.</summary>
    public bool CellShows(PsfFont font, int row, int column, char c, (byte, byte, byte) foreground, (byte, byte, byte) background)
    {
        ReadOnlySpan<byte> glyph = font.Glyph(font.GlyphIndex(c));
        for (int y = 0; y < font.Height; y++)
            for (int x = 0; x < font.Width; x++)
            {
                bool on = (glyph[y * font.BytesPerRow + x / 8] & (0x80 >> (x % 8))) != 0;
                if (Pixel(column * font.Width + x, row * font.Height + y) != (on ? foreground : background)) return false;
            }
        return true;
    }

    /// <summary>The text of a row: printable ASCII recognised in the given colours, '\0' for cells that match nothing.</summary>
    public string RowText(PsfFont font, int row, (byte, byte, byte) foreground, (byte, byte, byte) background)
    {
        var text = new StringBuilder();
        for (int column = 0; column < Width / font.Width; column++)
        {
            char found = '\0';
            for (char c = ' '; c <= '~' && found == '\0'; c++)
                if (CellShows(font, row, column, c, foreground, background)) found = c;
            text.Append(found);
        }
        return text.ToString();
    }

    public void SavePng(string path)
    {
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
            for (int y = 0; y < Height; y++) { z.WriteByte(0); z.Write(_rgb, y * Width * 3, Width * 3); }
        using var png = File.Create(path);
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
    }

    private static void Chunk(Stream png, string type, byte[] body)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        png.Write(length);
        byte[] typeAndBody = [.. Encoding.ASCII.GetBytes(type), .. body];
        png.Write(typeAndBody);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndBody));
        png.Write(crc);
    }

    // CRC-32 (ISO-HDLC, reflected 0xEDB88320), as PNG chunks require.
    private static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
