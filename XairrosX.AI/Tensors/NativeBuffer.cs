using System.Runtime.InteropServices;

namespace XairrosX.AI.Tensors;

/// <summary>
/// A block of unmanaged memory aligned to <see cref="Alignment"/> bytes, so SIMD kernels can use
/// aligned loads and rows never straddle a cache line needlessly. Freed by <see cref="Dispose"/>
/// or, as a safety net, by the finalizer.
/// </summary>
public sealed unsafe class NativeBuffer : IDisposable
{
    /// <summary>Alignment of every buffer: one cache line, and the width of an AVX-512 register.</summary>
    public const int Alignment = 64;

    private void* _pointer;

    /// <summary>Allocates <paramref name="byteLength"/> zeroed bytes.</summary>
    public NativeBuffer(long byteLength)
    {
        if (byteLength < 0) throw new ArgumentOutOfRangeException(nameof(byteLength));
        ByteLength = byteLength;
        // A zero-length request still gets a real block so Pointer is never null.
        nuint size = (nuint)Math.Max(byteLength, Alignment);
        _pointer = NativeMemory.AlignedAlloc(size, Alignment);
        NativeMemory.Clear(_pointer, size);
    }

    /// <summary>Usable size in bytes.</summary>
    public long ByteLength { get; }

    /// <summary>Start of the block; valid until disposal.</summary>
    public byte* Pointer => _pointer != null ? (byte*)_pointer : throw new ObjectDisposedException(nameof(NativeBuffer));

    /// <summary>True once the memory was released.</summary>
    public bool IsDisposed => _pointer == null;

    /// <summary>The whole block as bytes.</summary>
    public Span<byte> Bytes => new(Pointer, checked((int)ByteLength));

    /// <summary>Releases the memory.</summary>
    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the memory if the owner forgot to.</summary>
    ~NativeBuffer() => Free();

    private void Free()
    {
        void* p = _pointer;
        _pointer = null;
        if (p != null) NativeMemory.AlignedFree(p);
    }
}
