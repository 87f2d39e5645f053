using System;
using System.Runtime.InteropServices;
using XairrosX.Drivers.Console;
using XairrosX.Drivers.Video;
using Xunit;

namespace XairrosX.Tests.Drivers.Video;

public unsafe class FramebufferConsoleTests
{
    private static readonly PsfFont Font = PsfFont.Parse(ConsoleFontFile.Load());

    /// <summary>A framebuffer in host memory (pitch padded past the visible width, as real ones often are).</summary>
    private sealed class HostFramebuffer : IDisposable
    {
        public readonly FramebufferMode Mode;
        public readonly byte* Pixels;

        public HostFramebuffer(uint width, uint height, byte bpp)
        {
            uint pitch = width * (uint)((bpp + 7) / 8) + 64;
            Mode = bpp switch
            {
                16 => new FramebufferMode(0, pitch, width, height, 16, 11, 5, 5, 6, 0, 5),
                24 => new FramebufferMode(0, pitch, width, height, 24, 16, 8, 8, 8, 0, 8),
                _ => new FramebufferMode(0, pitch, width, height, 32, 16, 8, 8, 8, 0, 8),
            };
            Pixels = (byte*)NativeMemory.AllocZeroed(pitch * height);
            new Span<byte>(Pixels, (int)(pitch * height)).Fill(0x5A); // garbage the console must clear
        }

        public uint Pixel(int x, int y)
        {
            byte* p = Pixels + (ulong)y * Mode.Pitch + (ulong)(x * Mode.BytesPerPixel);
            return Mode.BytesPerPixel switch { 2 => *(ushort*)p, 3 => (uint)(p[0] | p[1] << 8 | p[2] << 16), _ => *(uint*)p };
        }

        public void Dispose() => NativeMemory.Free(Pixels);
    }

    // Checks that cell (row, column) shows character c in the given colours, pixel by pixel, against the font.
    private static void AssertCell(HostFramebuffer fb, int row, int column, char c, uint foreground, uint background)
    {
        ReadOnlySpan<byte> glyph = Font.Glyph(Font.GlyphIndex(c));
        for (int y = 0; y < Font.Height; y++)
            for (int x = 0; x < Font.Width; x++)
            {
                bool on = (glyph[y * Font.BytesPerRow + x / 8] & (0x80 >> (x % 8))) != 0;
                uint expected = on ? foreground : background;
                uint actual = fb.Pixel(column * Font.Width + x, row * Font.Height + y);
                Assert.True(expected == actual, $"cell ({row},{column}) '{c}' pixel ({x},{y}): expected {expected:x}, got {actual:x}");
            }
    }

    private static void Write(FramebufferConsole console, string text)
    {
        foreach (char c in text) console.Write(c);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(24)]
    [InlineData(16)]
    public void RendersGlyphsInTheModesColours(byte bpp)
    {
        using var fb = new HostFramebuffer(80, 48, bpp);
        var console = new FramebufferConsole(fb.Mode, Font, fb.Pixels);
        Assert.Equal((10, 3), (console.Columns, console.Rows));
        console.Attribute = 0x1E; // yellow on blue
        Write(console, "Hé");
        console.Attribute = 0x07;
        Write(console, "\nx");
        console.Flush();
        uint yellow = fb.Mode.Pack(0xFF, 0xFF, 0x55), blue = fb.Mode.Pack(0, 0, 0xAA), grey = fb.Mode.Pack(0xAA, 0xAA, 0xAA);
        AssertCell(fb, 0, 0, 'H', yellow, blue);
        AssertCell(fb, 0, 1, 'é', yellow, blue);
        AssertCell(fb, 1, 0, 'x', grey, 0);
        AssertCell(fb, 1, 1, ' ', 0, grey); // the cursor: an inverted cell
        AssertCell(fb, 2, 9, ' ', grey, 0);
        Assert.Equal(0x5A5A5A5Au & (bpp == 16 ? 0xFFFFu : bpp == 24 ? 0xFFFFFFu : 0xFFFFFFFFu), fb.Pixel(80, 0)); // padding past the width is left alone
    }

    [Fact]
    public void RenderingWaitsForFlushAndScrollingMovesTheText()
    {
        using var fb = new HostFramebuffer(80, 48, 32);
        var console = new FramebufferConsole(fb.Mode, Font, fb.Pixels);
        console.Flush();
        Write(console, "A");
        uint grey = fb.Mode.Pack(0xAA, 0xAA, 0xAA);
        AssertCell(fb, 0, 0, ' ', 0, grey); // not drawn yet: the cursor is still there
        Write(console, "\nB\nC\nD");
        console.Flush();
        Assert.Equal(('B', 'C', 'D'), (console.CharAt(0, 0), console.CharAt(1, 0), console.CharAt(2, 0)));
        AssertCell(fb, 0, 0, 'B', grey, 0);
        AssertCell(fb, 2, 0, 'D', grey, 0);
        AssertCell(fb, 2, 1, ' ', 0, grey);
    }

    [Fact]
    public void FlushWithoutChangesDrawsNothing()
    {
        using var fb = new HostFramebuffer(80, 48, 32);
        var console = new FramebufferConsole(fb.Mode, Font, fb.Pixels);
        Write(console, "A");
        console.Flush();
        *(uint*)fb.Pixels = 0x123456; // a pixel of cell (0,0), scribbled over behind the console's back
        console.Flush();
        Assert.Equal(0x123456u, fb.Pixel(0, 0)); // idle flushes (the terminal flushes while waiting for input) are free
        Write(console, "\b");
        console.Flush(); // the cursor moved onto that row: it is drawn again
        AssertCell(fb, 0, 0, 'A', 0, fb.Mode.Pack(0xAA, 0xAA, 0xAA));
    }

    [Fact]
    public void AScreenfulOfScrollingFlushesByItself()
    {
        using var fb = new HostFramebuffer(80, 48, 32);
        var console = new FramebufferConsole(fb.Mode, Font, fb.Pixels);
        Write(console, "1\n2\n3\n4\n5\n6");
        AssertCell(fb, 0, 0, '4', fb.Mode.Pack(0xAA, 0xAA, 0xAA), 0); // three scrolls of a 3-row screen: rendered
    }

    [Fact]
    public void ControlsWrapTabAndBackspace()
    {
        using var fb = new HostFramebuffer(80, 48, 32);
        var console = new FramebufferConsole(fb.Mode, Font, fb.Pixels);
        Write(console, "0123456789a");
        Assert.Equal((1, 1), (console.CursorRow, console.CursorColumn));
        Write(console, "\b\b");
        Assert.Equal((0, 9), (console.CursorRow, console.CursorColumn)); // back across the wrap
        Write(console, "Z\r\tT\u0007");
        Assert.Equal(('Z', 'T', ' '), (console.CharAt(0, 9), console.CharAt(1, 8), console.CharAt(1, 9)));
        console.Home();
        Assert.Equal((0, 0), (console.CursorRow, console.CursorColumn));
        console.Clear();
        Assert.Equal(' ', console.CharAt(0, 9));
    }

    [Fact]
    public void UnsupportedModesAreRejected()
    {
        using var fb = new HostFramebuffer(80, 48, 32);
        Assert.Throws<ArgumentException>(() => new FramebufferConsole(fb.Mode with { BitsPerPixel = 8 }, Font, fb.Pixels));
        Assert.Throws<ArgumentException>(() => new FramebufferConsole(fb.Mode with { Pitch = 10 }, Font, fb.Pixels));
        Assert.Throws<ArgumentException>(() => new FramebufferConsole(fb.Mode with { Width = 7 }, Font, fb.Pixels));
        Assert.False((fb.Mode with { RedPosition = 30 }).IsSupported);
    }

    [Fact]
    public void ScreenConsoleAppliesAnsiColoursAndClear()
    {
        using var fb = new HostFramebuffer(80, 48, 32);
        var console = new FramebufferConsole(fb.Mode, Font, fb.Pixels);
        ScreenConsole.UseFramebuffer(console);
        try
        {
            foreach (char c in "\u001b[31mR\u001b[1;44mB\u001b[0mN\u001b[5;5Hx\u001b[?25l") ScreenConsole.Write(c);
            Assert.Equal("RBNx ", $"{console.CharAt(0, 0)}{console.CharAt(0, 1)}{console.CharAt(0, 2)}{console.CharAt(0, 3)}{console.CharAt(0, 4)}");
            Assert.Equal(0x04, console.AttributeAt(0, 0)); // ANSI red is VGA 4
            Assert.Equal(0x1C, console.AttributeAt(0, 1)); // bold red on blue
            Assert.Equal(0x07, console.AttributeAt(0, 2));
            foreach (char c in "\u001b[2J\u001b[H") ScreenConsole.Write(c);
            Assert.Equal((' ', 0, 0), (console.CharAt(0, 0), console.CursorRow, console.CursorColumn));
        }
        finally
        {
            ScreenConsole.SetColor(0x07);
        }
    }
}
