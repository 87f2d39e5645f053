namespace XairrosX.Drivers.Input;

/// <summary>Keyboard layouts the decoder knows.</summary>
public enum KeyboardLayout
{
    /// <summary>US QWERTY.</summary>
    Us,
    /// <summary>German QWERTZ (ä ö ü ß on their keys, Y/Z swapped).</summary>
    German,
}

/// <summary>
/// Turns PS/2 scancode set 1 bytes (what the i8042 delivers with translation on, as PC firmware leaves it)
/// into characters, tracking Shift, Ctrl and Caps Lock. Releases produce nothing except state changes;
/// of the extended (0xE0) keys, keypad Enter types '\n' and the editing keys (arrows, Home, End, Delete)
/// come out of <see cref="FeedKey"/>. Pure logic, tested on the host.
/// </summary>
public struct ScancodeSet1Decoder
{
    private bool _shift, _ctrl, _capsLock, _extended;
    private Console.EditKey _editKey;

    /// <summary>The layout used for letters and symbols.</summary>
    public KeyboardLayout Layout { get; set; }

    // Rows of the main block, indexed by scancode; '\0' = no character.
    private const string UsNormal = "\0\u001b1234567890-=\b\tqwertyuiop[]\n\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";
    private const string UsShifted = "\0\u001b!@#$%^&*()_+\b\tQWERTYUIOP{}\n\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";
    private const string DeNormal = "\0\u001b1234567890ß´\b\tqwertzuiopü+\n\0asdfghjklöä^\0#yxcvbnm,.-\0*\0 ";
    private const string DeShifted = "\0\u001b!\"§$%&/()=?`\b\tQWERTZUIOPÜ*\n\0ASDFGHJKLÖÄ°\0'YXCVBNM;:_\0*\0 ";

    /// <summary>Feeds one byte; returns the key press it completes (<see cref="Console.EditKey.None"/> when none).</summary>
    public Console.KeyPress FeedKey(byte scancode)
    {
        char c = Feed(scancode);
        return c != '\0' ? Console.KeyPress.FromCharacter(c) : new Console.KeyPress(_editKey);
    }

    /// <summary>Feeds one byte; returns the typed character, or '\0' when the byte typed nothing.</summary>
    public char Feed(byte scancode)
    {
        _editKey = Console.EditKey.None;
        if (scancode == 0xE0) { _extended = true; return '\0'; }
        bool release = (scancode & 0x80) != 0;
        byte code = (byte)(scancode & 0x7F);
        bool extended = _extended;
        _extended = false;
        switch (code)
        {
            case 0x2A: case 0x36: _shift = !release; return '\0';
            case 0x1D: _ctrl = !release; return '\0';
            case 0x3A: if (!release) _capsLock = !_capsLock; return '\0';
        }
        if (extended && !release)
        {
            _editKey = code switch
            {
                0x48 => Console.EditKey.Up, 0x50 => Console.EditKey.Down, 0x4B => Console.EditKey.Left, 0x4D => Console.EditKey.Right,
                0x47 => Console.EditKey.Home, 0x4F => Console.EditKey.End, 0x53 => Console.EditKey.Delete,
                _ => Console.EditKey.None,
            };
            return code == 0x1C ? '\n' : '\0'; // keypad Enter
        }
        if (release) return '\0';
        string normal = Layout == KeyboardLayout.German ? DeNormal : UsNormal;
        string shifted = Layout == KeyboardLayout.German ? DeShifted : UsShifted;
        if (code >= normal.Length) return '\0';
        char c = normal[code];
        if (c == '\0') return '\0';
        bool letter = char.IsLetter(c);
        bool upper = letter ? _shift ^ _capsLock : _shift;
        char typed = upper ? shifted[code] : c;
        if (_ctrl && letter) return (char)(char.ToLowerInvariant(c) - 'a' + 1); // Ctrl-A … Ctrl-Z
        return typed;
    }
}
