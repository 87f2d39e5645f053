using System.Runtime.InteropServices;

namespace XairrosX.Plugs.Exports;

/// <summary>
/// EventPipe and NativeRuntimeEventSource entry points: the kernel has no diagnostics IPC, so providers
/// are accepted and events dropped (CoreLib checks IsEnabled before doing work, and nothing enables them).
/// </summary>
internal static unsafe class EventPipe
{
    [UnmanagedCallersOnly(EntryPoint = "EventPipeInternal_CreateProvider")]
    private static nint CreateProvider(char* name, void* callback, void* context) => 1;

    [UnmanagedCallersOnly(EntryPoint = "EventPipeInternal_DefineEvent")]
    private static nint DefineEvent(nint provider, uint eventId, long keywords, uint version, uint level, void* metadata, uint metadataLength) => 1;

    [UnmanagedCallersOnly(EntryPoint = "EventPipeInternal_DeleteProvider")]
    private static void DeleteProvider(nint provider) { }

    [UnmanagedCallersOnly(EntryPoint = "EventPipeInternal_EventActivityIdControl")]
    private static int EventActivityIdControl(uint controlCode, void* activityId) => 0;

    [UnmanagedCallersOnly(EntryPoint = "EventPipeInternal_WriteEventData")]
    private static void WriteEventData(nint eventHandle, void* data, uint dataCount, void* activityId, void* relatedActivityId) { }

    [UnmanagedCallersOnly(EntryPoint = "NativeRuntimeEventSource_LogContentionLockCreated")]
    private static void ContentionLockCreated(nint lockId, nint associatedObjectId, ushort clrInstanceId) { }

    [UnmanagedCallersOnly(EntryPoint = "NativeRuntimeEventSource_LogContentionStart")]
    private static void ContentionStart(byte flags, ushort clrInstanceId, nint lockId, nint associatedObjectId, ulong lockOwnerThreadId) { }

    [UnmanagedCallersOnly(EntryPoint = "NativeRuntimeEventSource_LogContentionStop")]
    private static void ContentionStop(byte flags, ushort clrInstanceId, double durationNs) { }

    [UnmanagedCallersOnly(EntryPoint = "NativeRuntimeEventSource_LogThreadPoolMinMaxThreads")]
    private static void ThreadPoolMinMaxThreads(ushort minWorker, ushort maxWorker, ushort minIo, ushort maxIo, ushort clrInstanceId) { }

    [UnmanagedCallersOnly(EntryPoint = "NativeRuntimeEventSource_LogWaitHandleWaitStart")]
    private static void WaitHandleWaitStart(byte waitSource, nint associatedObjectId, ushort clrInstanceId) { }

    [UnmanagedCallersOnly(EntryPoint = "NativeRuntimeEventSource_LogWaitHandleWaitStop")]
    private static void WaitHandleWaitStop(ushort clrInstanceId) { }
}
