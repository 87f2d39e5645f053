using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem.Fat;

/// <summary>
/// The file allocation table: one entry per cluster (0 free, 2..MaxCluster the next cluster of a chain, an
/// end-of-chain mark, or bad). Reads and writes go through the sector cache into the first (or active) FAT;
/// the cache mirrors FAT sectors to every copy on write-back. Every chain walk is bounded by the cluster count and
/// rejects free, reserved, bad and out-of-range links, so a corrupt table gives -EIO rather than a hang.
/// Free count and next-free hint are kept here; FAT32 persists them in FSInfo.
/// </summary>
public sealed class FatTable
{
    private readonly FatGeometry _g;
    private readonly SectorCache _cache;
    private readonly long _fatLba;
    private long _freeCount = -1;
    private uint _nextFree;
    // Clusters freed since the last write-back. They are not reused until it, so a crash cannot leave a file the
    // disk still lists pointing at clusters that already hold another file's data.
    private readonly HashSet<uint> _freedSinceSync = new();

    /// <summary>The FAT of a volume.</summary>
    public FatTable(FatGeometry geometry, SectorCache cache)
    {
        _g = geometry;
        _cache = cache;
        _fatLba = geometry.ReservedSectors + (geometry.ActiveFat < 0 ? 0 : geometry.ActiveFat * geometry.FatSectors);
        _nextFree = 2;
    }

    /// <summary>The end-of-chain value written by this implementation.</summary>
    public uint EndOfChain => _g.Type switch { FatType.Fat12 => 0xFFF, FatType.Fat16 => 0xFFFF, _ => 0x0FFFFFFF };

    /// <summary>Whether <paramref name="value"/> ends a chain.</summary>
    public bool IsEndOfChain(uint value) => value >= (_g.Type switch { FatType.Fat12 => 0xFF8u, FatType.Fat16 => 0xFFF8u, _ => 0x0FFFFFF8u });

    /// <summary>Whether <paramref name="cluster"/> is a data cluster of this volume.</summary>
    public bool IsValidCluster(uint cluster) => cluster >= 2 && cluster <= _g.MaxCluster;

    /// <summary>Free clusters, -1 when not known yet (<see cref="CountFree"/> finds out).</summary>
    public long KnownFreeCount => _freeCount;
    /// <summary>Where the next allocation starts looking.</summary>
    public uint NextFreeHint => _nextFree;

    /// <summary>Takes the FSInfo values when they are plausible.</summary>
    public void SetHints(uint freeCount, uint nextFree)
    {
        if (freeCount <= _g.ClusterCount) _freeCount = freeCount;
        if (IsValidCluster(nextFree)) _nextFree = nextFree;
    }

    /// <summary>Reads the entry of <paramref name="cluster"/> (0 … MaxCluster); 0 or -errno.</summary>
    public int Get(uint cluster, out uint value)
    {
        value = 0;
        int r = Locate(cluster, out long lba, out int offset, out byte[] sector);
        if (r < 0) return r;
        int bps = _g.BytesPerSector;
        switch (_g.Type)
        {
            case FatType.Fat32:
                value = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(offset)) & 0x0FFFFFFF;
                return 0;
            case FatType.Fat16:
                value = BinaryPrimitives.ReadUInt16LittleEndian(sector.AsSpan(offset));
                return 0;
        }
        // FAT12: 1.5 bytes per entry; an entry may straddle two sectors.
        uint low = sector[offset];
        uint high;
        if (offset + 1 < bps) high = sector[offset + 1];
        else
        {
            r = _cache.Get(lba + 1, SectorKind.Fat, out byte[] next);
            if (r < 0) return r;
            high = next[0];
        }
        uint pair = low | high << 8;
        value = (cluster & 1) != 0 ? pair >> 4 : pair & 0xFFF;
        return 0;
    }

    /// <summary>Sets the entry of <paramref name="cluster"/>, keeping FAT32's reserved top four bits; 0 or -errno.</summary>
    public int Set(uint cluster, uint value)
    {
        int r = Locate(cluster, out long lba, out int offset, out byte[] sector);
        if (r < 0) return r;
        int bps = _g.BytesPerSector;
        switch (_g.Type)
        {
            case FatType.Fat32:
                uint old = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(offset));
                BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(offset), (old & 0xF0000000) | (value & 0x0FFFFFFF));
                _cache.MarkDirty(lba, sector, SectorKind.Fat);
                return 0;
            case FatType.Fat16:
                BinaryPrimitives.WriteUInt16LittleEndian(sector.AsSpan(offset), (ushort)value);
                _cache.MarkDirty(lba, sector, SectorKind.Fat);
                return 0;
        }
        value &= 0xFFF;
        bool odd = (cluster & 1) != 0;
        sector[offset] = odd ? (byte)((sector[offset] & 0x0Fu) | (value << 4)) : (byte)value;
        _cache.MarkDirty(lba, sector, SectorKind.Fat);
        long highLba = offset + 1 < bps ? lba : lba + 1;
        int highOffset = offset + 1 < bps ? offset + 1 : 0;
        r = _cache.Get(highLba, SectorKind.Fat, out byte[] highSector);
        if (r < 0) return r;
        highSector[highOffset] = odd ? (byte)(value >> 4) : (byte)((highSector[highOffset] & 0xF0u) | (value >> 8));
        _cache.MarkDirty(highLba, highSector, SectorKind.Fat);
        return 0;
    }

    // The cached FAT sector holding the entry of `cluster` and the entry's byte offset in it (FAT12: the first of two).
    private int Locate(uint cluster, out long lba, out int offset, out byte[] sector)
    {
        sector = null;
        lba = 0;
        offset = 0;
        if (cluster > _g.MaxCluster) return -Errno.EIO;
        long byteOffset = (long)cluster * (int)_g.Type / 8;
        lba = _fatLba + byteOffset / _g.BytesPerSector;
        offset = (int)(byteOffset % _g.BytesPerSector);
        return _cache.Get(lba, SectorKind.Fat, out sector);
    }

    /// <summary>The cluster after <paramref name="cluster"/> in its chain: 0 and <paramref name="next"/> = 0 at the
    /// end, -EIO for a free, bad or out-of-range link.</summary>
    public int Next(uint cluster, out uint next)
    {
        next = 0;
        if (!IsValidCluster(cluster)) return -Errno.EIO;
        int r = Get(cluster, out uint value);
        if (r < 0) return r;
        if (IsEndOfChain(value)) return 0;
        if (!IsValidCluster(value)) return -Errno.EIO;
        next = value;
        return 0;
    }

    /// <summary>Number of clusters in the chain from <paramref name="first"/> (0 for none); -EIO for a corrupt or
    /// cyclic chain (longer than the volume).</summary>
    public long ChainLength(uint first)
    {
        if (first == 0) return 0;
        long n = 0;
        for (uint c = first; c != 0;)
        {
            if (++n > _g.ClusterCount) return -Errno.EIO;
            int r = Next(c, out c);
            if (r < 0) return r;
        }
        return n;
    }

    /// <summary>Takes a free cluster, marks it end-of-chain and links it after <paramref name="previous"/> (0: a new
    /// chain); 0 or -ENOSPC/-errno.</summary>
    public int Allocate(uint previous, out uint cluster)
    {
        cluster = 0;
        // A free count of 0 (from FSInfo) is not trusted: the scan below is the authority.
        uint start = IsValidCluster(_nextFree) ? _nextFree : 2;
        uint c = start;
        for (long i = 0; i < _g.ClusterCount; i++)
        {
            int r = Get(c, out uint value);
            if (r < 0) return r;
            if (value == 0 && !_freedSinceSync.Contains(c))
            {
                r = Set(c, EndOfChain);
                if (r < 0) return r;
                if (previous != 0 && (r = Set(previous, c)) < 0) return r;
                if (_freeCount > 0) _freeCount--;
                _nextFree = c == _g.MaxCluster ? 2 : c + 1;
                cluster = c;
                return 0;
            }
            c = c == _g.MaxCluster ? 2 : c + 1;
        }
        if (_freedSinceSync.Count > 0)
        {
            // Only clusters freed since the last sync are left: a full disk takes them (losing that crash guarantee).
            _freedSinceSync.Clear();
            return Allocate(previous, out cluster);
        }
        _freeCount = 0;
        return -Errno.ENOSPC;
    }

    /// <summary>Called after a write-back: clusters freed before it may now be reused.</summary>
    public void WrittenBack() => _freedSinceSync.Clear();

    /// <summary>Frees the chain from <paramref name="first"/>; 0 or -EIO when it turns out corrupt (what was walked
    /// so far is freed).</summary>
    public int FreeChain(uint first)
    {
        long steps = 0;
        for (uint c = first; c != 0;)
        {
            if (++steps > _g.ClusterCount) return -Errno.EIO;
            int r = Next(c, out uint next);
            if (r < 0) return r;
            r = Set(c, 0);
            if (r < 0) return r;
            if (_freeCount >= 0) _freeCount++;
            _freedSinceSync.Add(c);
            c = next;
        }
        return 0;
    }

    /// <summary>Counts free clusters by reading the whole FAT (and remembers the count); the count or -errno.</summary>
    public long CountFree()
    {
        if (_freeCount >= 0) return _freeCount;
        long free = 0;
        for (uint c = 2; c <= _g.MaxCluster; c++)
        {
            int r = Get(c, out uint value);
            if (r < 0) return r;
            if (value == 0) free++;
        }
        _freeCount = free;
        return free;
    }
}
