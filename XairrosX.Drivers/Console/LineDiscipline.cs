using System;
using System.Text;

namespace XairrosX.Drivers.Console;

/// <summary>
/// The canonical-mode input side of the kernel terminal: key presses from the serial line and the keyboard
/// go to one <see cref="LineEditor"/>, whose echo goes to every output device; a finished line is handed to
/// <see cref="KernelConsole.Read"/> as UTF-8 with its newline. Created on the first read (the heap exists by
/// then), so its objects stay out of <see cref="KernelConsole"/>, which must work before the runtime is up.
/// </summary>
public static class LineDiscipline
{
    private static LineEditor s_editor;
    private static ILineCompleter s_completer;
    private static bool s_lineStarted;

    private sealed class ConsoleEcho : ITerminalWriter
    {
        public void Write(char c) => KernelConsole.Write(c);
    }
    private static ConsoleEcho s_echo;

    /// <summary>Tab completion for the shell's lines (null: Tab does nothing).</summary>
    public static ILineCompleter Completer
    {
        get => s_completer;
        set { s_completer = value; if (s_editor != null) s_editor.Completer = value; }
    }

    /// <summary>The editor (for its history); created on first use.</summary>
    public static LineEditor Editor
    {
        get
        {
            if (s_editor == null)
            {
                s_echo = new ConsoleEcho();
                s_editor = new LineEditor(KernelConsole.MaxLine - 1) { Completer = s_completer };
            }
            return s_editor;
        }
    }

    /// <summary>
    /// Applies one key. When it finishes a line, writes the line's UTF-8 (and newline) to
    /// <paramref name="line"/> and returns its length; returns -1 at end of input and 0 otherwise.
    /// </summary>
    public static int Accept(KeyPress key, Span<byte> line)
    {
        LineEditor editor = Editor;
        if (!s_lineStarted)
        {
            // What the shell printed on this line before reading (its prompt), reprinted after a completion list.
            editor.Prompt = KernelConsole.CurrentOutputLine();
            s_lineStarted = true;
        }
        editor.Echo = KernelConsole.Echo;
        switch (editor.Feed(key, s_echo))
        {
            case LineEditStatus.EndOfInput:
                return -1;
            case LineEditStatus.Submitted:
                s_lineStarted = false;
                bool newline = editor.SubmittedWithNewline;
                string text = editor.TakeLine();
                int n = Encoding.UTF8.GetBytes(text, line);
                if (newline) line[n++] = (byte)'\n';
                return n;
            default:
                return 0;
        }
    }
}
