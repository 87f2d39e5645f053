using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Serial;

/// <summary>A 16550 UART in polled mode (COM1 by default): 115200 baud, 8N1.</summary>
public static class Uart16550
{
    /// <summary>I/O base of COM1.</summary>
    public const ushort Com1 = 0x3F8;
    private static ushort s_base = Com1;
    private static bool s_present;

    /// <summary>True once <see cref="Initialize"/> found a UART (its scratch register holds a value).</summary>
    public static bool Present => s_present;

    /// <summary>Programs the UART; returns false when no UART answers at that port.</summary>
    public static bool Initialize(ushort basePort = Com1)
    {
        s_base = basePort;
        // Presence via the scratch register; no loopback test, which would eat bytes already received
        // (input typed or piped before the kernel started must not be lost).
        Ports.Out8((ushort)(s_base + 7), 0x5A);
        if (Ports.In8((ushort)(s_base + 7)) != 0x5A) return s_present = false;
        Ports.Out8((ushort)(s_base + 1), 0x00);   // no interrupts yet
        Ports.Out8((ushort)(s_base + 3), 0x80);   // DLAB
        Ports.Out8((ushort)(s_base + 0), 0x01);   // divisor 1 = 115200 baud
        Ports.Out8((ushort)(s_base + 1), 0x00);
        Ports.Out8((ushort)(s_base + 3), 0x03);   // 8N1
        // The FIFO control register is left alone: toggling FIFO enable clears the receive FIFO, which
        // would drop input that arrived during boot.
        Ports.Out8((ushort)(s_base + 4), 0x0B);   // OUT2, RTS, DTR
        return s_present = true;
    }

    /// <summary>Sends one byte, waiting for room in the transmitter.</summary>
    public static void Write(byte value)
    {
        int spins = 100000;
        while ((Ports.In8((ushort)(s_base + 5)) & 0x20) == 0 && --spins > 0) Cpu.Pause();
        Ports.Out8(s_base, value);
    }

    /// <summary>True when a received byte is waiting.</summary>
    public static bool HasInput => (Ports.In8((ushort)(s_base + 5)) & 0x01) != 0;

    /// <summary>Takes a received byte if there is one.</summary>
    public static bool TryRead(out byte value)
    {
        if (!HasInput) { value = 0; return false; }
        value = Ports.In8(s_base);
        return true;
    }
}
