using System;
using XairrosX.Drivers.Acpi;
using XairrosX.Drivers.Console;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Power;
using XairrosX.Drivers.Timers;
using XairrosX.Kernel.Boot;
using XairrosX.Kernel.Shell;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel;

/// <summary>The kernel proper: everything after the runtime is up. Table of contents of boot.</summary>
public static class Kernel
{
    /// <summary>Kernel version.</summary>
    public const string Version = "0.1.0";

    /// <summary>What the boot loader reported.</summary>
    public static BootInfo BootInfo { get; private set; }

    /// <summary>The ACPI tables (null when the firmware provided none or they were invalid).</summary>
    public static AcpiTables Acpi { get; private set; }

    /// <summary>TSC when the shell first printed its prompt.</summary>
    public static ulong PromptTimestamp { get; internal set; }

    /// <summary>Brings up the services and runs the shell; returns only if the shell exits.</summary>
    public static void Start(BootInfo bootInfo, uint magic)
    {
        BootInfo = bootInfo;
        string screen = ScreenSetup.Start(bootInfo.Framebuffer);
        Tsc.Calibrate();
        XairrosX.Plugs.Memory.ManagedHeap.EnableCollection(); // the runtime is up: collections may run from here on
        XairrosX.Plugs.Threading.Scheduler.Start();       // the boot thread becomes thread 1; threads can start
        Threading.ConsoleWait.Install();
        var rtc = CmosRtc.ReadUtc();
        try
        {
            var now = new DateTime(rtc.Year, rtc.Month, rtc.Day, rtc.Hour, rtc.Minute, rtc.Second, DateTimeKind.Utc);
            WallClock.SetBootTime((now - DateTime.UnixEpoch).Ticks - (long)(Tsc.NanosecondsSinceBoot() / 100));
        }
        catch (ArgumentOutOfRangeException)
        {
            Console.WriteLine("rtc: the CMOS clock holds an invalid date; wall-clock time starts at the epoch");
        }

        Acpi = LoadAcpi(bootInfo);

        Console.WriteLine($"XairrosX {Version} — managed x86_64 kernel on .NET {Environment.Version} (NativeAOT, real CoreLib)");
        Console.WriteLine($"boot: {bootInfo.BootLoader}, command line \"{bootInfo.CommandLine}\", {bootInfo.AvailableBytes / (1024 * 1024)} MiB usable RAM");
        Console.WriteLine(screen);
        Console.WriteLine($"cpu: TSC {Tsc.Frequency / 1_000_000} MHz, features {KernelEntry.CpuFeatures}");
        Console.WriteLine(KernelImageProtection.Apply());
        Console.WriteLine(InitializeInterrupts(Acpi));
        Threading.PreemptionTimer.Start();
        Console.WriteLine($"sched: preemptive, {Threading.PreemptionTimer.FrequencyHz} Hz tick from {Threading.PreemptionTimer.Source}, {XairrosX.Plugs.Threading.Scheduler.QuantumMilliseconds} ms slices");
        Console.WriteLine(FileSystem.FileSystemBoot.Mount(bootInfo));
        Storage.BlockStorage.ProbeAndLog();
        if (FileSystem.FileSystemBoot.MountDisk(Storage.BlockStorage.Registry) is string disk) Console.WriteLine(disk);
        Crypto.KernelCrypto.Initialize(KernelEntry.CpuFeatures);
        new ShellHost().Run();
    }

    // LAPIC, I/O APICs and timers from the MADT; without it the PIC stays masked and interrupts off.
    private static string InitializeInterrupts(AcpiTables acpi)
    {
        if (acpi?.Find("APIC") is not AcpiTable table) return "irq: no MADT; interrupts stay off (PIC masked)";
        try
        {
            return TickTimers.Initialize(Madt.Parse(table.Data));
        }
        catch (FormatException e)
        {
            return "irq: " + e.Message + "; interrupts stay off";
        }
    }

    // ACPI gives the power-off port and sleep type; without it PowerControl falls back to known ports.
    private static AcpiTables LoadAcpi(BootInfo bootInfo)
    {
        if (bootInfo.RsdpAddress == 0) return null;
        try
        {
            AcpiTables tables = AcpiTables.Load(IdentityMappedMemory.Instance, bootInfo.RsdpAddress);
            if (PowerInfo.From(tables) is { Pm1aControlPort: not 0 } power)
                PowerControl.ConfigureAcpi(power.Pm1aControlPort, power.SleepTypeS5);
            return tables;
        }
        catch (FormatException e)
        {
            Console.WriteLine("acpi: " + e.Message);
            return null;
        }
    }
}
