using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Timers;

/// <summary>
/// The time-stamp counter as the kernel's clock: calibrated once against the PIT (channel 2, polled,
/// no interrupts needed), then read directly. Under emulation a TSC tick is not a hardware cycle; all
/// kernel timings are therefore reported beside a reference measured in the same emulator.
/// </summary>
public static class Tsc
{
    private static ulong s_frequency;
    private static ulong s_bootTsc;

    /// <summary>TSC ticks per second (0 before <see cref="Calibrate"/>).</summary>
    public static ulong Frequency => s_frequency;

    /// <summary>TSC value recorded at kernel entry.</summary>
    public static ulong BootTimestamp => s_bootTsc;

    /// <summary>Records the TSC at kernel entry.</summary>
    public static void MarkBoot() => s_bootTsc = Cpu.ReadTsc();

    /// <summary>Measures the TSC frequency over a 10 ms PIT one-shot; returns it.</summary>
    public static ulong Calibrate()
    {
        Pit8254.StartChannel2((ushort)(Pit8254.Frequency / 100)); // 10 ms
        ulong start = Cpu.ReadTsc();
        Pit8254.WaitChannel2();
        ulong end = Cpu.ReadTsc();
        s_frequency = (end - start) * 100;
        if (s_frequency == 0) s_frequency = 1_000_000_000;
        return s_frequency;
    }

    /// <summary>Nanoseconds since kernel entry.</summary>
    public static ulong NanosecondsSinceBoot()
    {
        ulong ticks = Cpu.ReadTsc() - s_bootTsc;
        ulong f = s_frequency == 0 ? 1_000_000_000 : s_frequency;
        return (ulong)((System.UInt128)ticks * 1_000_000_000 / f);
    }
}
