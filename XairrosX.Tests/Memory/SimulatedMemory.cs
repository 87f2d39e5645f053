using System;
using System.Runtime.InteropServices;

namespace XairrosX.Tests.Memory;

/// <summary>A block of host memory standing in for physical RAM (4 KiB-aligned; pages touched only when used).</summary>
internal sealed unsafe class SimulatedMemory : IDisposable
{
    public SimulatedMemory(ulong bytes)
    {
        Size = bytes;
        Base = (ulong)NativeMemory.AlignedAlloc((nuint)bytes, 4096);
    }

    public ulong Base { get; }
    public ulong Size { get; }
    public ulong End => Base + Size;

    public void Dispose() => NativeMemory.AlignedFree((void*)Base);
}
