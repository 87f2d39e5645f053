using System;
using XairrosX.Drivers.Storage;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.Storage.Partitions;

/// <summary>
/// A window of sectors of a parent device, itself a device: sector 0 of the view is <see cref="FirstLba"/> of the
/// parent. Requests are checked against the window before they reach the parent, so a file system on one
/// partition cannot touch its neighbours.
/// </summary>
public sealed class PartitionView : IBlockDevice
{
    private readonly IBlockDevice _parent;

    /// <summary>A view of <paramref name="sectorCount"/> sectors from <paramref name="firstLba"/> of <paramref name="parent"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window does not lie inside the parent.</exception>
    public PartitionView(IBlockDevice parent, long firstLba, long sectorCount, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (firstLba < 0 || sectorCount < 0 || firstLba > parent.SectorCount || sectorCount > parent.SectorCount - firstLba)
            throw new ArgumentOutOfRangeException(nameof(sectorCount), $"partition {firstLba}+{sectorCount} outside a disk of {parent.SectorCount} sectors");
        _parent = parent;
        FirstLba = firstLba;
        SectorCount = sectorCount;
        Name = name ?? parent.Name;
    }

    /// <summary>The view of partition <paramref name="partition"/> (named like <c>vda1</c>, or <c>nvme0n1p1</c> after a digit).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The partition does not lie inside the parent.</exception>
    public static PartitionView Of(IBlockDevice parent, PartitionInfo partition)
    {
        string baseName = parent.Name ?? "disk";
        string separator = baseName.Length > 0 && char.IsAsciiDigit(baseName[^1]) ? "p" : "";
        return new PartitionView(parent, partition.FirstLba, partition.SectorCount, baseName + separator + partition.Number);
    }

    /// <summary>First sector of the window on the parent.</summary>
    public long FirstLba { get; }
    /// <inheritdoc/>
    public string Name { get; }
    /// <inheritdoc/>
    public int SectorSize => _parent.SectorSize;
    /// <inheritdoc/>
    public long SectorCount { get; }
    /// <inheritdoc/>
    public bool IsReadOnly => _parent.IsReadOnly;

    /// <inheritdoc/>
    public int Read(long lba, Span<byte> destination)
    {
        int r = Check(lba, destination.Length);
        return r < 0 ? r : _parent.Read(FirstLba + lba, destination);
    }

    /// <inheritdoc/>
    public int Write(long lba, ReadOnlySpan<byte> source)
    {
        if (IsReadOnly) return -Errno.EROFS;
        int r = Check(lba, source.Length);
        return r < 0 ? r : _parent.Write(FirstLba + lba, source);
    }

    /// <inheritdoc/>
    public int Flush() => _parent.Flush();

    private int Check(long lba, int bytes) => BlockRequest.Check(lba, bytes, SectorSize, SectorCount);
}
