using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using XairrosX.Drivers.Console;
using XairrosX.Drivers.Video;
using XairrosX.Kernel.Boot;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>The console in the kernel: the embedded font, framebuffer rendering at 16/24/32 bpp into a scratch
/// buffer (the real screen is left alone), and the line editor compiled by ilc.</summary>
internal static unsafe class ConsoleCases
{
    public static IEnumerable<SelfTestCase> All() =>
    [
        new("console.embedded_font", t =>
        {
            PsfFont font = PsfFont.Parse(ScreenSetup.EmbeddedFont);
            t.Equal(8, font.Width, "width");
            t.Equal(16, font.Height, "height");
            t.True(font.Glyph(font.GlyphIndex('H')).IndexOfAnyExcept((byte)0) >= 0, "'H' has pixels");
        }),
        new("console.framebuffer_render", t =>
        {
            PsfFont font = PsfFont.Parse(ScreenSetup.EmbeddedFont);
            foreach (byte bpp in new byte[] { 16, 24, 32 })
            {
                int bytes = (bpp + 7) / 8;
                var mode = bpp == 16
                    ? new FramebufferMode(0, 16 * 2, 16, 32, 16, 11, 5, 5, 6, 0, 5)
                    : new FramebufferMode(0, (uint)(16 * bytes), 16, 32, bpp, 16, 8, 8, 8, 0, 8);
                byte* pixels = (byte*)NativeMemory.AllocZeroed(mode.Pitch * mode.Height);
                try
                {
                    var console = new FramebufferConsole(mode, font, pixels);
                    console.Write('H');
                    console.Flush();
                    ReadOnlySpan<byte> glyph = font.Glyph(font.GlyphIndex('H'));
                    uint grey = mode.Pack(0xAA, 0xAA, 0xAA);
                    int mismatches = 0;
                    for (int y = 0; y < 16; y++)
                        for (int x = 0; x < 8; x++)
                        {
                            byte* p = pixels + y * mode.Pitch + x * bytes;
                            uint value = bytes == 2 ? *(ushort*)p : bytes == 3 ? (uint)(p[0] | p[1] << 8 | p[2] << 16) : *(uint*)p;
                            bool on = (glyph[y] & (0x80 >> x)) != 0;
                            if (value != (on ? grey : 0)) mismatches++;
                        }
                    t.Equal(0, mismatches, $"{bpp} bpp: pixels of 'H' differing from the font");
                }
                finally
                {
                    NativeMemory.Free(pixels);
                }
            }
        }),
        // A framebuffer above the boot identity map (4 GiB) gets mapped with 2 MiB pages; QEMU has nothing at
        // 5 GiB, so reads return whatever unassigned memory gives: the check is that they do not fault.
        new("console.kernel_map_above_4gib", t =>
        {
            const ulong address = 5UL << 30;
            t.True(XairrosX.Drivers.Platform.PageTables.MapIdentityLarge(address, address + (4 << 20), &AllocateTable), "mapped");
            t.True(XairrosX.Drivers.Platform.PageTables.MapIdentityLarge(address, address + (2 << 20), &AllocateTable), "mapping again is harmless");
            int reads = 0;
            for (ulong offset = 0; offset < (4 << 20); offset += 1 << 20) { _ = System.Threading.Volatile.Read(ref *(ulong*)(address + offset)); reads++; }
            t.Equal(4, reads, "reads through the new mapping");
        }),
        new("console.line_editor", t =>
        {
            var editor = new LineEditor(64);
            var echo = new Collector();
            foreach (KeyPress k in new[] { new KeyPress(EditKey.Character, 'a'), new KeyPress(EditKey.Character, 'c'),
                         new KeyPress(EditKey.Left), new KeyPress(EditKey.Character, 'b'), new KeyPress(EditKey.Enter) })
                editor.Feed(k, echo);
            t.Equal("abc", editor.TakeLine(), "edited line");
            editor.Feed(new KeyPress(EditKey.Up), echo);
            t.Equal("abc", editor.Text.ToString(), "history");
            var decoder = new AnsiKeyDecoder();
            KeyPress last = default;
            foreach (byte b in "\u001b[3~"u8) last = decoder.Feed(b);
            t.Equal(EditKey.Delete, last.Key, "ESC [ 3 ~");
            t.True(echo.Count > 0, "echo written");
        }),
    ];

    private static void* AllocateTable(nuint bytes) => XairrosX.Plugs.Memory.PageAllocator.AllocatePagesOrPanic(bytes);

    private sealed class Collector : ITerminalWriter
    {
        public int Count;
        public void Write(char c) => Count++;
    }
}
