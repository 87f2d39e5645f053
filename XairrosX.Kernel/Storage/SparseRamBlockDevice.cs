using System;
using System.Collections.Generic;
using XairrosX.Drivers.Storage;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.Storage;

/// <summary>
/// A sparse RAM disk: only sectors that hold something other than zeros take memory, so a 64 MiB FAT32 volume
/// that is mostly empty costs a few hundred KiB. Used by the self-tests and as a scratch disk.
/// </summary>
public sealed class SparseRamBlockDevice : IBlockDevice
{
    private readonly Dictionary<long, byte[]> _sectors = new();

    /// <summary>A zeroed disk of <paramref name="sectorCount"/> sectors of <paramref name="sectorSize"/> bytes.</summary>
    public SparseRamBlockDevice(string name, long sectorCount, int sectorSize = 512)
    {
        Name = name;
        SectorCount = sectorCount;
        SectorSize = sectorSize;
    }

    /// <inheritdoc/>
    public string Name { get; }
    /// <inheritdoc/>
    public int SectorSize { get; }
    /// <inheritdoc/>
    public long SectorCount { get; }
    /// <inheritdoc/>
    public bool IsReadOnly => false;
    /// <summary>Sectors currently holding data (memory use is this times the sector size).</summary>
    public int StoredSectors => _sectors.Count;

    /// <inheritdoc/>
    public int Read(long lba, Span<byte> destination)
    {
        int r = Check(lba, destination.Length);
        if (r < 0) return r;
        for (int i = 0; i < destination.Length / SectorSize; i++)
        {
            Span<byte> target = destination.Slice(i * SectorSize, SectorSize);
            if (_sectors.TryGetValue(lba + i, out byte[] data)) data.CopyTo(target);
            else target.Clear();
        }
        return 0;
    }

    /// <inheritdoc/>
    public int Write(long lba, ReadOnlySpan<byte> source)
    {
        int r = Check(lba, source.Length);
        if (r < 0) return r;
        for (int i = 0; i < source.Length / SectorSize; i++)
        {
            ReadOnlySpan<byte> sector = source.Slice(i * SectorSize, SectorSize);
            if (!sector.ContainsAnyExcept((byte)0)) { _sectors.Remove(lba + i); continue; }
            if (!_sectors.TryGetValue(lba + i, out byte[] data)) _sectors[lba + i] = data = new byte[SectorSize];
            sector.CopyTo(data);
        }
        return 0;
    }

    /// <inheritdoc/>
    public int Flush() => 0;

    private int Check(long lba, int bytes) => BlockRequest.Check(lba, bytes, SectorSize, SectorCount);
}
