using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Input;

/// <summary>
/// The PS/2 keyboard on the i8042 controller, polled: a byte is waiting when status bit 0 is set and bit 5
/// (mouse data) is clear. Characters come out of <see cref="ScancodeSet1Decoder"/>.
/// </summary>
public static class Ps2Keyboard
{
    private const ushort DataPort = 0x60, StatusPort = 0x64;
    private static ScancodeSet1Decoder s_decoder;

    /// <summary>The active layout.</summary>
    public static KeyboardLayout Layout { get => s_decoder.Layout; set => s_decoder.Layout = value; }

    /// <summary>Returns a key press (a character or an editing key) if the next scancode completed one.</summary>
    public static bool TryReadKey(out Console.KeyPress key)
    {
        key = default;
        byte status = Ports.In8(StatusPort);
        if ((status & 0x01) == 0 || (status & 0x20) != 0) return false;
        key = s_decoder.FeedKey(Ports.In8(DataPort));
        return key.Key != Console.EditKey.None;
    }
}
