using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Timers;

/// <summary>
/// The 8254 programmable interval timer, 1.193182 MHz: channel 2 (gated by port 0x61, output readable
/// there, no interrupt) as a polled stopwatch for calibration, channel 0 (IRQ 0) for <see cref="PitTickTimer"/>.
/// </summary>
public static class Pit8254
{
    /// <summary>Input clock of every channel.</summary>
    public const uint Frequency = 1193182;

    /// <summary>Starts channel 2 counting down <paramref name="count"/> ticks (mode 0; output rises at zero).</summary>
    public static void StartChannel2(ushort count)
    {
        byte gate = Ports.In8(0x61);
        Ports.Out8(0x61, (byte)((gate & 0xFD) | 0x01)); // speaker off, gate on
        Ports.Out8(0x43, 0xB0);                          // channel 2, lobyte/hibyte, mode 0
        Ports.Out8(0x42, (byte)count);
        Ports.Out8(0x42, (byte)(count >> 8));
        gate = Ports.In8(0x61);                          // restart the count by toggling the gate
        Ports.Out8(0x61, (byte)(gate & 0xFE));
        Ports.Out8(0x61, (byte)(gate | 0x01));
    }

    /// <summary>True once channel 2 reached zero.</summary>
    public static bool Channel2Expired => (Ports.In8(0x61) & 0x20) != 0;

    /// <summary>Polls until channel 2 expires (bounded, so a missing PIT cannot hang the boot).</summary>
    public static void WaitChannel2()
    {
        for (ulong guard = 0; !Channel2Expired && ++guard < 100_000_000;) { }
    }

    /// <summary>Programs channel 0: mode 2 (rate generator, periodic) or mode 0 (one interrupt), lobyte/hibyte.</summary>
    public static void SetChannel0(bool periodic, ushort count)
    {
        Ports.Out8(0x43, (byte)(periodic ? 0x34 : 0x30));
        Ports.Out8(0x40, (byte)count);
        Ports.Out8(0x40, (byte)(count >> 8));
    }
}
