using System;
using System.Collections.Generic;
using XairrosX.Drivers.Storage;

namespace XairrosX.Kernel.FileSystem.Fat;

/// <summary>What a cached sector holds; decides the order in which <see cref="SectorCache.WriteBack"/> writes.</summary>
public enum SectorKind
{
    /// <summary>File contents.</summary>
    Data,
    /// <summary>A sector of the first FAT (written to every copy).</summary>
    Fat,
    /// <summary>Directory entries.</summary>
    Directory,
    /// <summary>The FSInfo sector.</summary>
    Info,
}

/// <summary>
/// A write-back cache of device sectors. Reads fill it; writes only mark sectors dirty. <see cref="WriteBack"/>
/// writes dirty sectors in the order data, FAT (each FAT sector to all copies), directories, FSInfo, so that at
/// every point of a write-back the allocation a directory entry points at is already on the disk. When the cache
/// holds more than its capacity it writes back and empties itself. Whole uncached sectors of file data bypass it in
/// both directions (written through at once: data may precede its metadata on the disk, never follow it).
/// </summary>
public sealed class SectorCache
{
    private readonly IBlockDevice _device;
    private readonly int _sectorSize;
    private readonly int _capacity;
    private readonly Dictionary<long, Entry> _entries = new();
    private readonly long _fatSectors;
    private readonly int _fatCopies;

    /// <summary>A cache over <paramref name="device"/> of at most <paramref name="capacity"/> sectors; FAT sectors are
    /// mirrored to <paramref name="fatCopies"/> copies, <paramref name="fatSectors"/> apart.</summary>
    public SectorCache(IBlockDevice device, int capacity, long fatSectors, int fatCopies)
    {
        _device = device;
        _sectorSize = device.SectorSize;
        _capacity = Math.Max(16, capacity);
        _fatSectors = fatSectors;
        _fatCopies = Math.Max(1, fatCopies);
    }

    /// <summary>Dirty sectors waiting for <see cref="WriteBack"/>.</summary>
    public int DirtyCount { get; private set; }
    /// <summary>Device reads issued (for tests and statistics).</summary>
    public long DeviceReads { get; private set; }
    /// <summary>Device writes issued.</summary>
    public long DeviceWrites { get; private set; }

    private sealed class Entry(byte[] data, SectorKind kind)
    {
        public readonly byte[] Data = data;
        public SectorKind Kind = kind;
        public bool Dirty;
    }

    /// <summary>The cached bytes of sector <paramref name="lba"/> (read from the device if needed); 0 or -errno.</summary>
    public int Get(long lba, SectorKind kind, out byte[] sector)
    {
        sector = null;
        if (_entries.TryGetValue(lba, out Entry e)) { sector = e.Data; return 0; }
        int r = MakeRoom();
        if (r < 0) return r;
        var data = new byte[_sectorSize];
        DeviceReads++;
        r = _device.Read(lba, data);
        if (r < 0) return r;
        _entries.Add(lba, new Entry(data, kind));
        sector = data;
        return 0;
    }

    /// <summary>Marks sector <paramref name="lba"/>, whose bytes <see cref="Get"/> returned as <paramref name="sector"/>, as
    /// changed. The array is taken back if the cache dropped it meanwhile, so no change is lost.</summary>
    public void MarkDirty(long lba, byte[] sector, SectorKind kind)
    {
        if (!_entries.TryGetValue(lba, out Entry e) || !ReferenceEquals(e.Data, sector))
        {
            if (e != null && e.Dirty) DirtyCount--;
            e = new Entry(sector, kind);
            _entries[lba] = e;
        }
        e.Kind = kind;
        if (!e.Dirty) { e.Dirty = true; DirtyCount++; }
    }

    /// <summary>Copies bytes starting at <paramref name="offset"/> of sector <paramref name="lba"/> (spanning following
    /// sectors) into <paramref name="destination"/>; whole uncached sectors are read straight from the device.</summary>
    public int Read(long lba, int offset, Span<byte> destination)
    {
        while (destination.Length > 0)
        {
            if (offset >= _sectorSize) { lba += offset / _sectorSize; offset %= _sectorSize; }
            if (offset == 0 && destination.Length >= _sectorSize && !_entries.ContainsKey(lba))
            {
                // A run of whole sectors none of which is cached goes to the device in one request.
                int run = 1;
                while ((run + 1) * _sectorSize <= destination.Length && !_entries.ContainsKey(lba + run)) run++;
                DeviceReads++;
                int d = _device.Read(lba, destination.Slice(0, run * _sectorSize));
                if (d < 0) return d;
                destination = destination.Slice(run * _sectorSize);
                lba += run;
                continue;
            }
            int r = Get(lba, SectorKind.Data, out byte[] sector);
            if (r < 0) return r;
            int n = Math.Min(_sectorSize - offset, destination.Length);
            sector.AsSpan(offset, n).CopyTo(destination);
            destination = destination.Slice(n);
            offset += n;
        }
        return 0;
    }

    /// <summary>Writes bytes at <paramref name="offset"/> of sector <paramref name="lba"/> onward. Metadata and partial
    /// sectors wait in the cache for the next write-back (whole sectors are not read first); whole uncached sectors of
    /// file data are written through at once.</summary>
    public int Write(long lba, int offset, ReadOnlySpan<byte> source, SectorKind kind)
    {
        while (source.Length > 0)
        {
            if (offset >= _sectorSize) { lba += offset / _sectorSize; offset %= _sectorSize; }
            int n = Math.Min(_sectorSize - offset, source.Length);
            byte[] sector;
            if (n == _sectorSize && kind == SectorKind.Data && !_entries.ContainsKey(lba))
            {
                // Whole uncached sectors of file data go straight to the device: data before metadata is the order
                // write-back keeps anyway, and a large write does not churn the cache.
                int run = 1;
                while ((run + 1) * _sectorSize <= source.Length && !_entries.ContainsKey(lba + run)) run++;
                DeviceWrites++;
                int w = _device.Write(lba, source.Slice(0, run * _sectorSize));
                if (w < 0) return w;
                source = source.Slice(run * _sectorSize);
                lba += run;
                continue;
            }
            if (n == _sectorSize && !_entries.ContainsKey(lba))
            {
                int m = MakeRoom();
                if (m < 0) return m;
                sector = new byte[_sectorSize];
                _entries.Add(lba, new Entry(sector, kind));
            }
            else
            {
                int r = Get(lba, kind, out sector);
                if (r < 0) return r;
            }
            source.Slice(0, n).CopyTo(sector.AsSpan(offset));
            MarkDirty(lba, sector, kind);
            source = source.Slice(n);
            offset += n;
        }
        return 0;
    }

    /// <summary>Writes every dirty sector in the order data, FAT, directories, FSInfo; 0 or the first -errno
    /// (sectors that failed stay dirty).</summary>
    public int WriteBack()
    {
        if (DirtyCount == 0) return 0;
        var order = new List<long>(DirtyCount);
        int result = 0;
        for (SectorKind kind = SectorKind.Data; kind <= SectorKind.Info; kind++)
        {
            order.Clear();
            foreach (KeyValuePair<long, Entry> pair in _entries)
                if (pair.Value.Dirty && pair.Value.Kind == kind) order.Add(pair.Key);
            order.Sort();
            foreach (long lba in order)
            {
                Entry e = _entries[lba];
                int copies = kind == SectorKind.Fat ? _fatCopies : 1;
                int r = 0;
                for (int copy = 0; copy < copies && r == 0; copy++)
                {
                    DeviceWrites++;
                    r = _device.Write(lba + copy * _fatSectors, e.Data);
                }
                if (r < 0) { if (result == 0) result = r; continue; }
                e.Dirty = false;
                DirtyCount--;
            }
        }
        return result;
    }

    /// <summary>Drops clean sectors (after a write-back, all of them).</summary>
    public void DropClean()
    {
        var clean = new List<long>();
        foreach (KeyValuePair<long, Entry> pair in _entries)
            if (!pair.Value.Dirty) clean.Add(pair.Key);
        foreach (long lba in clean) _entries.Remove(lba);
    }

    // Keeps the cache under its capacity: past it, write everything back and start empty.
    private int MakeRoom()
    {
        if (_entries.Count < _capacity) return 0;
        int r = WriteBack();
        DropClean();
        return r;
    }
}
