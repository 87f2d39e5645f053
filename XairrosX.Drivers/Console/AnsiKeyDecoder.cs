namespace XairrosX.Drivers.Console;

/// <summary>
/// Turns the bytes a terminal sends over the serial line into key presses: UTF-8 characters, control
/// characters (<see cref="KeyPress.FromCharacter"/>) and the cursor-key sequences of VT100/xterm —
/// <c>ESC [ A/B/C/D</c> (up, down, right, left), <c>ESC [ H/F</c> and <c>ESC O H/F</c> (home, end),
/// <c>ESC [ 1~/7~</c> (home), <c>ESC [ 4~/8~</c> (end), <c>ESC [ 3~</c> (delete). Unknown sequences are
/// swallowed whole; an ESC followed by something else is dropped and the byte decoded normally.
/// Malformed UTF-8 becomes U+FFFD; C1 control characters are dropped. Pure logic, tested on the host.
/// </summary>
public struct AnsiKeyDecoder
{
    private enum State : byte { Ground, Escape, Csi, Ss3, Utf8 }

    private State _state;
    private int _parameter, _utf8Remaining, _utf8Value;

    /// <summary>Feeds one byte; returns the key it completes (<see cref="EditKey.None"/> when none yet).</summary>
    public KeyPress Feed(byte b)
    {
        switch (_state)
        {
            case State.Escape:
                if (b == (byte)'[') { _state = State.Csi; _parameter = 0; return default; }
                if (b == (byte)'O') { _state = State.Ss3; return default; }
                _state = State.Ground;
                return Feed(b);
            case State.Csi:
                if (b >= (byte)'0' && b <= (byte)'9') { _parameter = _parameter < 1000 ? _parameter * 10 + (b - '0') : _parameter; return default; }
                if (b == (byte)';') return default;
                _state = State.Ground;
                if (b == (byte)'~') return new KeyPress(_parameter switch { 1 or 7 => EditKey.Home, 4 or 8 => EditKey.End, 3 => EditKey.Delete, _ => EditKey.None });
                return b >= 0x40 && b <= 0x7E ? new KeyPress(CursorKey(b)) : default;
            case State.Ss3:
                _state = State.Ground;
                return new KeyPress(CursorKey(b));
            case State.Utf8:
                if ((b & 0xC0) == 0x80)
                {
                    _utf8Value = (_utf8Value << 6) | (b & 0x3F);
                    if (--_utf8Remaining > 0) return default;
                    _state = State.Ground;
                    if (_utf8Value < 0xA0) return default; // C1 control characters type nothing
                    bool representable = _utf8Value <= 0xFFFF && (_utf8Value < 0xD800 || _utf8Value > 0xDFFF);
                    return new KeyPress(EditKey.Character, representable ? (char)_utf8Value : '\uFFFD');
                }
                _state = State.Ground;
                return Feed(b); // the sequence broke off: decode this byte afresh (the broken character is lost)
        }
        if (b == 0x1B) { _state = State.Escape; return default; }
        if (b < 0x80) return KeyPress.FromCharacter((char)b);
        if (b >= 0xC2 && b <= 0xF4)
        {
            _utf8Remaining = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
            _utf8Value = b & (0x3F >> _utf8Remaining);
            _state = State.Utf8;
            return default;
        }
        return new KeyPress(EditKey.Character, '\uFFFD');
    }

    private static EditKey CursorKey(byte final) => final switch
    {
        (byte)'A' => EditKey.Up,
        (byte)'B' => EditKey.Down,
        (byte)'C' => EditKey.Right,
        (byte)'D' => EditKey.Left,
        (byte)'H' => EditKey.Home,
        (byte)'F' => EditKey.End,
        _ => EditKey.None,
    };
}
