using System;

namespace XairrosX.Drivers.Platform;

/// <summary>
/// Memory a device reads or writes by bus-master DMA: a virtual range and the physical address the device
/// is given. The range is physically contiguous and stays where it is for the life of the buffer.
/// </summary>
public sealed unsafe class DmaBuffer
{
    /// <summary>Wraps <paramref name="length"/> bytes at <paramref name="pointer"/>, which the device sees at
    /// <paramref name="physicalAddress"/>.</summary>
    public DmaBuffer(byte* pointer, int length, ulong physicalAddress)
    {
        Pointer = pointer;
        Length = length;
        PhysicalAddress = physicalAddress;
    }

    /// <summary>Where the CPU accesses the buffer.</summary>
    public byte* Pointer { get; }

    /// <summary>Size in bytes.</summary>
    public int Length { get; }

    /// <summary>Where the device accesses the buffer.</summary>
    public ulong PhysicalAddress { get; }

    /// <summary>The bytes, for the CPU.</summary>
    public Span<byte> Span => new(Pointer, Length);
}

/// <summary>
/// Gives drivers DMA memory and translates CPU pointers to bus addresses. The kernel's implementation takes
/// zeroed pages from the physical page allocator and relies on the identity map (virtual = physical below
/// 4 GiB); host tests use process memory and pretend the same.
/// </summary>
public unsafe interface IDmaAllocator
{
    /// <summary>Zeroed, page-aligned, physically contiguous memory of at least <paramref name="bytes"/> bytes,
    /// never freed (drivers allocate their rings once); null when memory is exhausted.</summary>
    DmaBuffer Allocate(int bytes);

    /// <summary>The bus address of <paramref name="length"/> bytes at <paramref name="pointer"/> when the device can
    /// reach them directly as one contiguous range; false when the driver must copy through its own buffer.</summary>
    bool TryTranslate(void* pointer, int length, out ulong physicalAddress);
}
