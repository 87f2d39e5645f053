using System;
using XairrosX.Drivers.Console;
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

    /// <summary>TSC when the shell first printed its prompt.</summary>
    public static ulong PromptTimestamp { get; internal set; }

    /// <summary>Brings up the services and runs the shell; returns only if the shell exits.</summary>
    public static void Start(BootInfo bootInfo, uint magic)
    {
        BootInfo = bootInfo;
        Tsc.Calibrate();
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

        Console.WriteLine($"XairrosX {Version} — managed x86_64 kernel on .NET {Environment.Version} (NativeAOT, real CoreLib)");
        Console.WriteLine($"boot: {bootInfo.BootLoader}, command line \"{bootInfo.CommandLine}\", {bootInfo.AvailableBytes / (1024 * 1024)} MiB usable RAM");
        Console.WriteLine($"cpu: TSC {Tsc.Frequency / 1_000_000} MHz, features {KernelEntry.CpuFeatures}");
        Crypto.KernelCrypto.Initialize(KernelEntry.CpuFeatures);
        new ShellHost().Run();
    }
}
