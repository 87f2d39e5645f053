using System;

namespace XairrosX.Drivers.Video;

/// <summary>
/// A text console drawn with a <see cref="PsfFont"/> into a linear framebuffer (16, 24 or 32 bpp).
/// Writes go to a shadow grid of cells (character + VGA attribute) and mark rows dirty; <see cref="Flush"/>
/// renders the dirty rows, one pixel row of a text row at a time into a span over the framebuffer, with the
/// cursor cell drawn in inverted colours. Scrolling moves the cells and dirties every row, so a burst of
/// output costs one repaint per flush instead of a pixel memmove per line; the owner flushes when it waits
/// for input, and <see cref="Write"/> flushes by itself after a screenful of scrolling so long output still
/// moves. Writing and flushing allocate nothing.
/// </summary>
public sealed unsafe class FramebufferConsole
{
    private readonly FramebufferMode _mode;
    private readonly PsfFont _font;
    private readonly byte* _pixels;
    private readonly uint[] _cells;
    private readonly bool[] _dirty;
    private readonly uint[] _palette = new uint[16];
    private int _row, _column, _drawnCursorRow = -1, _drawnCursorColumn = -1, _scrollsSinceFlush;
    private bool _anyDirty;

    /// <summary>Takes over the framebuffer at <paramref name="pixels"/> (the mode's address, mapped) and clears it.</summary>
    /// <exception cref="ArgumentException">The mode is not drawable or smaller than one glyph.</exception>
    public FramebufferConsole(FramebufferMode mode, PsfFont font, byte* pixels)
    {
        if (!mode.IsSupported) throw new ArgumentException($"framebuffer: {mode.BitsPerPixel} bpp with this layout is not supported", nameof(mode));
        ArgumentNullException.ThrowIfNull(font);
        _mode = mode;
        _font = font;
        _pixels = pixels;
        Columns = (int)(mode.Width / (uint)font.Width);
        Rows = (int)(mode.Height / (uint)font.Height);
        if (Columns == 0 || Rows == 0) throw new ArgumentException($"framebuffer: {mode.Width}x{mode.Height} holds no {font.Width}x{font.Height} cell", nameof(mode));
        _cells = new uint[Columns * Rows];
        _dirty = new bool[Rows];
        for (int i = 0; i < 16; i++) _palette[i] = mode.Pack(VgaPalette.Red(i), VgaPalette.Green(i), VgaPalette.Blue(i));
        for (uint y = 0; y < mode.Height; y++) new Span<byte>(pixels + y * mode.Pitch, (int)(mode.Width * (uint)mode.BytesPerPixel)).Clear();
        Clear();
    }

    /// <summary>Text columns.</summary>
    public int Columns { get; }
    /// <summary>Text rows.</summary>
    public int Rows { get; }
    /// <summary>Cursor row (0-based).</summary>
    public int CursorRow => _row;
    /// <summary>Cursor column (0-based).</summary>
    public int CursorColumn => _column;
    /// <summary>Colour attribute of new characters: background in the high nibble, foreground in the low (VGA style).</summary>
    public byte Attribute { get; set; } = 0x07;

    /// <summary>The character in a cell of the shadow grid.</summary>
    public char CharAt(int row, int column) => (char)(_cells[row * Columns + column] & 0xFFFF);

    /// <summary>The attribute of a cell of the shadow grid.</summary>
    public byte AttributeAt(int row, int column) => (byte)(_cells[row * Columns + column] >> 16);

    /// <summary>Blanks the grid in the current attribute and homes the cursor.</summary>
    public void Clear()
    {
        _cells.AsSpan().Fill(Blank);
        _dirty.AsSpan().Fill(true);
        _anyDirty = true;
        _row = _column = 0;
    }

    /// <summary>Moves the cursor to the top-left cell.</summary>
    public void Home() => _row = _column = 0;

    private uint Blank => ' ' | (uint)Attribute << 16;

    /// <summary>
    /// Writes one character: newline, carriage return, tab and backspace (cursor left, back onto the previous
    /// row from column 0, since lines wrap) are controls; other control characters are ignored.
    /// </summary>
    public void Write(char c)
    {
        switch (c)
        {
            case '\n': _column = 0; NewLine(); return;
            case '\r': _column = 0; return;
            case '\b':
                if (_column > 0) _column--;
                else if (_row > 0) { _row--; _column = Columns - 1; }
                return;
            case '\t': do Write(' '); while (_column % 8 != 0); return;
        }
        if (c < ' ' || c == '\u007f') return;
        _cells[_row * Columns + _column] = c | (uint)Attribute << 16;
        _dirty[_row] = true;
        _anyDirty = true;
        if (++_column == Columns) { _column = 0; NewLine(); }
    }

    private void NewLine()
    {
        if (++_row < Rows) return;
        _cells.AsSpan(Columns).CopyTo(_cells);
        _cells.AsSpan((Rows - 1) * Columns).Fill(Blank);
        _dirty.AsSpan().Fill(true);
        _anyDirty = true;
        _row = Rows - 1;
        if (++_scrollsSinceFlush >= Rows) Flush();
    }

    /// <summary>Renders every dirty row and the cursor; does nothing when nothing changed since the last flush.</summary>
    public void Flush()
    {
        _scrollsSinceFlush = 0;
        if (!_anyDirty && _drawnCursorRow == _row && _drawnCursorColumn == _column) return;
        _anyDirty = false;
        if (_drawnCursorRow >= 0 && _drawnCursorRow != _row) _dirty[_drawnCursorRow] = true;
        _dirty[_row] = true;
        for (int r = 0; r < Rows; r++)
        {
            if (!_dirty[r]) continue;
            _dirty[r] = false;
            RenderRow(r);
        }
        _drawnCursorRow = _row;
        _drawnCursorColumn = _column;
    }

    private void RenderRow(int row)
    {
        int glyphWidth = _font.Width, glyphHeight = _font.Height, bytesPerRow = _font.BytesPerRow;
        int cursorColumn = row == _row ? _column : -1;
        for (int column = 0; column < Columns; column++)
        {
            uint cell = _cells[row * Columns + column];
            uint foreground = _palette[(cell >> 16) & 0xF], background = _palette[(cell >> 20) & 0xF];
            if (column == cursorColumn) (foreground, background) = (background, foreground);
            ReadOnlySpan<byte> glyph = _font.Glyph(_font.GlyphIndex((char)(cell & 0xFFFF)));
            int x = column * glyphWidth;
            for (int y = 0; y < glyphHeight; y++)
            {
                byte* line = _pixels + (ulong)(row * glyphHeight + y) * _mode.Pitch;
                ReadOnlySpan<byte> bits = glyph.Slice(y * bytesPerRow, bytesPerRow);
                switch (_mode.BytesPerPixel)
                {
                    case 4: DrawGlyphRow(new Span<uint>((uint*)line + x, glyphWidth), bits, foreground, background); break;
                    case 2: DrawGlyphRow(new Span<ushort>((ushort*)line + x, glyphWidth), bits, (ushort)foreground, (ushort)background); break;
                    default: DrawGlyphRow24(new Span<byte>(line + x * 3, glyphWidth * 3), bits, foreground, background); break;
                }
            }
        }
    }

    private static void DrawGlyphRow<T>(Span<T> pixels, ReadOnlySpan<byte> bits, T foreground, T background)
    {
        for (int px = 0; px < pixels.Length; px++)
            pixels[px] = (bits[px >> 3] & (0x80 >> (px & 7))) != 0 ? foreground : background;
    }

    private static void DrawGlyphRow24(Span<byte> pixels, ReadOnlySpan<byte> bits, uint foreground, uint background)
    {
        for (int px = 0; px * 3 < pixels.Length; px++)
        {
            uint value = (bits[px >> 3] & (0x80 >> (px & 7))) != 0 ? foreground : background;
            pixels[px * 3] = (byte)value;
            pixels[px * 3 + 1] = (byte)(value >> 8);
            pixels[px * 3 + 2] = (byte)(value >> 16);
        }
    }
}
