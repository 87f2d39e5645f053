using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory;

namespace XairrosX.Plugs.Exports;

/// <summary>
/// What CoreLib's System.GC asks of the collector: collection, statistics, no-GC regions, finalization.
/// Until the collector lands (managed-runtime work), collection reclaims nothing and the numbers are
/// those of the allocator: real, but with zero collections.
/// </summary>
internal static unsafe class GcSurface
{
    [UnmanagedCallersOnly(EntryPoint = "RhpCollect")]
    private static void Collect(int generation, int mode, int lowMemoryPressure) { }

    [UnmanagedCallersOnly(EntryPoint = "RhGetGcCollectionCount")]
    private static int CollectionCount(int generation, int getSpecialGCCount) => 0;

    [UnmanagedCallersOnly(EntryPoint = "RhpGetGcTotalMemory")]
    private static long TotalMemory() => (long)ManagedHeap.AllocatedBytes;

    [UnmanagedCallersOnly(EntryPoint = "RhGetTotalAllocatedBytes")]
    private static long TotalAllocatedBytes() => (long)ManagedHeap.AllocatedBytes;

    [UnmanagedCallersOnly(EntryPoint = "RhGetGenerationBudget")]
    private static long GenerationBudget(int generation) => (long)ManagedHeap.SegmentSize;

    [UnmanagedCallersOnly(EntryPoint = "RhGetGenerationSize")]
    private static long GenerationSize(int generation) => generation == 0 ? (long)ManagedHeap.AllocatedBytes : 0;

    [UnmanagedCallersOnly(EntryPoint = "RhGetLastGCPercentTimeInGC")]
    private static int LastGCPercentTimeInGC() => 0;

    [UnmanagedCallersOnly(EntryPoint = "RhGetMaxGcGeneration")]
    private static int MaxGeneration() => 0;

    [UnmanagedCallersOnly(EntryPoint = "RhGetTotalPauseDuration")]
    private static long TotalPauseDuration() => 0;

    // GCMemoryInfoData is filled field by field by CoreLib's own code from these exports elsewhere;
    // the structure here is left as CoreLib initialized it (zeros = no collection happened).
    [UnmanagedCallersOnly(EntryPoint = "RhGetMemoryInfo")]
    private static void MemoryInfo(void* data, int kind) { }

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
