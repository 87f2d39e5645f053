using System;
using System.Buffers;

namespace XairrosX.Kernel.FileSystem;

/// <summary>A <see cref="Memory{T}"/> over memory the heap does not own (a boot module in physical RAM,
/// identity-mapped), so file systems can keep <see cref="ReadOnlyMemory{T}"/> views of it without copying.</summary>
public sealed unsafe class UnmanagedMemory(byte* start, int length) : MemoryManager<byte>
{
    /// <inheritdoc/>
    public override Span<byte> GetSpan() => new(start, length);

    /// <inheritdoc/>
    public override MemoryHandle Pin(int elementIndex = 0) => new(start + elementIndex);

    /// <inheritdoc/>
    public override void Unpin() { }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing) { }
}
