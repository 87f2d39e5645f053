using System;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Serial;
using XairrosX.Drivers.Video;

namespace XairrosX.Drivers.Console;

/// <summary>
/// The kernel's terminal: output goes to COM1 and the screen; input comes from COM1 and the PS/2
/// keyboard through a canonical-mode line discipline (echo, backspace, Ctrl-U, Ctrl-D = end of input),
/// like a Unix TTY.
/// This is what the BCL's Console reaches through the PAL's read/write on descriptors 0, 1 and 2.
/// Allocation-free: it runs before the managed heap exists and inside the panic path.
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

    /// <summary>Brings up the serial port and the text screen.</summary>
    public static void Initialize(byte* lineBuffer)
    {
        s_lineBuffer = lineBuffer;
        Uart16550.Initialize();
        VgaText.Clear();
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
        VgaText.Write(c);
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
            if (b < 0x80) VgaText.Write((char)b);
            else if ((b & 0xC0) == 0xC0) VgaText.Write('?');
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
    /// whole line is typed). Returns 0 at end of input.
    /// </summary>
    public static int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        while (s_lineReady == 0)
        {
            if (s_endOfInput) return 0;
            if (Uart16550.TryRead(out byte b)) { Accept(b); continue; }
            if (Input.Ps2Keyboard.TryReadChar(out char key)) { AcceptChar(key); continue; }
            if (s_idle != null) s_idle(); else Cpu.Pause();
        }
        int n = Math.Min(buffer.Length, s_lineLength - s_lineRead);
        new ReadOnlySpan<byte>(s_lineBuffer + s_lineRead, n).CopyTo(buffer);
        s_lineRead += n;
        if (s_lineRead == s_lineLength) { s_lineReady = 0; s_lineLength = 0; s_lineRead = 0; }
        return n;
    }

    private static void Accept(byte b)
    {
        switch (b)
        {
            case (byte)'\r':
            case (byte)'\n':
                if (s_echo) Write('\n');
                Append((byte)'\n');
                s_lineReady = 1;
                return;
            case 0x04: // Ctrl-D: end of input on an empty line, else submit the line without newline
                if (s_lineLength == 0) s_endOfInput = true; else s_lineReady = 1;
                return;
            case 0x08:
            case 0x7F:
                if (s_lineLength > 0)
                {
                    // Drop a whole UTF-8 sequence.
                    do s_lineLength--; while (s_lineLength > 0 && (s_lineBuffer[s_lineLength] & 0xC0) == 0x80);
                    if (s_echo) { Write('\b'); Write(' '); Write('\b'); }
                }
                return;
            case 0x15: // Ctrl-U
                while (s_lineLength > 0) { s_lineLength--; if (s_echo) { Write('\b'); Write(' '); Write('\b'); } }
                return;
        }
        if (b < 0x20 && b != (byte)'\t') return;
        Append(b);
        if (s_echo && (b < 0x80)) Write((char)b);
    }

    // A character typed on the keyboard, fed to the line discipline as UTF-8 bytes.
    private static void AcceptChar(char c)
    {
        if (c < 0x80) { Accept((byte)c); return; }
        Span<byte> utf8 = stackalloc byte[3];
        int n = System.Text.Encoding.UTF8.GetBytes(new ReadOnlySpan<char>(in c), utf8);
        for (int i = 0; i < n; i++) Append(utf8[i]);
        if (s_echo) Write(c);
    }

    private static void Append(byte b)
    {
        // One byte is kept for the newline so an over-long line still ends.
        if (s_lineLength < MaxLine - 1 || b == (byte)'\n') s_lineBuffer[Math.Min(s_lineLength++, MaxLine - 1)] = b;
    }
}
