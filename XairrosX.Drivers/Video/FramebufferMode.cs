namespace XairrosX.Drivers.Video;

/// <summary>
/// A linear framebuffer as the boot loader describes it: physical address, bytes per scan line, size in
/// pixels, bits per pixel and where each colour channel sits in a pixel (bit position and width).
/// </summary>
/// <param name="Address">Physical (= identity-mapped virtual) address of pixel (0, 0).</param>
/// <param name="Pitch">Bytes from one scan line to the next.</param>
/// <param name="Width">Pixels per scan line.</param>
/// <param name="Height">Scan lines.</param>
/// <param name="BitsPerPixel">16, 24 or 32 are drawn; others are rejected by <see cref="IsSupported"/>.</param>
/// <param name="RedPosition">Bit position of the red channel's least significant bit.</param>
/// <param name="RedSize">Bits of red.</param>
/// <param name="GreenPosition">Bit position of green.</param>
/// <param name="GreenSize">Bits of green.</param>
/// <param name="BluePosition">Bit position of blue.</param>
/// <param name="BlueSize">Bits of blue.</param>
public readonly record struct FramebufferMode(ulong Address, uint Pitch, uint Width, uint Height, byte BitsPerPixel,
    byte RedPosition, byte RedSize, byte GreenPosition, byte GreenSize, byte BluePosition, byte BlueSize)
{
    /// <summary>Bytes per pixel (bits rounded up).</summary>
    public int BytesPerPixel => (BitsPerPixel + 7) / 8;

    /// <summary>Bytes the framebuffer spans (pitch × height).</summary>
    public ulong SizeInBytes => (ulong)Pitch * Height;

    /// <summary>Whether the console can draw into this mode: 16, 24 or 32 bpp, each line fitting its pitch.</summary>
    public bool IsSupported => BitsPerPixel is 16 or 24 or 32 && Width > 0 && Height > 0
        && (ulong)Width * (ulong)BytesPerPixel <= Pitch && RedSize <= 8 && GreenSize <= 8 && BlueSize <= 8
        && RedPosition + RedSize <= BitsPerPixel && GreenPosition + GreenSize <= BitsPerPixel && BluePosition + BlueSize <= BitsPerPixel;

    /// <summary>The pixel value of an 8-bit-per-channel colour in this mode's layout.</summary>
    public uint Pack(byte red, byte green, byte blue) =>
        Channel(red, RedPosition, RedSize) | Channel(green, GreenPosition, GreenSize) | Channel(blue, BluePosition, BlueSize);

    private static uint Channel(byte value, byte position, byte size) => size == 0 ? 0 : (uint)(value >> (8 - size)) << position;
}
