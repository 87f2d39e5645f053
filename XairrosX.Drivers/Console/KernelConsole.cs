using System;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Serial;

namespace XairrosX.Drivers.Console;

/// <summary>
/// The kernel's terminal: output goes to COM1 and the screen (<see cref="ScreenConsole"/>: VGA text or the
/// framebuffer); input comes from COM1 (<see cref="AnsiKeyDecoder"/>) and the PS/2 keyboard through a
/// canonical-mode line discipline with line editing (<see cref="LineDiscipline"/>: echo, backspace, cursor
/// keys, history, tab completion, Ctrl-U, Ctrl-D = end of input), like a Unix TTY.
/// This is what the BCL's Console reaches through the PAL's read/write on descriptors 0, 1 and 2.
/// Output is allocation-free: it runs before the managed heap exists and inside the panic path.
/// </summary>
public static unsafe class KernelConsole
{
    /// <summary>Longest line the discipline keeps; further characters are counted but dropped.</summary>
    public const int MaxLine = 4096;
    private static byte* s_lineBuffer;
    private static int s_lineLength, s_lineRead, s_lineReady;
    private static bool s_endOfInput;
    private static bool s_echo = true;
    private static delegate*<void> s_idle;
    private static AnsiKeyDecoder s_serialKeys;
    private static int s_utf8Pending, s_utf8Value;
    private const int MaxTail = 160;
    private struct Tail { public fixed char Chars[MaxTail]; }
    private static Tail s_tail;
    private static int s_tailLength, s_tailEscape;

    /// <summary>Brings up the serial port and the text screen.</summary>
    public static void Initialize(byte* lineBuffer)
    {
        s_lineBuffer = lineBuffer;
        Uart16550.Initialize();
        ScreenConsole.Clear();
    }

    /// <summary>Whether typed characters are echoed back (on by default, as in a TTY).</summary>
    public static bool Echo { get => s_echo; set => s_echo = value; }

    /// <summary>Called while waiting for input (for example to halt until the next interrupt).</summary>
    public static void SetIdleHook(delegate*<void> idle) => s_idle = idle;

    /// <summary>True after Ctrl-D at the start of a line: the reader sees end of file.</summary>
    public static bool EndOfInput => s_endOfInput;

    /// <summary>Writes one character to every output device.</summary>
    public static void Write(char c)
    {
        if (c == '\n') Uart16550.Write((byte)'\r');
        if (c < 0x80) Uart16550.Write((byte)c);
        else WriteUtf8(c);
        ScreenConsole.Write(c);
        Remember(c);
    }

    private static void WriteUtf8(char c)
    {
        if (c < 0x800) { Uart16550.Write((byte)(0xC0 | (c >> 6))); Uart16550.Write((byte)(0x80 | (c & 0x3F))); return; }
        Uart16550.Write((byte)(0xE0 | (c >> 12)));
        Uart16550.Write((byte)(0x80 | ((c >> 6) & 0x3F)));
        Uart16550.Write((byte)(0x80 | (c & 0x3F)));
    }

    /// <summary>Writes a string.</summary>
    public static void Write(ReadOnlySpan<char> text)
    {
        foreach (char c in text) Write(c);
    }

    /// <summary>Writes UTF-8 bytes (decoded for the screen, passed through for the serial line).</summary>
    public static void WriteUtf8(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b == (byte)'\n') Uart16550.Write((byte)'\r');
            Uart16550.Write(b);
            if (b < 0x80) { s_utf8Pending = 0; ScreenConsole.Write((char)b); Remember((char)b); continue; }
            if ((b & 0xC0) == 0x80)
            {
                if (s_utf8Pending == 0) continue;
                s_utf8Value = (s_utf8Value << 6) | (b & 0x3F);
                if (--s_utf8Pending == 0) { char c = s_utf8Value <= 0xFFFF ? (char)s_utf8Value : '?'; ScreenConsole.Write(c); Remember(c); }
                continue;
            }
            s_utf8Pending = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
            s_utf8Value = b & (0x3F >> s_utf8Pending);
        }
    }

    /// <summary>Writes an unsigned number in hexadecimal with a fixed digit count.</summary>
    public static void WriteHex(ulong value, int digits = 16)
    {
        for (int i = digits - 1; i >= 0; i--)
        {
            int nibble = (int)((value >> (i * 4)) & 0xF);
            Write((char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10));
        }
    }

    /// <summary>Writes an unsigned number in decimal.</summary>
    public static void WriteDecimal(ulong value)
    {
        char* digits = stackalloc char[20];
        int n = 0;
        do { digits[n++] = (char)('0' + value % 10); value /= 10; } while (value != 0);
        while (n > 0) Write(digits[--n]);
    }

    /// <summary>
    /// Reads up to <paramref name="buffer"/>.Length bytes of the current input line (blocking until a
    /// whole line is typed). Returns 0 at end of input. The screen is brought up to date while waiting.
    /// </summary>
    public static int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        while (s_lineReady == 0)
        {
            if (s_endOfInput) return 0;
            if (Uart16550.TryRead(out byte b)) { Accept(s_serialKeys.Feed(b)); continue; }
            if (Input.Ps2Keyboard.TryReadKey(out KeyPress key)) { Accept(key); continue; }
            ScreenConsole.Flush();
            if (s_idle != null) s_idle(); else Cpu.Pause();
        }
        int n = Math.Min(buffer.Length, s_lineLength - s_lineRead);
        new ReadOnlySpan<byte>(s_lineBuffer + s_lineRead, n).CopyTo(buffer);
        s_lineRead += n;
        if (s_lineRead == s_lineLength) { s_lineReady = 0; s_lineLength = 0; s_lineRead = 0; }
        return n;
    }

    /// <summary>
    /// Takes one decoded key press from the serial line or the keyboard without line editing (raw mode), or
    /// returns false when none is waiting. For readers that want keys rather than lines (the async key stream).
    /// </summary>
    public static bool TryReadKey(out KeyPress key)
    {
        while (Uart16550.TryRead(out byte b))
        {
            key = s_serialKeys.Feed(b);
            if (key.Key != EditKey.None) return true;
        }
        while (Input.Ps2Keyboard.TryReadKey(out key))
        {
            if (key.Key != EditKey.None) return true;
        }
        key = default;
        return false;
    }

    private static void Accept(KeyPress key)
    {
        if (key.Key == EditKey.None) return;
        int n = LineDiscipline.Accept(key, new Span<byte>(s_lineBuffer, MaxLine));
        if (n < 0) s_endOfInput = true;
        else if (n > 0) { s_lineLength = n; s_lineReady = 1; }
    }

    /// <summary>Brings the screen up to date (the framebuffer console renders lazily).</summary>
    public static void Flush() => ScreenConsole.Flush();

    /// <summary>What was written since the last newline (up to <see cref="MaxTail"/> characters): the prompt, when input starts.</summary>
    public static string CurrentOutputLine()
    {
        fixed (char* chars = s_tail.Chars) return new string(chars, 0, Math.Min(s_tailLength, MaxTail));
    }

    // Escape sequences are left out (s_tailEscape: 1 after ESC, 2 inside ESC [ … final byte): the prompt is
    // reprinted after a completion list, and must not clear the screen again.
    private static void Remember(char c)
    {
        if (s_tailEscape == 1) { s_tailEscape = c == '[' ? 2 : 0; return; }
        if (s_tailEscape == 2) { if (c >= '@' && c <= '~') s_tailEscape = 0; return; }
        if (c == '\u001b') { s_tailEscape = 1; return; }
        if (c == '\n' || c == '\r') s_tailLength = 0;
        else if (c == '\b') { if (s_tailLength > 0) s_tailLength--; }
        else if (s_tailLength < MaxTail) s_tail.Chars[s_tailLength++] = c;
        else s_tailLength++;
    }
}
