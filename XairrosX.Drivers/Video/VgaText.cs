using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Video;

/// <summary>
/// The 80×25 VGA text screen at 0xB8000: writes characters, scrolls, keeps a cursor (the CRT controller's
/// hardware cursor follows on <see cref="Flush"/>). One of the two back ends of the screen console.
/// </summary>
public static unsafe class VgaText
{
    /// <summary>Columns of the text screen.</summary>
    public const int Width = 80;
    /// <summary>Rows of the text screen.</summary>
    public const int Height = 25;
    private static ushort* s_buffer = (ushort*)0xB8000;
    private static int s_row, s_column, s_cursorShown = -1;
    private static byte s_attribute = 0x07;
    private static bool s_enabled = true;

    /// <summary>False when the screen is a graphics framebuffer (the framebuffer console takes over).</summary>
    public static bool Enabled { get => s_enabled; set => s_enabled = value; }

    /// <summary>Sets the colour attribute (background high nibble, foreground low nibble).</summary>
    public static void SetColor(byte attribute) => s_attribute = attribute;

    /// <summary>Clears the screen and homes the cursor.</summary>
    public static void Clear()
    {
        if (!s_enabled) return;
        for (int i = 0; i < Width * Height; i++) s_buffer[i] = (ushort)(' ' | (s_attribute << 8));
        s_row = s_column = 0;
    }

    /// <summary>Homes the cursor.</summary>
    public static void Home() => s_row = s_column = 0;

    /// <summary>Moves the blinking hardware cursor to the text cursor (CRTC registers 0x0E/0x0F).</summary>
    public static void Flush()
    {
        int position = s_row * Width + s_column;
        if (!s_enabled || position == s_cursorShown) return;
        s_cursorShown = position;
        Ports.Out8(0x3D4, 0x0F);
        Ports.Out8(0x3D5, (byte)position);
        Ports.Out8(0x3D4, 0x0E);
        Ports.Out8(0x3D5, (byte)(position >> 8));
    }

    /// <summary>
    /// Writes one character; handles newline, carriage return, tab and backspace (cursor left without erasing,
    /// back onto the previous row from column 0 since lines wrap — the line editor relies on both).
    /// </summary>
    public static void Write(char c)
    {
        if (!s_enabled) return;
        switch (c)
        {
            case '\n': s_column = 0; NewLine(); return;
            case '\r': s_column = 0; return;
            case '\b':
                if (s_column > 0) s_column--;
                else if (s_row > 0) { s_row--; s_column = Width - 1; }
                return;
            case '\t': do Write(' '); while ((s_column & 7) != 0); return;
        }
        if (c < ' ' || c > '~') c = c == '\u2026' ? '~' : (c < ' ' ? ' ' : '?');
        s_buffer[s_row * Width + s_column] = (ushort)(c | (s_attribute << 8));
        if (++s_column == Width) { s_column = 0; NewLine(); }
    }

    private static void NewLine()
    {
        if (++s_row < Height) return;
        for (int i = 0; i < Width * (Height - 1); i++) s_buffer[i] = s_buffer[i + Width];
        for (int i = Width * (Height - 1); i < Width * Height; i++) s_buffer[i] = (ushort)(' ' | (s_attribute << 8));
        s_row = Height - 1;
    }
}
