using System;

namespace XairrosX.Drivers.Storage;

/// <summary>
/// A device addressed in fixed-size sectors: a virtio-blk or ATA disk, a partition of one, or a memory image in
/// host tests. Operations return 0 on success or a negative Linux errno (EIO for a device error, EINVAL for a
/// buffer that is not a whole number of sectors, ERANGE-like requests past the end give -EINVAL), the convention of
/// the VFS above, so a failing disk surfaces as an error code and never as a kernel fault.
/// </summary>
public interface IBlockDevice
{
    /// <summary>Short device name for listings (<c>vda</c>, <c>vda1</c>, <c>hda</c>).</summary>
    string Name { get; }

    /// <summary>Bytes per sector (512 for every device the kernel drives today).</summary>
    int SectorSize { get; }

    /// <summary>Number of sectors.</summary>
    long SectorCount { get; }

    /// <summary>Whether writes are refused with -EROFS.</summary>
    bool IsReadOnly { get; }

    /// <summary>Reads <c>destination.Length / SectorSize</c> sectors starting at <paramref name="lba"/>; 0 or -errno.</summary>
    int Read(long lba, Span<byte> destination);

    /// <summary>Writes <c>source.Length / SectorSize</c> sectors starting at <paramref name="lba"/>; 0 or -errno.</summary>
    int Write(long lba, ReadOnlySpan<byte> source);

    /// <summary>Makes every completed write durable (virtio-blk FLUSH, ATA CACHE FLUSH); 0 or -errno.</summary>
    int Flush();
}
