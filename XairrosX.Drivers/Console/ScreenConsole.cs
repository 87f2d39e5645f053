using XairrosX.Drivers.Video;

namespace XairrosX.Drivers.Console;

/// <summary>
/// The screen side of the kernel terminal: one text console with two back ends, the VGA text screen
/// (<see cref="VgaText"/>, from the first instruction on, and the fallback when the boot loader gives no linear
/// framebuffer) and the <see cref="FramebufferConsole"/> (once the kernel has parsed the font and the
/// framebuffer). It interprets the few ANSI sequences the kernel writes — SGR colours <c>ESC[…m</c> (30–37,
/// 90–97, 40–47, 1, 39, 49, 0), <c>ESC[2J</c> (clear) and <c>ESC[H</c> (home) — and drops any other
/// sequence, so that what goes to the serial terminal can go here unchanged.
/// Primitive statics only: it runs before the runtime is initialized; the framebuffer back end's object
/// lives in <see cref="FramebufferSlot"/> and is touched only once installed.
/// </summary>
public static unsafe class ScreenConsole
{
    private const int Ground = 0, Escape = 1, Csi = 2;
    private static bool s_framebuffer;
    private static byte s_attribute = 0x07;
    private const int MaxParameters = 8;
    private struct Parameters { public fixed int Values[MaxParameters]; }
    private static Parameters s_parameters;
    private static int s_state, s_parameterCount;
    private static bool s_bold;

    /// <summary>Whether the framebuffer back end is in use (else VGA text).</summary>
    public static bool UsesFramebuffer => s_framebuffer;

    /// <summary>Switches to the framebuffer back end (clearing it) and stops writing the VGA text screen.</summary>
    public static void UseFramebuffer(FramebufferConsole console)
    {
        console.Attribute = s_attribute;
        console.Clear();
        FramebufferSlot.Console = console;
        s_framebuffer = true;
        VgaText.Enabled = false;
    }

    /// <summary>Sets the colour attribute (VGA style: background high nibble, foreground low nibble).</summary>
    public static void SetColor(byte attribute)
    {
        s_attribute = attribute;
        VgaText.SetColor(attribute);
        if (s_framebuffer) FramebufferSlot.Console.Attribute = attribute;
    }

    /// <summary>Clears the screen and homes the cursor.</summary>
    public static void Clear()
    {
        if (s_framebuffer) FramebufferSlot.Console.Clear();
        else VgaText.Clear();
    }

    /// <summary>Makes what was written visible (renders the framebuffer, moves the VGA cursor).</summary>
    public static void Flush()
    {
        if (s_framebuffer) FramebufferSlot.Console.Flush();
        else VgaText.Flush();
    }

    /// <summary>Writes one character (or one byte of an escape sequence).</summary>
    public static void Write(char c)
    {
        switch (s_state)
        {
            case Escape:
                s_state = c == '[' ? Csi : Ground;
                s_parameterCount = 1;
                s_parameters.Values[0] = 0;
                return;
            case Csi:
                ref int current = ref s_parameters.Values[s_parameterCount - 1];
                if (c >= '0' && c <= '9') { if (current < 1000) current = current * 10 + (c - '0'); return; }
                if (c == ';')
                {
                    if (s_parameterCount < MaxParameters) s_parameters.Values[s_parameterCount++] = 0;
                    return;
                }
                if (c >= ' ' && c <= '?') return; // private markers and intermediates ('?', '>', ' ' …): ignored
                s_state = Ground;
                int first = s_parameters.Values[0];
                if (c == 'm') { for (int i = 0; i < s_parameterCount; i++) ApplySgr(s_parameters.Values[i]); }
                else if (c == 'J' && first == 2) Clear();
                else if (c == 'H' && s_parameterCount == 1 && first == 0) Home();
                return;
        }
        if (c == '\u001b') { s_state = Escape; return; }
        if (s_framebuffer) FramebufferSlot.Console.Write(c);
        else VgaText.Write(c);
    }

    private static void Home()
    {
        if (s_framebuffer) FramebufferSlot.Console.Home();
        else VgaText.Home();
    }

    // One SGR parameter. ANSI numbers colours black, red, green, yellow, blue, magenta, cyan, white:
    // VGA swaps the red and blue bits.
    private static void ApplySgr(int p)
    {
        byte attribute = s_attribute;
        if (p == 0) { attribute = 0x07; s_bold = false; }
        else if (p == 1) { s_bold = true; attribute |= 0x08; }
        else if (p == 22) { s_bold = false; attribute &= 0xF7; }
        else if (p >= 30 && p <= 37) attribute = (byte)((attribute & 0xF0) | AnsiToVga(p - 30) | (s_bold ? 8 : 0));
        else if (p >= 90 && p <= 97) attribute = (byte)((attribute & 0xF0) | AnsiToVga(p - 90) | 8);
        else if (p == 39) attribute = (byte)((attribute & 0xF0) | 0x07);
        else if (p >= 40 && p <= 47) attribute = (byte)((attribute & 0x0F) | AnsiToVga(p - 40) << 4);
        else if (p == 49) attribute &= 0x0F;
        else return;
        SetColor(attribute);
    }

    private static int AnsiToVga(int ansi) => (ansi & 2) | (ansi & 1) << 2 | (ansi & 4) >> 2;
}

/// <summary>Holds the framebuffer back end (a GC static, kept apart so that ScreenConsole has none).</summary>
internal static class FramebufferSlot
{
    internal static FramebufferConsole Console;
}
