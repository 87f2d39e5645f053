using System;
using System.Collections.Generic;
using System.Text;
using XairrosX.Drivers.Console;
using XairrosX.Drivers.Input;
using Xunit;

namespace XairrosX.Tests.Drivers.Console;

public class AnsiKeyDecoderTests
{
    private static List<KeyPress> Decode(string bytes) => Decode(Encoding.Latin1.GetBytes(bytes));

    private static List<KeyPress> Decode(byte[] bytes)
    {
        var decoder = new AnsiKeyDecoder();
        var keys = new List<KeyPress>();
        foreach (byte b in bytes)
        {
            KeyPress k = decoder.Feed(b);
            if (k.Key != EditKey.None) keys.Add(k);
        }
        return keys;
    }

    [Theory]
    [InlineData("\u001b[A", EditKey.Up)]
    [InlineData("\u001b[B", EditKey.Down)]
    [InlineData("\u001b[C", EditKey.Right)]
    [InlineData("\u001b[D", EditKey.Left)]
    [InlineData("\u001b[H", EditKey.Home)]
    [InlineData("\u001b[F", EditKey.End)]
    [InlineData("\u001bOH", EditKey.Home)]
    [InlineData("\u001bOF", EditKey.End)]
    [InlineData("\u001b[1~", EditKey.Home)]
    [InlineData("\u001b[7~", EditKey.Home)]
    [InlineData("\u001b[4~", EditKey.End)]
    [InlineData("\u001b[8~", EditKey.End)]
    [InlineData("\u001b[3~", EditKey.Delete)]
    [InlineData("\u001b[1;5C", EditKey.Right)] // Ctrl-Right: modifiers are ignored
    [InlineData("\r", EditKey.Enter)]
    [InlineData("\n", EditKey.Enter)]
    [InlineData("\u007f", EditKey.Backspace)]
    [InlineData("\b", EditKey.Backspace)]
    [InlineData("\t", EditKey.Tab)]
    [InlineData("\u0015", EditKey.KillLine)]
    [InlineData("\u0004", EditKey.EndOfInput)]
    [InlineData("\u0001", EditKey.Home)]
    [InlineData("\u0005", EditKey.End)]
    public void DecodesOneKey(string bytes, EditKey expected)
    {
        List<KeyPress> keys = Decode(bytes);
        Assert.Equal(new[] { new KeyPress(expected) }, keys);
    }

    [Fact]
    public void PlainTextAndUtf8BecomeCharacters()
    {
        List<KeyPress> keys = Decode(Encoding.UTF8.GetBytes("aé€"));
        Assert.Equal(new[] { new KeyPress(EditKey.Character, 'a'), new KeyPress(EditKey.Character, 'é'), new KeyPress(EditKey.Character, '€') }, keys);
        Assert.Equal(new[] { new KeyPress(EditKey.Character, '\uFFFD') }, Decode(Encoding.UTF8.GetBytes("😀")));
    }

    [Fact]
    public void UnknownSequencesAndLoneEscapesAreDropped()
    {
        Assert.Equal(new[] { new KeyPress(EditKey.Character, 'x') }, Decode("\u001b[99Zx"));
        Assert.Equal(new[] { new KeyPress(EditKey.Character, 'q') }, Decode("\u001bq"));
        Assert.Equal(new[] { new KeyPress(EditKey.Character, '\uFFFD'), new KeyPress(EditKey.Character, 'a') }, Decode(new byte[] { 0x80, 0xC3, (byte)'a' }));
        Assert.Empty(Decode("\u001b[123456789012345~")); // a huge parameter saturates instead of overflowing
    }

    [Fact]
    public void RandomBytesOnlyEverYieldKnownKeys()
    {
        var rng = new Random(7);
        var decoder = new AnsiKeyDecoder();
        for (int i = 0; i < 200_000; i++)
        {
            KeyPress k = decoder.Feed((byte)(rng.Next(4) == 0 ? "\u001b[O0123~;ABCDHF"[rng.Next(15)] : rng.Next(256)));
            Assert.True(Enum.IsDefined(k.Key));
            if (k.Key == EditKey.Character) Assert.False(char.IsControl(k.Char));
        }
    }

    [Fact]
    public void Ps2ExtendedKeysBecomeEditingKeys()
    {
        var d = new ScancodeSet1Decoder();
        var keys = new List<EditKey>();
        foreach (byte b in new byte[] { 0xE0, 0x48, 0xE0, 0xC8, 0xE0, 0x50, 0xE0, 0x4B, 0xE0, 0x4D, 0xE0, 0x47, 0xE0, 0x4F, 0xE0, 0x53, 0xE0, 0x1C, 0x0F, 0x0E, 0x1E })
        {
            KeyPress k = d.FeedKey(b);
            if (k.Key != EditKey.None) keys.Add(k.Key);
        }
        Assert.Equal(new[] { EditKey.Up, EditKey.Down, EditKey.Left, EditKey.Right, EditKey.Home, EditKey.End, EditKey.Delete,
            EditKey.Enter, EditKey.Tab, EditKey.Backspace, EditKey.Character }, keys);
    }
}
