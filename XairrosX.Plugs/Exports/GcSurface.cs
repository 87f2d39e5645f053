using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory;
using XairrosX.Plugs.Memory.Gc;

namespace XairrosX.Plugs.Exports;

/// <summary>
/// What CoreLib's System.GC asks of the collector (<see cref="GarbageCollector"/>): RhpCollect,
/// RhGetGcCollectionCount, RhpGetGcTotalMemory, RhGetTotalAllocatedBytes, RhGetGenerationBudget,
/// RhGetGenerationSize, RhGetLastGCPercentTimeInGC, RhGetMaxGcGeneration, RhGetTotalPauseDuration,
/// RhGetMemoryInfo, no-GC regions, finalization. The collector is non-generational: every collection is
/// a full one, reported as generation 2 (MaxGeneration = 2, as on .NET, so GC.Collect(2) and
/// GC.CollectionCount(0..2) behave as programs expect). Finalizers are never run; SuppressFinalize and
/// ReRegisterForFinalize succeed and change nothing (documented in XairrosX.Plugs/README.md).
/// </summary>
internal static unsafe class GcSurface
{
    private const int MaxGeneration = 2;

    [UnmanagedCallersOnly(EntryPoint = "RhpCollect")]
    private static void Collect(int generation, int mode, int lowMemoryPressure) => GarbageCollector.Collect(GarbageCollector.Reason.Explicit);

    [UnmanagedCallersOnly(EntryPoint = "RhGetGcCollectionCount")]
    private static int CollectionCount(int generation, int getSpecialGCCount) =>
        generation <= MaxGeneration ? (int)GcStatistics.Collections : 0;

    // Bytes thought to be in use: what survived the last collection plus what was allocated since.
    [UnmanagedCallersOnly(EntryPoint = "RhpGetGcTotalMemory")]
    private static long TotalMemory() => (long)(GcStatistics.LiveBytes + ManagedHeap.AllocatedSinceCollection);

    [UnmanagedCallersOnly(EntryPoint = "RhGetTotalAllocatedBytes")]
    private static long TotalAllocatedBytes() => (long)ManagedHeap.AllocatedBytes;

    [UnmanagedCallersOnly(EntryPoint = "RhGetGenerationBudget")]
    private static long GenerationBudget(int generation) => (long)ManagedHeap.Budget;

    [UnmanagedCallersOnly(EntryPoint = "RhGetGenerationSize")]
    private static long GenerationSize(int generation) =>
        generation == MaxGeneration ? (long)(GcStatistics.LiveBytes + ManagedHeap.AllocatedSinceCollection) : 0;

    [UnmanagedCallersOnly(EntryPoint = "RhGetLastGCPercentTimeInGC")]
    private static int LastGCPercentTimeInGC() => GcStatistics.LastPercentTimeInGc;

    [UnmanagedCallersOnly(EntryPoint = "RhGetMaxGcGeneration")]
    private static int MaxGcGeneration() => MaxGeneration;

    [UnmanagedCallersOnly(EntryPoint = "RhGetTotalPauseDuration")]
    private static long TotalPauseDuration() => GcStatistics.TicksToTimeSpanTicks(GcStatistics.TotalPauseTicks);

    // CoreLib's GCMemoryInfoData (System/GCMemoryInfo.cs): ten longs, int generation, int pause-time
    // percentage, bytes compacted/concurrent, five GCGenerationInfo (four longs each), two TimeSpans.
    [StructLayout(LayoutKind.Sequential)]
    private struct MemoryInfoData
    {
        public long HighMemoryLoadThresholdBytes, TotalAvailableMemoryBytes, MemoryLoadBytes, HeapSizeBytes,
            FragmentedBytes, TotalCommittedBytes, PromotedBytes, PinnedObjectsCount, FinalizationPendingCount, Index;
        public int Generation, PauseTimePercentage;
        public byte Compacted, Concurrent;
        public GenerationInfo Gen0, Gen1, Gen2, Loh, Poh;
        public long PauseDuration0, PauseDuration1;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct GenerationInfo
    {
        public long SizeBefore, FragmentationBefore, SizeAfter, FragmentationAfter;
    }

    // kind: 0 any, 1 ephemeral, 2 full blocking, 3 background. Every collection here is full and blocking.
    [UnmanagedCallersOnly(EntryPoint = "RhGetMemoryInfo")]
    private static void MemoryInfo(MemoryInfoData* data, int kind)
    {
        *data = default;
        if (GcStatistics.Collections == 0 || kind == 1 || kind == 3) return;
        long total = (long)PageAllocator.TotalBytes;
        long committed = (long)ManagedHeap.SegmentBytes;
        data->HighMemoryLoadThresholdBytes = total * 9 / 10;
        data->TotalAvailableMemoryBytes = total;
        data->MemoryLoadBytes = (long)PageAllocator.UsedBytes;
        data->HeapSizeBytes = (long)GcStatistics.HeapBytes;
        data->FragmentedBytes = (long)GcStatistics.FreeBytes;
        data->TotalCommittedBytes = committed;
        data->PromotedBytes = (long)GcStatistics.LiveBytes;
        data->PinnedObjectsCount = (long)GcStatistics.PinnedObjects;
        data->Index = (long)GcStatistics.Collections;
        data->Generation = MaxGeneration;
        data->PauseTimePercentage = GcStatistics.LastPercentTimeInGc * 100;
        data->Gen2.SizeBefore = (long)GcStatistics.HeapBytesBefore;
        data->Gen2.SizeAfter = (long)GcStatistics.LiveBytes;
        data->Gen2.FragmentationAfter = (long)GcStatistics.FreeBytes;
        data->PauseDuration0 = GcStatistics.TicksToTimeSpanTicks(GcStatistics.LastPauseTicks);
    }

    [UnmanagedCallersOnly(EntryPoint = "RhpStartNoGCRegion")]
    private static int StartNoGCRegion(long totalSize, int hasLohSize, long lohSize, int disallowFullBlockingGC) => 0;

    [UnmanagedCallersOnly(EntryPoint = "RhpEndNoGCRegion")]
    private static int EndNoGCRegion() => 0;

    [UnmanagedCallersOnly(EntryPoint = "RhSuppressFinalize")]
    private static void SuppressFinalize(nint obj) { }

    [UnmanagedCallersOnly(EntryPoint = "RhReRegisterForFinalize")]
    private static int ReRegisterForFinalize(nint obj) => 1;

    [UnmanagedCallersOnly(EntryPoint = "RhWaitForPendingFinalizers")]
    private static void WaitForPendingFinalizers(int allowReentrantWait) { }

    [UnmanagedCallersOnly(EntryPoint = "RhpGetNextFinalizableObject")]
    private static nint NextFinalizableObject() => 0;

    [UnmanagedCallersOnly(EntryPoint = "RhpWaitForFinalizerRequest")]
    private static int WaitForFinalizerRequest() => 0;

    [UnmanagedCallersOnly(EntryPoint = "RhpSignalFinalizationComplete")]
    private static void SignalFinalizationComplete(uint fCount, int observedFullGcCount) { }

    [UnmanagedCallersOnly(EntryPoint = "RhpSetThreadDoNotTriggerGC")]
    private static int SetThreadDoNotTriggerGC(int value) => 0;
}
