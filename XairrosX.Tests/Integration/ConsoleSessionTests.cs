using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using XairrosX.Drivers.Video;
using XairrosX.Tests.Drivers.Video;
using Xunit;

namespace XairrosX.Tests.Integration;

/// <summary>
/// One boot with the std VGA display: keys typed on the PS/2 keyboard (a line, then Up + Enter), then serial
/// lines that clear the screen, use history (ESC [ A) and tab completion, then a screendump of the framebuffer.
/// The screenshot is kept as out/console-screen.png (and the PPM QEMU wrote beside it).
/// </summary>
public sealed class ConsoleSessionFixture : IAsyncLifetime
{
    public BootTranscript Transcript { get; private set; } = null!;
    public ScreenImage? Screen { get; private set; }
    public string PngPath { get; private set; } = "";

    public static string OutputFolder
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "XairrosX.sln"))) return Directory.CreateDirectory(Path.Combine(dir.FullName, "out")).FullName;
            return AppContext.BaseDirectory;
        }
    }

    public async Task InitializeAsync()
    {
        string ppm = Path.Combine(OutputFolder, "console-screen.ppm");
        PngPath = Path.Combine(OutputFolder, "console-screen.png");
        string[] keys = ["e", "c", "h", "o", "spc", "k", "b", "minus", "h", "i", "s", "t", "ret", "up", "ret"];
        string script = string.Join('\n',
            "he\t\t\u0015clear",      // a second Tab lists help and hexdump; Ctrl-U drops the line, then clear
            "echo fb-ok",
            "echo hist-one",
            "\u001b[A",             // Up: the previous line again
            "ec\tfb-tab",           // Tab completes the command name
            "echo abc\u001b[D\u001b[DX\u001b[3~") + "\n"; // Left twice, insert X, Delete: "echo aXc"
        Transcript = await QemuSession.RunAsync(script, monitorCommands: Array.ConvertAll(keys, k => "sendkey " + k),
            capture: new ScreenCapture(ppm, "aXc"));
        if (File.Exists(ppm))
        {
            Screen = ScreenImage.ReadPpm(ppm);
            Screen.SavePng(PngPath);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[Collection("qemu")]
public class ConsoleSessionTests(ConsoleSessionFixture session) : IClassFixture<ConsoleSessionFixture>
{
    private static readonly (byte, byte, byte) Grey = (0xAA, 0xAA, 0xAA), Black = (0, 0, 0);
    private static readonly PsfFont Font = PsfFont.Parse(ConsoleFontFile.Load());
    private string Text => session.Transcript.Text;

    private ScreenImage Screen => session.Screen ?? throw new Xunit.Sdk.XunitException($"no screendump was taken; transcript:\n{Text}");

    [Fact]
    public void TheConsoleRunsOnTheFramebuffer()
    {
        Assert.Matches(new Regex(@"console: framebuffer 1024x768x32 at 0x[0-9a-f]+, 128x48 cells of a 8x16 PSF1 font \(256 glyphs\)"), Text);
        Assert.Equal(0, session.Transcript.ExitCode);
    }

    [Fact]
    public void TheScreenIsNotBlank()
    {
        Assert.Equal((1024, 768), (Screen.Width, Screen.Height));
        Assert.InRange(Screen.CountPixelsNot(Black), 2000, 200_000);
        Assert.True(File.Exists(session.PngPath));
    }

    [Fact]
    public void TheFirstCellIsTheFontsGlyphPixelForPixel()
    {
        // After `clear` the prompt starts at the top-left cell: 'x' of "xairrosx> ", light grey on black.
        Assert.True(Screen.CellShows(Font, 0, 0, 'x', Grey, Black), "cell (0,0) is not the font's 'x'");
        Assert.False(Screen.CellShows(Font, 0, 0, 'y', Grey, Black));
    }

    [Fact]
    public void TheScreenShowsTheSessionAfterClear()
    {
        string[] rows = Enumerable.Range(0, 10).Select(r => Screen.RowText(Font, r, Grey, Black).TrimEnd(' ', '\0')).ToArray();
        Assert.Equal(
        [
            "xairrosx> echo fb-ok", "fb-ok",
            "xairrosx> echo hist-one", "hist-one",
            "xairrosx> echo hist-one", "hist-one",
            "xairrosx> echo fb-tab", "fb-tab",
            "xairrosx> echo aXc", "aXc",
        ], rows);
        // The cursor waits after the next prompt as an inverted (light) cell.
        Assert.True(Screen.CellShows(Font, 10, 10, ' ', Black, Grey), "no cursor after the last prompt");
    }

    [Fact]
    public void UpArrowOverSerialRepeatsThePreviousCommand()
    {
        Assert.Equal(2, Regex.Matches(Text, @"^hist-one$", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void UpArrowOnTheKeyboardRepeatsThePreviousCommand()
    {
        Assert.Equal(2, Regex.Matches(Text, @"^kb-hist$", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void ASecondTabListsTheCandidatesAndReprintsThePrompt()
    {
        Assert.Contains("\nhelp  hexdump\nxairrosx> he", Text);
    }

    [Fact]
    public void TabAndCursorKeysEditTheLine()
    {
        Assert.Matches(new Regex(@"^fb-tab$", RegexOptions.Multiline), Text);
        Assert.Matches(new Regex(@"^aXc$", RegexOptions.Multiline), Text);
    }
}
