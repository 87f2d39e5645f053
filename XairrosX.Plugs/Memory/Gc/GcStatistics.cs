using XairrosX.Drivers.Timers;

namespace XairrosX.Plugs.Memory.Gc;

/// <summary>Figures about past collections, for System.GC and the shell. Times come from the TSC.</summary>
public static class GcStatistics
{
    private static ulong s_collections;
    private static ulong s_lastPauseTicks, s_maxPauseTicks, s_totalPauseTicks;
    private static ulong s_lastEndTsc, s_previousEndTsc;
    private static ulong s_liveBytes, s_liveObjects, s_freeBytes, s_heapBytes, s_pinnedObjects;
    private static ulong s_heapBytesBefore;

    /// <summary>Collections since boot.</summary>
    public static ulong Collections => s_collections;
    /// <summary>Bytes of objects that survived the last collection.</summary>
    public static ulong LiveBytes => s_liveBytes;
    /// <summary>Objects that survived the last collection.</summary>
    public static ulong LiveObjects => s_liveObjects;
    /// <summary>Bytes of free blocks after the last collection (fragmentation).</summary>
    public static ulong FreeBytes => s_freeBytes;
    /// <summary>Heap (segment) bytes at the end of the last collection.</summary>
    public static ulong HeapBytes => s_heapBytes;
    /// <summary>Bytes of objects on the heap when the last collection started (live + garbage).</summary>
    public static ulong HeapBytesBefore => s_heapBytesBefore;
    /// <summary>Objects pinned by conservative roots in the last collection.</summary>
    public static ulong PinnedObjects => s_pinnedObjects;
    /// <summary>TSC ticks of the last pause.</summary>
    public static ulong LastPauseTicks => s_lastPauseTicks;
    /// <summary>TSC ticks of the longest pause.</summary>
    public static ulong MaxPauseTicks => s_maxPauseTicks;
    /// <summary>TSC ticks of all pauses.</summary>
    public static ulong TotalPauseTicks => s_totalPauseTicks;

    /// <summary>TSC ticks as milliseconds (0 before the TSC is calibrated).</summary>
    public static double TicksToMilliseconds(ulong ticks) => Tsc.Frequency == 0 ? 0 : ticks * 1000.0 / Tsc.Frequency;

    /// <summary>TSC ticks as 100 ns units (TimeSpan ticks).</summary>
    public static long TicksToTimeSpanTicks(ulong ticks) => Tsc.Frequency == 0 ? 0 : (long)((System.UInt128)ticks * 10_000_000 / Tsc.Frequency);

    /// <summary>Percentage of time spent in the last pause since the previous collection ended (0–100).</summary>
    public static int LastPercentTimeInGc
    {
        get
        {
            if (s_collections == 0) return 0;
            ulong window = s_lastEndTsc - (s_previousEndTsc == 0 ? Tsc.BootTimestamp : s_previousEndTsc);
            return window == 0 ? 100 : (int)(s_lastPauseTicks * 100 / window);
        }
    }

    internal static void Record(ulong startTsc, ulong endTsc, in SweepResult sweep, ulong heapBytes, ulong bytesBefore, ulong pinned)
    {
        s_collections++;
        ulong pause = endTsc - startTsc;
        s_lastPauseTicks = pause;
        if (pause > s_maxPauseTicks) s_maxPauseTicks = pause;
        s_totalPauseTicks += pause;
        s_previousEndTsc = s_lastEndTsc;
        s_lastEndTsc = endTsc;
        s_liveBytes = sweep.LiveBytes;
        s_liveObjects = sweep.LiveObjects;
        s_freeBytes = sweep.FreeBytes;
        s_heapBytes = heapBytes;
        s_heapBytesBefore = bytesBefore;
        s_pinnedObjects = pinned;
    }
}
