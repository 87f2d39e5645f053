namespace XairrosX.Drivers.Console;

/// <summary>What a key press means to the line editor.</summary>
public enum EditKey : byte
{
    /// <summary>Nothing (a modifier, a release, an unknown sequence).</summary>
    None,
    /// <summary>A printable character (<see cref="KeyPress.Char"/>).</summary>
    Character,
    /// <summary>Enter / Return: submit the line.</summary>
    Enter,
    /// <summary>Backspace: delete left of the cursor.</summary>
    Backspace,
    /// <summary>Delete: delete under the cursor.</summary>
    Delete,
    /// <summary>Cursor left.</summary>
    Left,
    /// <summary>Cursor right.</summary>
    Right,
    /// <summary>Previous history entry.</summary>
    Up,
    /// <summary>Next history entry.</summary>
    Down,
    /// <summary>Start of line (also Ctrl-A).</summary>
    Home,
    /// <summary>End of line (also Ctrl-E).</summary>
    End,
    /// <summary>Complete the word at the cursor.</summary>
    Tab,
    /// <summary>Ctrl-U: erase the line.</summary>
    KillLine,
    /// <summary>Ctrl-D: end of input on an empty line, else submit without a newline.</summary>
    EndOfInput,
}

/// <summary>One decoded key press.</summary>
/// <param name="Key">What it does.</param>
/// <param name="Char">The character, for <see cref="EditKey.Character"/>.</param>
public readonly record struct KeyPress(EditKey Key, char Char = '\0')
{
    /// <summary>
    /// The meaning of a typed character, shared by the serial and the keyboard decoders: CR and LF are Enter,
    /// BS and DEL Backspace, TAB completes, Ctrl-A/E/U/D edit, other control characters do nothing.
    /// </summary>
    public static KeyPress FromCharacter(char c) => c switch
    {
        '\r' or '\n' => new KeyPress(EditKey.Enter),
        '\b' or '\u007f' => new KeyPress(EditKey.Backspace),
        '\t' => new KeyPress(EditKey.Tab),
        '\u0001' => new KeyPress(EditKey.Home),
        '\u0005' => new KeyPress(EditKey.End),
        '\u0015' => new KeyPress(EditKey.KillLine),
        '\u0004' => new KeyPress(EditKey.EndOfInput),
        < ' ' => default,
        _ => new KeyPress(EditKey.Character, c),
    };
}
