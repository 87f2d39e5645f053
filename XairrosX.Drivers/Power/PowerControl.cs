using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Power;

/// <summary>
/// Power-off and reset. Power-off uses the ACPI PM1a control register (taken from the FADT when the
/// ACPI driver has read it, else the ports QEMU's PIIX4/ICH9 chipsets use), then the emulator's exit
/// device as a last resort. Reset uses the keyboard controller, then a triple fault.
/// </summary>
public static class PowerControl
{
    /// <summary>Port of QEMU's isa-debug-exit device (as configured by the run script).</summary>
    public const ushort DebugExitPort = 0xF4;
    /// <summary>Value written on a panic: QEMU exits with status (value &lt;&lt; 1) | 1 = 3.</summary>
    public const byte PanicExitValue = 1;

    private static ushort s_pm1aControl;
    private static ushort s_sleepTypeS5;

    /// <summary>Sets the PM1a control port and the S5 sleep type found by the ACPI driver.</summary>
    public static void ConfigureAcpi(ushort pm1aControlPort, ushort sleepTypeS5)
    {
        s_pm1aControl = pm1aControlPort;
        s_sleepTypeS5 = sleepTypeS5;
    }

    /// <summary>Turns the machine off; returns only if no method worked.</summary>
    public static void PowerOff()
    {
        Cpu.DisableInterrupts();
        const ushort SleepEnable = 1 << 13;
        // The machine turns off asynchronously: give each method time to act before trying the next,
        // so that a slower one cannot be overtaken by the emulator exit device (which reports status 1).
        if (s_pm1aControl != 0) { Ports.Out16(s_pm1aControl, (ushort)((s_sleepTypeS5 << 10) | SleepEnable)); Wait(); }
        Ports.Out16(0x604, SleepEnable);      // QEMU i440fx/PIIX4 (and q35 ICH9 at 0x604) with S5 = 0
        Wait();
        Ports.Out16(0xB004, SleepEnable);     // older QEMU and Bochs
        Wait();
        Ports.Out16(0x4004, 0x3400);          // VirtualBox
        Wait();
        ExitEmulator(0);
    }

    private static void Wait()
    {
        ulong frequency = Timers.Tsc.Frequency == 0 ? 1_000_000_000 : Timers.Tsc.Frequency;
        ulong until = Cpu.ReadTsc() + frequency / 2;
        while (Cpu.ReadTsc() < until) Cpu.Pause();
    }

    /// <summary>Writes to the emulator's exit device (no effect on real hardware).</summary>
    public static void ExitEmulator(byte value) => Ports.Out8(DebugExitPort, value);

    /// <summary>Resets the machine.</summary>
    public static void Reboot()
    {
        Cpu.DisableInterrupts();
        for (int i = 0; i < 100000 && (Ports.In8(0x64) & 0x02) != 0; i++) Cpu.Pause();
        Ports.Out8(0x64, 0xFE);
        Ports.Out8(0xCF9, 0x06);              // PCI reset control register
        Cpu.HaltForever();
    }
}
