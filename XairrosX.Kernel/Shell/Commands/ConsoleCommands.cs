using System.Collections.Generic;
using XairrosX.Drivers.Console;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>clear, history: the terminal itself.</summary>
internal static class ConsoleCommands
{
    public static IEnumerable<ShellCommand> All() =>
    [
        new("clear", "", "clear the screen (and the serial terminal)", Clear),
        new("history", "", "list the remembered input lines (Up/Down recall them)", History),
    ];

    // ESC[2J ESC[H: understood by serial terminals and by the kernel's screen console alike.
    private static int Clear(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count != 0) return c.Error("usage: clear");
        c.Out.Write("\u001b[2J\u001b[H");
        c.Out.Flush();
        return 0;
    }

    private static int History(ShellContext c, IReadOnlyList<string> a)
    {
        if (a.Count != 0) return c.Error("usage: history");
        IReadOnlyList<string> lines = LineDiscipline.Editor.History;
        for (int i = 0; i < lines.Count; i++) c.Out.WriteLine($"{i + 1,4}  {lines[i]}");
        return 0;
    }
}
