using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using XairrosX.Drivers.Console;
using Xunit;

namespace XairrosX.Tests.Drivers.Console;

public class LineEditorTests
{
    private const string Prompt = "xairrosx> ";

    private static KeyPress K(EditKey key) => new(key);

    private static (LineEditor Editor, FakeTerminal Terminal) NewSession(int maxBytes = 4095, ILineCompleter? completer = null)
    {
        var editor = new LineEditor(maxBytes) { Prompt = Prompt, Completer = completer };
        var terminal = new FakeTerminal();
        terminal.Write(Prompt);
        return (editor, terminal);
    }

    private static void Type(LineEditor editor, FakeTerminal terminal, string text)
    {
        foreach (char c in text)
            Assert.Equal(c == '\n' ? LineEditStatus.Submitted : LineEditStatus.Editing, editor.Feed(KeyPress.FromCharacter(c), terminal));
    }

    private static void AssertScreenShows(LineEditor editor, FakeTerminal terminal)
    {
        string expected = Prompt + editor.Text.ToString();
        string shown = terminal.LastLine;
        Assert.True(shown.Length >= expected.Length, $"screen '{shown}' is shorter than '{expected}'");
        Assert.Equal(expected, shown.Substring(0, expected.Length));
        Assert.True(shown.Substring(expected.Length).All(c => c == ' '), $"stale characters after the line: '{shown}'");
        Assert.Equal(Prompt.Length + editor.Cursor, terminal.Column);
    }

    [Fact]
    public void PlainTypingEchoesExactlyTheCharacters()
    {
        var (editor, terminal) = NewSession();
        Type(editor, terminal, "echo hi");
        Assert.Equal(LineEditStatus.Submitted, editor.Feed(K(EditKey.Enter), terminal));
        Assert.Equal(Prompt + "echo hi\n", terminal.Raw.ToString());
        Assert.True(editor.SubmittedWithNewline);
        Assert.Equal("echo hi", editor.TakeLine());
        Assert.Equal(0, editor.Text.Length);
    }

    [Fact]
    public void BackspaceAndCtrlUAtTheEndEchoLikeATty()
    {
        var (editor, terminal) = NewSession();
        Type(editor, terminal, "ab\b");
        Assert.Equal(Prompt + "ab\b \b", terminal.Raw.ToString());
        Type(editor, terminal, "cd\u0015");
        Assert.Equal(Prompt + "ab\b \bcd" + string.Concat(Enumerable.Repeat("\b \b", 3)), terminal.Raw.ToString());
        Assert.Equal(0, editor.Text.Length);
    }

    [Fact]
    public void InsertsAndDeletesInTheMiddle()
    {
        var (editor, terminal) = NewSession();
        Type(editor, terminal, "ecoh");
        editor.Feed(K(EditKey.Left), terminal);
        editor.Feed(K(EditKey.Left), terminal);
        Type(editor, terminal, "h");
        AssertScreenShows(editor, terminal);
        Assert.Equal("echoh", editor.Text.ToString());
        editor.Feed(K(EditKey.Right), terminal);
        editor.Feed(K(EditKey.Delete), terminal);
        Assert.Equal("echo", editor.Text.ToString());
        AssertScreenShows(editor, terminal);
        editor.Feed(K(EditKey.Home), terminal);
        Assert.Equal(0, editor.Cursor);
        editor.Feed(K(EditKey.Delete), terminal);
        Assert.Equal("cho", editor.Text.ToString());
        AssertScreenShows(editor, terminal);
        editor.Feed(K(EditKey.End), terminal);
        Assert.Equal(3, editor.Cursor);
        AssertScreenShows(editor, terminal);
    }

    [Fact]
    public void HistoryRecallsPreviousLinesAndKeepsTheDraft()
    {
        var (editor, terminal) = NewSession();
        foreach (string line in new[] { "first", "second", "second", "" })
        {
            Type(editor, terminal, line + "\n");
            editor.TakeLine();
            terminal.Write(Prompt);
        }
        Assert.Equal(new[] { "first", "second" }, editor.History); // duplicates and empty lines are not kept
        Type(editor, terminal, "dra");
        editor.Feed(K(EditKey.Up), terminal);
        Assert.Equal("second", editor.Text.ToString());
        editor.Feed(K(EditKey.Up), terminal);
        editor.Feed(K(EditKey.Up), terminal); // stays at the oldest
        Assert.Equal("first", editor.Text.ToString());
        AssertScreenShows(editor, terminal);
        editor.Feed(K(EditKey.Down), terminal);
        editor.Feed(K(EditKey.Down), terminal);
        Assert.Equal("dra", editor.Text.ToString());
        AssertScreenShows(editor, terminal);
        editor.Feed(K(EditKey.Down), terminal);
        Assert.Equal("dra", editor.Text.ToString());
    }

    [Fact]
    public void HistoryKeepsTheLast64Lines()
    {
        var (editor, terminal) = NewSession();
        for (int i = 0; i < 100; i++) { Type(editor, terminal, $"cmd{i}\n"); editor.TakeLine(); }
        Assert.Equal(LineEditor.HistoryCapacity, editor.History.Count);
        Assert.Equal("cmd36", editor.History[0]);
        Assert.Equal("cmd99", editor.History[^1]);
    }

    [Fact]
    public void CtrlDEndsInputOnlyOnAnEmptyLine()
    {
        var (editor, terminal) = NewSession();
        Assert.Equal(LineEditStatus.EndOfInput, editor.Feed(K(EditKey.EndOfInput), terminal));
        Type(editor, terminal, "ab");
        Assert.Equal(LineEditStatus.Submitted, editor.Feed(K(EditKey.EndOfInput), terminal));
        Assert.False(editor.SubmittedWithNewline);
        Assert.Equal("ab", editor.TakeLine());
    }

    [Fact]
    public void TheLineIsLimitedInUtf8Bytes()
    {
        var (editor, terminal) = NewSession(maxBytes: 5);
        Type(editor, terminal, "aλλb"); // 1 + 2 + 2 = 5 bytes; b does not fit
        Assert.Equal("aλλ", editor.Text.ToString());
        Assert.Equal(Prompt + "aλλ", terminal.Raw.ToString());
    }

    private sealed class ListCompleter(params string[] words) : ILineCompleter
    {
        public int Complete(string line, int cursor, List<string> candidates)
        {
            int start = line.LastIndexOf(' ', Math.Max(0, cursor - 1)) + 1;
            if (start > cursor) start = cursor;
            string prefix = line.Substring(start, cursor - start);
            candidates.AddRange(words.Where(w => w.StartsWith(prefix, StringComparison.Ordinal)));
            return start;
        }
    }

    [Fact]
    public void TabCompletesAUniqueWordWithASpace()
    {
        var (editor, terminal) = NewSession(completer: new ListCompleter("echo", "hash", "help"));
        Type(editor, terminal, "ec\t");
        Assert.Equal("echo ", editor.Text.ToString());
        AssertScreenShows(editor, terminal);
    }

    [Fact]
    public void TabCompletesTheCommonPrefixThenListsOnTheSecondTab()
    {
        var (editor, terminal) = NewSession(completer: new ListCompleter("help", "hello", "hash"));
        Type(editor, terminal, "he\t");
        Assert.Equal("hel", editor.Text.ToString());
        Type(editor, terminal, "x\b");
        int lines = terminal.LineCount;
        Type(editor, terminal, "\t");
        Assert.Equal(lines, terminal.LineCount); // a first Tab that cannot extend the word lists nothing
        Type(editor, terminal, "\t");
        Assert.Equal("help  hello", terminal.Line(terminal.LineCount - 2));
        Assert.Equal("hel", editor.Text.ToString());
        AssertScreenShows(editor, terminal);
    }

    [Fact]
    public void TabInTheMiddleInsertsAtTheCursorAndDirectoriesGetNoSpace()
    {
        var (editor, terminal) = NewSession(completer: new ListCompleter("/models/", "/tmp/"));
        Type(editor, terminal, "ls /mo x");
        editor.Feed(K(EditKey.Left), terminal);
        editor.Feed(K(EditKey.Left), terminal);
        Type(editor, terminal, "\t");
        Assert.Equal("ls /models/ x", editor.Text.ToString());
        Assert.Equal(11, editor.Cursor);
        AssertScreenShows(editor, terminal);
    }

    [Fact]
    public void TabWithoutACompleterOrCandidatesDoesNothing()
    {
        var (editor, terminal) = NewSession();
        Type(editor, terminal, "ab\t");
        Assert.Equal("ab", editor.Text.ToString());
        var (editor2, terminal2) = NewSession(completer: new ListCompleter("zzz"));
        Type(editor2, terminal2, "ab\t\t");
        Assert.Equal(Prompt + "ab", terminal2.Raw.ToString());
    }

    [Fact]
    public void EchoOffWritesNothingButStillEdits()
    {
        var (editor, terminal) = NewSession();
        editor.Echo = false;
        Type(editor, terminal, "abc");
        editor.Feed(K(EditKey.Left), terminal);
        Type(editor, terminal, "X\n");
        Assert.Equal(Prompt, terminal.Raw.ToString());
        Assert.Equal("abXc", editor.TakeLine());
    }

    // The reference: a string, a cursor and a list, edited the obvious way.
    private sealed class Model(int maxBytes)
    {
        public string Text = "";
        public int Cursor;
        public readonly List<string> History = [];
        private int _index;
        private string _draft = "";

        private static int Bytes(string s) => Encoding.UTF8.GetByteCount(s);

        public string? Apply(KeyPress key)
        {
            switch (key.Key)
            {
                case EditKey.Character:
                    if (Bytes(Text) + Bytes(key.Char.ToString()) <= maxBytes) { Text = Text.Insert(Cursor, key.Char.ToString()); Cursor++; }
                    break;
                case EditKey.Backspace: if (Cursor > 0) { Text = Text.Remove(Cursor - 1, 1); Cursor--; } break;
                case EditKey.Delete: if (Cursor < Text.Length) Text = Text.Remove(Cursor, 1); break;
                case EditKey.Left: Cursor = Math.Max(0, Cursor - 1); break;
                case EditKey.Right: Cursor = Math.Min(Text.Length, Cursor + 1); break;
                case EditKey.Home: Cursor = 0; break;
                case EditKey.End: Cursor = Text.Length; break;
                case EditKey.KillLine: Text = ""; Cursor = 0; break;
                case EditKey.Up:
                    if (_index == 0) break;
                    if (_index == History.Count) _draft = Text;
                    Text = History[--_index];
                    Cursor = Text.Length;
                    break;
                case EditKey.Down:
                    if (_index >= History.Count) break;
                    _index++;
                    Text = _index == History.Count ? _draft : History[_index];
                    Cursor = Text.Length;
                    break;
                case EditKey.Enter:
                    string line = Text;
                    if (line.Length > 0 && (History.Count == 0 || History[^1] != line))
                    {
                        if (History.Count == LineEditor.HistoryCapacity) History.RemoveAt(0);
                        History.Add(line);
                    }
                    Text = ""; Cursor = 0; _index = History.Count; _draft = "";
                    return line;
            }
            return null;
        }
    }

    private static readonly EditKey[] RandomKeys =
    [
        EditKey.Character, EditKey.Character, EditKey.Character, EditKey.Character, EditKey.Character, EditKey.Backspace,
        EditKey.Delete, EditKey.Left, EditKey.Right, EditKey.Home, EditKey.End, EditKey.Up, EditKey.Down,
        EditKey.KillLine, EditKey.Enter, EditKey.None,
    ];

    [Fact]
    public void RandomKeySequencesMatchTheModelAndTheScreen()
    {
        var rng = new Random(8);
        const string alphabet = "abc xyz/.-é€λ";
        for (int session = 0; session < 300; session++)
        {
            int maxBytes = rng.Next(1, 40);
            var (editor, terminal) = NewSession(maxBytes);
            var model = new Model(maxBytes);
            for (int step = 0; step < 200; step++)
            {
                EditKey kind = RandomKeys[rng.Next(RandomKeys.Length)];
                var key = kind == EditKey.Character ? new KeyPress(kind, alphabet[rng.Next(alphabet.Length)]) : new KeyPress(kind);
                LineEditStatus status = editor.Feed(key, terminal);
                string? submitted = model.Apply(key);
                if (submitted != null)
                {
                    Assert.Equal(LineEditStatus.Submitted, status);
                    Assert.Equal(submitted, editor.TakeLine());
                    Assert.Equal(model.History, editor.History);
                    terminal.Write(Prompt);
                    continue;
                }
                Assert.Equal(LineEditStatus.Editing, status);
                Assert.Equal(model.Text, editor.Text.ToString());
                Assert.Equal(model.Cursor, editor.Cursor);
                AssertScreenShows(editor, terminal);
            }
        }
    }

    private sealed class RandomCompleter(Random rng) : ILineCompleter
    {
        public int Complete(string line, int cursor, List<string> candidates)
        {
            for (int i = rng.Next(4); i > 0; i--) candidates.Add(i % 2 == 0 ? null! : new string('a', rng.Next(6)) + (rng.Next(2) == 0 ? "/" : ""));
            return rng.Next(-3, line.Length + 3); // even nonsense positions must not break the editor
        }
    }

    [Fact]
    public void RandomKeysWithTabNeverThrowAndKeepTheScreenInStep()
    {
        var rng = new Random(80);
        for (int session = 0; session < 200; session++)
        {
            var (editor, terminal) = NewSession(rng.Next(1, 30), new RandomCompleter(rng));
            for (int step = 0; step < 150; step++)
            {
                var kind = (EditKey)rng.Next(0, 14);
                var key = kind == EditKey.Character ? new KeyPress(kind, "a/ b"[rng.Next(4)]) : new KeyPress(kind);
                LineEditStatus status = editor.Feed(key, terminal);
                if (status != LineEditStatus.Editing)
                {
                    if (status == LineEditStatus.EndOfInput || !editor.SubmittedWithNewline) terminal.Write('\n');
                    editor.TakeLine();
                    terminal.Write(Prompt);
                    continue;
                }
                AssertScreenShows(editor, terminal);
            }
        }
    }
}
