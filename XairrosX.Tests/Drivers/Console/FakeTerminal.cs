using System.Collections.Generic;
using System.Text;
using XairrosX.Drivers.Console;
using Xunit;

namespace XairrosX.Tests.Drivers.Console;

/// <summary>
/// A terminal of unlimited width as the line editor assumes one: printable characters overwrite the cell at
/// the cursor, '\b' moves left (never past column 0), '\n' starts a new line.
/// </summary>
internal sealed class FakeTerminal : ITerminalWriter
{
    private readonly List<StringBuilder> _lines = [new StringBuilder()];

    public int Column { get; private set; }
    public int LineCount => _lines.Count;
    public string LastLine => _lines[^1].ToString();
    public string Line(int index) => _lines[index].ToString();
    public StringBuilder Raw { get; } = new();

    public void Write(char c)
    {
        Raw.Append(c);
        switch (c)
        {
            case '\n': _lines.Add(new StringBuilder()); Column = 0; return;
            case '\b':
                Assert.True(Column > 0, "the editor stepped back past column 0");
                Column--;
                return;
        }
        Assert.False(char.IsControl(c), $"the editor wrote control character U+{(int)c:X4}");
        StringBuilder line = _lines[^1];
        if (Column < line.Length) line[Column] = c; else line.Append(c);
        Column++;
    }

    public void Write(string s)
    {
        foreach (char c in s) Write(c);
    }
}
