using System.Text;
using XairrosX.Drivers.Input;
using Xunit;

namespace XairrosX.Tests.Drivers;

public class ScancodeSet1DecoderTests
{
    private static string Type(ref ScancodeSet1Decoder decoder, params byte[] scancodes)
    {
        var sb = new StringBuilder();
        foreach (byte b in scancodes)
        {
            char c = decoder.Feed(b);
            if (c != '\0') sb.Append(c);
        }
        return sb.ToString();
    }

    [Fact]
    public void TypesLowercaseDigitsAndEnter()
    {
        var d = new ScancodeSet1Decoder();
        // e c h o space 4 2 enter, each press followed by its release (| 0x80)
        Assert.Equal("echo 42\n", Type(ref d, 0x12, 0x92, 0x2E, 0xAE, 0x23, 0xA3, 0x18, 0x98, 0x39, 0xB9, 0x05, 0x85, 0x03, 0x83, 0x1C, 0x9C));
    }

    [Fact]
    public void ShiftAndCapsLockCombine()
    {
        var d = new ScancodeSet1Decoder();
        Assert.Equal("A!", Type(ref d, 0x2A, 0x1E, 0x9E, 0x02, 0x82, 0xAA)); // Shift held: a 1
        Assert.Equal("Aa1", Type(ref d, 0x3A, 0xBA, 0x1E, 0x9E, 0x2A, 0x1E, 0x9E, 0xAA, 0x02, 0x82)); // Caps, then Shift+a, then 1
    }

    [Fact]
    public void CtrlLettersBecomeControlCodes()
    {
        var d = new ScancodeSet1Decoder();
        Assert.Equal("\u0004\u0015", Type(ref d, 0x1D, 0x20, 0xA0, 0x16, 0x96, 0x9D)); // Ctrl-D, Ctrl-U
    }

    [Fact]
    public void GermanLayoutSwapsYAndZAndHasUmlauts()
    {
        var d = new ScancodeSet1Decoder { Layout = KeyboardLayout.German };
        Assert.Equal("zyö", Type(ref d, 0x15, 0x95, 0x2C, 0xAC, 0x27, 0xA7));
    }

    [Fact]
    public void ExtendedKeysAndRandomBytesNeverThrow()
    {
        var d = new ScancodeSet1Decoder();
        Assert.Equal("", Type(ref d, 0xE0, 0x48, 0xE0, 0xC8)); // arrow up press/release
        Assert.Equal("\n", Type(ref d, 0xE0, 0x1C, 0xE0, 0x9C)); // keypad Enter
        var rng = new System.Random(3);
        for (int i = 0; i < 100000; i++) d.Feed((byte)rng.Next(256));
    }
}
