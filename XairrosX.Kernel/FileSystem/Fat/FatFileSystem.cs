using System;
using System.Buffers.Binary;
using XairrosX.Drivers.Storage;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem.Fat;

/// <summary>
/// A FAT12/16/32 volume on a block device, read-write, with VFAT long names. Metadata and partial sectors are
/// cached and written back by <see cref="Sync"/> in the order file data, FAT (every copy), directories, FSInfo,
/// then a device flush: after a sync returns, the image is consistent (fsck clean); a crash between syncs loses
/// at most what was written since the last one. Corrupt structures give -EIO, never a hang or an exception.
/// Single-threaded, like the VFS above it.
/// </summary>
public sealed class FatFileSystem : IFileSystem
{
    /// <summary>Sectors the cache holds before it writes back and starts over (512 KiB of 512-byte sectors).</summary>
    public const int DefaultCacheSectors = 1024;

    private const uint FsInfoLead = 0x41615252, FsInfoStruct = 0x61417272, FsInfoTrail = 0xAA550000;
    private readonly FatDirectory _root;
    private bool _fsInfoValid;
    private uint _savedFree = uint.MaxValue, _savedNext = uint.MaxValue;

    private FatFileSystem(IBlockDevice device, FatGeometry geometry, int cacheSectors)
    {
        Device = device;
        Geometry = geometry;
        Cache = new SectorCache(device, cacheSectors, geometry.FatSectors, geometry.ActiveFat < 0 ? geometry.FatCount : 1);
        Table = new FatTable(geometry, Cache);
        _root = new FatDirectory(this, null, null);
    }

    /// <summary>The device the volume lives on.</summary>
    public IBlockDevice Device { get; }
    /// <summary>The volume's layout.</summary>
    public FatGeometry Geometry { get; }
    /// <summary>The FAT.</summary>
    public FatTable Table { get; }
    /// <summary>The sector cache.</summary>
    public SectorCache Cache { get; }
    /// <summary>Whether writes are refused (the device is read-only).</summary>
    public bool ReadOnly => Device.IsReadOnly;

    /// <inheritdoc/>
    public string TypeName => "vfat";
    /// <inheritdoc/>
    public VfsNode Root => _root;
    /// <summary>The root directory.</summary>
    public FatDirectory RootDirectory => _root;
    /// <inheritdoc/>
    public long UsedBytes => TotalBytes - FreeBytes;
    /// <summary>Bytes of the data area (all clusters).</summary>
    public long TotalBytes => (long)Geometry.ClusterCount * Geometry.ClusterBytes;
    /// <summary>Bytes in free clusters (counted from the FAT once when FSInfo does not say; 0 if the FAT is unreadable).</summary>
    public long FreeBytes => Math.Max(0, Table.CountFree()) * Geometry.ClusterBytes;

    /// <summary>Seconds since the Unix epoch, for timestamps.</summary>
    internal static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Mounts the FAT volume on <paramref name="device"/>: 0, or -EINVAL (not a valid FAT volume) / -EIO
    /// (unreadable or truncated) with the reason in <paramref name="error"/>. Never throws for bad contents.
    /// <paramref name="cacheSectors"/> bounds the sector cache.</summary>
    public static int Mount(IBlockDevice device, out FatFileSystem fs, out string error, int cacheSectors = DefaultCacheSectors)
    {
        fs = null;
        error = null;
        if (device == null) { error = "no device"; return -Errno.EINVAL; }
        int size = device.SectorSize;
        if (size < 512 || size > 4096 || device.SectorCount < 1) { error = $"{device.Name}: sector size {size}, {device.SectorCount} sectors"; return -Errno.EINVAL; }
        var boot = new byte[size];
        int r = device.Read(0, boot);
        if (r < 0) { error = $"{device.Name}: cannot read the boot sector ({r})"; return r; }
        if (!FatGeometry.TryParse(boot, size, device.SectorCount, out FatGeometry geometry, out int errno, out string why))
        {
            error = $"{device.Name}: not a usable FAT volume: {why}";
            return errno;
        }
        var mounted = new FatFileSystem(device, geometry, cacheSectors);
        r = mounted.ReadFsInfo();
        if (r < 0) { error = $"{device.Name}: cannot read FSInfo ({r})"; return r; }
        r = mounted.Table.Get(0, out _);
        if (r < 0) { error = $"{device.Name}: cannot read the FAT ({r})"; return r; }
        r = mounted._root.LoadError;
        if (r < 0) { error = $"{device.Name}: root directory unreadable ({r})"; return r; }
        fs = mounted;
        return 0;
    }

    /// <summary>Mounts like <see cref="Mount(IBlockDevice, out FatFileSystem, out string, int)"/> without the message.</summary>
    public static int Mount(IBlockDevice device, out FatFileSystem fs) => Mount(device, out fs, out _);

    /// <summary>Writes everything cached back (data, FAT copies, directories, FSInfo) and flushes the device; 0 or -errno.</summary>
    public int Sync()
    {
        if (ReadOnly) return 0;
        int r = WriteFsInfo();
        int w = Cache.WriteBack();
        if (w == 0) Table.WrittenBack();
        if (r == 0) r = w;
        int f = Device.Flush();
        return r < 0 ? r : f;
    }

    /// <summary>Zeroes a cluster through the cache (new directory clusters).</summary>
    internal int ZeroCluster(uint cluster, SectorKind kind)
    {
        Span<byte> zeros = stackalloc byte[Geometry.BytesPerSector];
        zeros.Clear();
        long lba = Geometry.ClusterLba(cluster);
        for (int s = 0; s < Geometry.SectorsPerCluster; s++)
        {
            int r = Cache.Write(lba + s, 0, zeros, kind);
            if (r < 0) return r;
        }
        return 0;
    }

    // FSInfo (FAT32): lead, struct and trail signatures, then the free count and next-free hint at 488/492.
    private int ReadFsInfo()
    {
        if (Geometry.Type != FatType.Fat32 || Geometry.FsInfoSector == 0) return 0;
        int r = Cache.Get(Geometry.FsInfoSector, SectorKind.Info, out byte[] s);
        if (r < 0) return r;
        _fsInfoValid = BinaryPrimitives.ReadUInt32LittleEndian(s) == FsInfoLead
            && BinaryPrimitives.ReadUInt32LittleEndian(s.AsSpan(484)) == FsInfoStruct
            && BinaryPrimitives.ReadUInt32LittleEndian(s.AsSpan(508)) == FsInfoTrail;
        if (!_fsInfoValid) return 0;
        _savedFree = BinaryPrimitives.ReadUInt32LittleEndian(s.AsSpan(488));
        _savedNext = BinaryPrimitives.ReadUInt32LittleEndian(s.AsSpan(492));
        Table.SetHints(_savedFree, _savedNext);
        return 0;
    }

    private int WriteFsInfo()
    {
        if (!_fsInfoValid) return 0;
        uint free = Table.KnownFreeCount < 0 ? uint.MaxValue : (uint)Table.KnownFreeCount;
        uint next = Table.NextFreeHint;
        if (free == _savedFree && next == _savedNext) return 0;
        int r = Cache.Get(Geometry.FsInfoSector, SectorKind.Info, out byte[] s);
        if (r < 0) return r;
        BinaryPrimitives.WriteUInt32LittleEndian(s.AsSpan(488), free);
        BinaryPrimitives.WriteUInt32LittleEndian(s.AsSpan(492), next);
        Cache.MarkDirty(Geometry.FsInfoSector, s, SectorKind.Info);
        _savedFree = free;
        _savedNext = next;
        return 0;
    }
}
