using XairrosX.AI.Tensors;

namespace XairrosX.AI.Kernels;

/// <summary>
/// Packing buffers for <see cref="Sgemm"/>. One workspace per caller (per model today, per worker
/// thread once the kernel has threads): packed panels are private scratch, never shared.
/// </summary>
public sealed unsafe class GemmWorkspace : IDisposable
{
    private NativeBuffer? _packedA;
    private NativeBuffer? _packedB;

    /// <summary>Scratch for packed A panels, at least <paramref name="floats"/> long.</summary>
    internal float* PackedA(long floats) => (float*)Ensure(ref _packedA, floats * sizeof(float)).Pointer;

    /// <summary>Scratch for packed B panels, at least <paramref name="floats"/> long.</summary>
    internal float* PackedB(long floats) => (float*)Ensure(ref _packedB, floats * sizeof(float)).Pointer;

    /// <summary>Bytes currently held.</summary>
    public long ByteLength => (_packedA?.ByteLength ?? 0) + (_packedB?.ByteLength ?? 0);

    private static NativeBuffer Ensure(ref NativeBuffer? buffer, long bytes)
    {
        if (buffer != null && buffer.ByteLength >= bytes) return buffer;
        buffer?.Dispose();
        buffer = new NativeBuffer(bytes);
        return buffer;
    }

    /// <summary>Frees the buffers.</summary>
    public void Dispose()
    {
        _packedA?.Dispose();
        _packedB?.Dispose();
        _packedA = _packedB = null;
    }
}
