using System;

namespace XairrosX.Drivers.Storage;

/// <summary>
/// A block device over a byte array: the scratch disk of tests (host and in-kernel) and a RAM disk. Sectors listed
/// in <see cref="FailingLba"/> answer -EIO, to test error paths above the driver.
/// </summary>
public sealed class RamBlockDevice : IBlockDevice
{
    private readonly byte[] _data;

    /// <summary>A zeroed device of <paramref name="sectorCount"/> sectors.</summary>
    public RamBlockDevice(string name, long sectorCount, int sectorSize = 512, bool readOnly = false)
    {
        if (sectorSize <= 0 || sectorCount < 0 || sectorCount * sectorSize > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(sectorCount), "the RAM device must fit in one array");
        _data = new byte[sectorCount * sectorSize];
        Name = name;
        SectorSize = sectorSize;
        IsReadOnly = readOnly;
    }

    /// <inheritdoc/>
    public string Name { get; }
    /// <inheritdoc/>
    public int SectorSize { get; }
    /// <inheritdoc/>
    public long SectorCount => _data.Length / SectorSize;
    /// <inheritdoc/>
    public bool IsReadOnly { get; }

    /// <summary>A sector that fails with -EIO when a request touches it (-1: none).</summary>
    public long FailingLba { get; set; } = -1;

    /// <summary>The backing bytes (tests fill and inspect them directly).</summary>
    public Span<byte> Contents => _data;

    /// <summary>Number of successful <see cref="Flush"/> calls.</summary>
    public int FlushCount { get; private set; }

    /// <inheritdoc/>
    public int Read(long lba, Span<byte> destination)
    {
        int check = Check(lba, destination.Length, write: false);
        if (check != 0) return check;
        _data.AsSpan((int)(lba * SectorSize), destination.Length).CopyTo(destination);
        return 0;
    }

    /// <inheritdoc/>
    public int Write(long lba, ReadOnlySpan<byte> source)
    {
        int check = Check(lba, source.Length, write: true);
        if (check != 0) return check;
        source.CopyTo(_data.AsSpan((int)(lba * SectorSize)));
        return 0;
    }

    /// <inheritdoc/>
    public int Flush()
    {
        FlushCount++;
        return 0;
    }

    private int Check(long lba, int length, bool write)
    {
        int check = BlockErrno.CheckRange(this, lba, length, write);
        if (check != 0) return check;
        if (FailingLba >= lba && FailingLba < lba + length / SectorSize) return -BlockErrno.EIO;
        return 0;
    }
}
