namespace XairrosX.Drivers.Video;

/// <summary>
/// The 16 colours of the VGA text attribute (index = attribute nibble: black, blue, green, cyan, red,
/// magenta, brown, light grey, then their bright forms), as the standard VGA DAC programs them, so that the
/// framebuffer console shows what text mode would.
/// </summary>
public static class VgaPalette
{
    // 0xRRGGBB per index. A switch rather than a static array: no static constructor, usable at any time.
    private static uint Rgb(int index) => (index & 15) switch
    {
        0 => 0x000000, 1 => 0x0000AA, 2 => 0x00AA00, 3 => 0x00AAAA,
        4 => 0xAA0000, 5 => 0xAA00AA, 6 => 0xAA5500, 7 => 0xAAAAAA,
        8 => 0x555555, 9 => 0x5555FF, 10 => 0x55FF55, 11 => 0x55FFFF,
        12 => 0xFF5555, 13 => 0xFF55FF, 14 => 0xFFFF55, _ => 0xFFFFFF,
    };

    /// <summary>Red channel of colour <paramref name="index"/> (0–15).</summary>
    public static byte Red(int index) => (byte)(Rgb(index) >> 16);
    /// <summary>Green channel of colour <paramref name="index"/>.</summary>
    public static byte Green(int index) => (byte)(Rgb(index) >> 8);
    /// <summary>Blue channel of colour <paramref name="index"/>.</summary>
    public static byte Blue(int index) => (byte)Rgb(index);
}
