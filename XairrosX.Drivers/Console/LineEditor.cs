using System;
using System.Collections.Generic;

namespace XairrosX.Drivers.Console;

/// <summary>Where the line editor's echo goes (the terminal).</summary>
public interface ITerminalWriter
{
    /// <summary>Writes one character; '\b' moves the cursor left without erasing, '\n' starts a new line.</summary>
    void Write(char c);
}

/// <summary>Supplies tab-completion candidates.</summary>
public interface ILineCompleter
{
    /// <summary>
    /// Adds to <paramref name="candidates"/> every completion of the word that ends at <paramref name="cursor"/>
    /// in <paramref name="line"/> (whole words, each starting with that word, sorted) and returns where the word starts.
    /// </summary>
    int Complete(string line, int cursor, List<string> candidates);
}

/// <summary>What a key did to the line.</summary>
public enum LineEditStatus
{
    /// <summary>The line is still being edited.</summary>
    Editing,
    /// <summary>The line is finished: take it with <see cref="LineEditor.TakeLine"/>.</summary>
    Submitted,
    /// <summary>Ctrl-D on an empty line: no more input.</summary>
    EndOfInput,
}

/// <summary>
/// Line editing for the console, terminal-independent: key presses in, echo out through an
/// <see cref="ITerminalWriter"/>, finished lines out. Typing at the end of the line echoes just the
/// character and Backspace there echoes "\b \b", as a plain TTY does; editing in the middle reprints the tail
/// and steps back over it with '\b', so only printable characters, space, '\b' and '\n' are ever written
/// and any terminal (serial or screen) follows. History keeps the last <see cref="HistoryCapacity"/> distinct
/// lines (Up/Down, with the line being typed kept as a draft); Tab completes through an
/// <see cref="ILineCompleter"/> (common prefix first, the list on a second Tab). The line is limited to a
/// number of UTF-8 bytes; further characters are dropped. Lines wider than the terminal wrap, and moving
/// back across a wrap relies on '\b' going up a row (the kernel's screen console does; serial terminals vary).
/// </summary>
public sealed class LineEditor
{
    /// <summary>Lines the history keeps.</summary>
    public const int HistoryCapacity = 64;
    private readonly char[] _buffer;
    private readonly int _maxUtf8Bytes;
    private readonly List<string> _history = new();
    private readonly List<string> _candidates = new();
    private int _length, _cursor, _utf8Length, _historyIndex;
    private string _draft = "";
    private bool _lastWasTab, _submittedWithNewline;

    /// <summary>Creates an editor for lines of at most <paramref name="maxUtf8Bytes"/> bytes of UTF-8.</summary>
    public LineEditor(int maxUtf8Bytes = 4095)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUtf8Bytes, 1);
        _maxUtf8Bytes = maxUtf8Bytes;
        _buffer = new char[maxUtf8Bytes];
    }

    /// <summary>The prompt, reprinted after a completion list.</summary>
    public string Prompt { get; set; } = "";
    /// <summary>Whether keys are echoed (off: nothing is written).</summary>
    public bool Echo { get; set; } = true;
    /// <summary>Tab completion source; null: Tab does nothing.</summary>
    public ILineCompleter Completer { get; set; }
    /// <summary>The line being edited.</summary>
    public ReadOnlySpan<char> Text => _buffer.AsSpan(0, _length);
    /// <summary>Cursor position in <see cref="Text"/>.</summary>
    public int Cursor => _cursor;
    /// <summary>History entries, oldest first.</summary>
    public IReadOnlyList<string> History => _history;
    /// <summary>Whether the last submitted line ended with Enter (false: Ctrl-D submitted it as it was).</summary>
    public bool SubmittedWithNewline => _submittedWithNewline;

    /// <summary>Returns the submitted line and starts a new, empty one.</summary>
    public string TakeLine()
    {
        string line = new(Text);
        _length = _cursor = _utf8Length = 0;
        _historyIndex = _history.Count;
        _draft = "";
        return line;
    }

    /// <summary>Applies one key; echo goes to <paramref name="output"/>.</summary>
    public LineEditStatus Feed(KeyPress key, ITerminalWriter output)
    {
        bool wasTab = _lastWasTab;
        _lastWasTab = key.Key == EditKey.Tab;
        switch (key.Key)
        {
            case EditKey.Character:
                char typed = key.Char;
                Insert(new ReadOnlySpan<char>(in typed), output);
                break;
            case EditKey.Enter:
                Emit(output, '\n');
                Remember();
                _submittedWithNewline = true;
                return LineEditStatus.Submitted;
            case EditKey.EndOfInput:
                if (_length == 0) return LineEditStatus.EndOfInput;
                _submittedWithNewline = false;
                return LineEditStatus.Submitted;
            case EditKey.Backspace:
                if (_cursor == 0) break;
                _cursor--;
                if (_cursor == _length - 1) { RemoveAt(_cursor); Emit(output, '\b'); Emit(output, ' '); Emit(output, '\b'); }
                else { RemoveAt(_cursor); Emit(output, '\b'); EchoTail(output, 1); }
                break;
            case EditKey.Delete:
                if (_cursor == _length) break;
                RemoveAt(_cursor);
                EchoTail(output, 1);
                break;
            case EditKey.Left: if (_cursor > 0) { _cursor--; Emit(output, '\b'); } break;
            case EditKey.Right: if (_cursor < _length) Emit(output, _buffer[_cursor++]); break;
            case EditKey.Home: while (_cursor > 0) { _cursor--; Emit(output, '\b'); } break;
            case EditKey.End: while (_cursor < _length) Emit(output, _buffer[_cursor++]); break;
            case EditKey.KillLine: KillLine(output); break;
            case EditKey.Up:
                if (_historyIndex == 0) break;
                if (_historyIndex == _history.Count) _draft = new string(Text);
                Replace(_history[--_historyIndex], output);
                break;
            case EditKey.Down:
                if (_historyIndex >= _history.Count) break;
                _historyIndex++;
                Replace(_historyIndex == _history.Count ? _draft : _history[_historyIndex], output);
                break;
            case EditKey.Tab: Complete(wasTab, output); break;
        }
        return LineEditStatus.Editing;
    }

    private void Emit(ITerminalWriter output, char c)
    {
        if (Echo) output.Write(c);
    }

    private void Remember()
    {
        if (_length == 0) return;
        string line = new(Text);
        if (_history.Count > 0 && _history[^1] == line) return;
        if (_history.Count == HistoryCapacity) _history.RemoveAt(0);
        _history.Add(line);
    }

    // Inserts as much of `text` at the cursor as the byte limit allows, echoing it and the reprinted tail.
    private void Insert(ReadOnlySpan<char> text, ITerminalWriter output)
    {
        int inserted = 0;
        foreach (char c in text)
        {
            int bytes = Utf8Length(c);
            if (_utf8Length + bytes > _maxUtf8Bytes) break;
            Array.Copy(_buffer, _cursor, _buffer, _cursor + 1, _length - _cursor);
            _buffer[_cursor++] = c;
            _length++;
            _utf8Length += bytes;
            Emit(output, c);
            inserted++;
        }
        if (inserted > 0) EchoTail(output, 0);
    }

    private void RemoveAt(int index)
    {
        _utf8Length -= Utf8Length(_buffer[index]);
        Array.Copy(_buffer, index + 1, _buffer, index, _length - index - 1);
        _length--;
    }

    // Reprints from the cursor to the end, blanks `erased` cells after it, and steps back to the cursor.
    private void EchoTail(ITerminalWriter output, int erased)
    {
        for (int i = _cursor; i < _length; i++) Emit(output, _buffer[i]);
        for (int i = 0; i < erased; i++) Emit(output, ' ');
        for (int i = _cursor; i < _length + erased; i++) Emit(output, '\b');
    }

    private void KillLine(ITerminalWriter output)
    {
        if (_cursor == _length)
        {
            // What a TTY in canonical mode echoes for Ctrl-U at the end of the line.
            for (int i = 0; i < _length; i++) { Emit(output, '\b'); Emit(output, ' '); Emit(output, '\b'); }
        }
        else
        {
            for (int i = 0; i < _cursor; i++) Emit(output, '\b');
            _cursor = 0;
            EchoTail(output, _length);
            for (int i = 0; i < _length; i++) Emit(output, ' ');
            for (int i = 0; i < _length; i++) Emit(output, '\b');
        }
        _length = _cursor = _utf8Length = 0;
    }

    // Shows `line` instead of the current text, cursor at its end.
    private void Replace(string line, ITerminalWriter output)
    {
        int oldLength = _length;
        while (_cursor > 0) { _cursor--; Emit(output, '\b'); }
        _length = _utf8Length = 0;
        Insert(line, output);
        int stale = oldLength - _length;
        for (int i = 0; i < stale; i++) Emit(output, ' ');
        for (int i = 0; i < stale; i++) Emit(output, '\b');
    }

    private void Complete(bool secondTab, ITerminalWriter output)
    {
        if (Completer == null) return;
        string line = new(Text);
        _candidates.Clear();
        int start = Math.Clamp(Completer.Complete(line, _cursor, _candidates), 0, _cursor);
        string prefix = line.Substring(start, _cursor - start);
        _candidates.RemoveAll(candidate => candidate == null || !candidate.StartsWith(prefix, StringComparison.Ordinal));
        if (_candidates.Count == 0) return;
        string common = _candidates[0];
        foreach (string candidate in _candidates) common = common.Substring(0, CommonPrefixLength(common, candidate));
        if (_candidates.Count == 1 && !common.EndsWith('/')) common += " ";
        if (common.Length > prefix.Length) { Insert(common.AsSpan(prefix.Length), output); return; }
        if (_candidates.Count < 2 || !secondTab) return;
        Emit(output, '\n');
        for (int i = 0; i < _candidates.Count; i++)
        {
            if (i > 0) { Emit(output, ' '); Emit(output, ' '); }
            foreach (char c in _candidates[i]) Emit(output, c);
        }
        Emit(output, '\n');
        foreach (char c in Prompt) Emit(output, c);
        foreach (char c in Text) Emit(output, c);
        for (int i = _cursor; i < _length; i++) Emit(output, '\b');
    }

    private static int CommonPrefixLength(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length), i = 0;
        while (i < n && a[i] == b[i]) i++;
        return i;
    }

    private static int Utf8Length(char c) => c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
}
