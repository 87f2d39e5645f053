using System;
using System.IO;
using XairrosX.Drivers.Storage;
using XairrosX.Plugs.Pal;

namespace XairrosX.Tests.Storage;

/// <summary>
/// A disk held in a byte array (optionally loaded from and saved to a host file), with counters and fault
/// injection: the test double for everything above <see cref="IBlockDevice"/>.
/// </summary>
public sealed class MemoryBlockDevice : IBlockDevice
{
    public MemoryBlockDevice(byte[] image, string name = "mem", int sectorSize = 512, bool readOnly = false)
    {
        if (image.Length % sectorSize != 0) Array.Resize(ref image, (image.Length / sectorSize + 1) * sectorSize);
        Image = image;
        Name = name;
        SectorSize = sectorSize;
        IsReadOnly = readOnly;
    }

    public MemoryBlockDevice(long sectors, string name = "mem") : this(new byte[sectors * 512], name) { }

    public static MemoryBlockDevice FromFile(string path, string name = "mem") => new(File.ReadAllBytes(path), name);

    public void SaveTo(string path) => File.WriteAllBytes(path, Image);

    public byte[] Image { get; }
    public string Name { get; }
    public int SectorSize { get; }
    public long SectorCount => Image.Length / SectorSize;
    public bool IsReadOnly { get; set; }
    public int Reads { get; private set; }
    public int Writes { get; private set; }
    public int Flushes { get; private set; }
    /// <summary>Sectors at or past this LBA fail with -EIO (long.MaxValue: none).</summary>
    public long FailFrom { get; set; } = long.MaxValue;
    /// <summary>When set, every write fails with -EIO.</summary>
    public bool FailWrites { get; set; }

    public int Read(long lba, Span<byte> destination)
    {
        int r = Check(lba, destination.Length);
        if (r < 0) return r;
        Reads++;
        Image.AsSpan((int)(lba * SectorSize), destination.Length).CopyTo(destination);
        return 0;
    }

    public int Write(long lba, ReadOnlySpan<byte> source)
    {
        if (IsReadOnly) return -Errno.EROFS;
        if (FailWrites) return -Errno.EIO;
        int r = Check(lba, source.Length);
        if (r < 0) return r;
        Writes++;
        source.CopyTo(Image.AsSpan((int)(lba * SectorSize)));
        return 0;
    }

    public int Flush()
    {
        Flushes++;
        return 0;
    }

    private int Check(long lba, int bytes)
    {
        int r = XairrosX.Kernel.Storage.BlockRequest.Check(lba, bytes, SectorSize, SectorCount);
        return r < 0 ? r : lba + bytes / SectorSize > FailFrom ? -Errno.EIO : 0;
    }
}
