using System;
using System.Runtime.InteropServices;
using XairrosX.Drivers.Console;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Video;
using XairrosX.Plugs.Memory;

namespace XairrosX.Kernel.Boot;

/// <summary>
/// Moves the console to the framebuffer GRUB set up (an RGB mode of 16, 24 or 32 bpp), drawn with the PSF
/// font linked into the kernel (Boot/console_font.asm); otherwise the VGA text console stays.
/// Everything the console printed before is on the serial line; the screen starts with the boot banner.
/// </summary>
public static unsafe class ScreenSetup
{
    private const ulong IdentityMappedLimit = 4UL << 30; // boot.asm maps the first 4 GiB

    [DllImport("*", EntryPoint = "xx_console_font"), SuppressGCTransition]
    private static extern byte* ConsoleFontData(ulong* length);

    /// <summary>The PSF font embedded at build time.</summary>
    public static ReadOnlySpan<byte> EmbeddedFont
    {
        get
        {
            ulong length;
            byte* data = ConsoleFontData(&length);
            return new ReadOnlySpan<byte>(data, (int)length);
        }
    }

    /// <summary>
    /// The framebuffer mode the console can draw into, or null with the reason it cannot (no framebuffer,
    /// text or indexed mode, an unsupported pixel format).
    /// </summary>
    public static FramebufferMode? Drawable(FramebufferInfo? framebuffer, out string reason)
    {
        reason = null;
        if (framebuffer is not { } fb) { reason = "the boot loader gave no framebuffer"; return null; }
        if (fb.Type != FramebufferType.Rgb) { reason = $"the boot loader left the display in {fb.Type} mode"; return null; }
        var mode = new FramebufferMode(fb.Address, fb.Pitch, fb.Width, fb.Height, fb.BitsPerPixel,
            fb.RedPosition, fb.RedSize, fb.GreenPosition, fb.GreenSize, fb.BluePosition, fb.BlueSize);
        if (!mode.IsSupported) { reason = $"{fb.Width}x{fb.Height} at {fb.BitsPerPixel} bpp is not a pixel format the console draws"; return null; }
        if (fb.Address == 0 || fb.Address + mode.SizeInBytes < fb.Address) { reason = $"framebuffer address 0x{fb.Address:x} is not usable"; return null; }
        return mode;
    }

    /// <summary>Switches the screen to the framebuffer when possible; returns the boot-log line saying what the console uses.</summary>
    public static string Start(FramebufferInfo? framebuffer)
    {
        if (Drawable(framebuffer, out string reason) is not { } mode) return $"console: VGA text ({reason})";
        if (!PsfFont.TryParse(EmbeddedFont, out PsfFont font, out string fontError)) return $"console: VGA text (embedded font: {fontError})";
        ulong end = mode.Address + mode.SizeInBytes;
        if (end > IdentityMappedLimit && !PageTables.MapIdentityLarge(mode.Address, end, &AllocateTable))
            return $"console: VGA text (the framebuffer at 0x{mode.Address:x} could not be mapped)";
        var console = new FramebufferConsole(mode, font, (byte*)mode.Address);
        ScreenConsole.UseFramebuffer(console);
        return $"console: framebuffer {mode.Width}x{mode.Height}x{mode.BitsPerPixel} at 0x{mode.Address:x}, " +
               $"{console.Columns}x{console.Rows} cells of a {font.Width}x{font.Height} PSF{font.Version} font ({font.GlyphCount} glyphs)";
    }

    private static void* AllocateTable(nuint bytes) => PageAllocator.AllocatePagesOrPanic(bytes);
}
