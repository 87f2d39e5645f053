using System.Runtime.InteropServices;
using XairrosX.Drivers.Timers;

namespace XairrosX.Plugs.Pal;

/// <summary>
/// Time for the BCL: Stopwatch (SystemNative_GetTimestamp, nanoseconds from the calibrated TSC),
/// Environment.TickCount64 (SystemNative_GetLowResolutionTimestamp, milliseconds) and DateTime.UtcNow
/// (SystemNative_GetSystemTimeAsTicks: 100 ns ticks since the Unix epoch, from the CMOS clock read at
/// boot plus the TSC since).
/// </summary>
internal static class TimePal
{
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetTimestamp")]
    private static ulong GetTimestamp() => Tsc.NanosecondsSinceBoot();

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetLowResolutionTimestamp")]
    private static long GetLowResolutionTimestamp() => (long)(Tsc.NanosecondsSinceBoot() / 1_000_000);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetSystemTimeAsTicks")]
    private static long GetSystemTimeAsTicks() => WallClock.UnixTicksNow();
}

/// <summary>Wall-clock time: the RTC reading at boot plus elapsed TSC time.</summary>
public static class WallClock
{
    private static long s_bootUnixTicks;

    /// <summary>Records the wall-clock time of boot (100 ns ticks since 1970-01-01 UTC).</summary>
    public static void SetBootTime(long unixTicks) => s_bootUnixTicks = unixTicks;

    /// <summary>Now, in 100 ns ticks since the Unix epoch.</summary>
    public static long UnixTicksNow() => s_bootUnixTicks + (long)(Tsc.NanosecondsSinceBoot() / 100);
}
