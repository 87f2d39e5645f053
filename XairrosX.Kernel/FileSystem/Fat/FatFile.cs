using System;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem.Fat;

/// <summary>
/// A regular file on a FAT volume: a cluster chain and a size (at most 4 GiB − 1). Offsets map to clusters by
/// walking the chain; the last position reached is remembered so sequential access walks each link once.
/// Growth allocates clusters and zero-fills any gap; shrinking frees the tail of the chain.
/// </summary>
public sealed class FatFile : VfsNode
{
    private static readonly byte[] s_zeros = new byte[4096];
    private readonly FatFileSystem _fs;
    private long _cachedIndex = -1;
    private uint _cachedCluster;
    private long _clusterCount = -1;
    private uint _lastCluster;
    private bool _removed;

    internal FatFile(FatFileSystem fs, FatDirectory parent, FatEntry entry)
        : base(VfsNodeKind.File, (entry.Attributes & FatEntry.AttrReadOnly) != 0 ? 0x124u : 0x1A4u, DosTime.ToUnix(entry.Modified))
    {
        _fs = fs;
        Parent = parent;
        Entry = entry;
    }

    /// <summary>The directory holding this file.</summary>
    public FatDirectory Parent { get; internal set; }
    /// <summary>The file's directory entry.</summary>
    public FatEntry Entry { get; }
    /// <inheritdoc/>
    public override long Length => Entry.Size;
    /// <inheritdoc/>
    public override bool ReadOnly => _fs.ReadOnly;

    internal void MarkRemoved()
    {
        _removed = true;
        ForgetChain();
    }

    /// <inheritdoc/>
    public override int Read(long offset, Span<byte> destination)
    {
        if (_removed) return -Errno.ENOENT;
        if (offset < 0) return -Errno.EINVAL;
        if (offset >= Entry.Size || destination.Length == 0) return 0;
        int total = (int)Math.Min(destination.Length, Entry.Size - offset);
        int done = 0, clusterBytes = _fs.Geometry.ClusterBytes;
        // The whole chain is checked once (bounded walk): a cycle or a chain shorter than the size is -EIO here,
        // rather than data read round a loop.
        int check = CountChain();
        if (check < 0) return check;
        if (_clusterCount * clusterBytes < Entry.Size) return -Errno.EIO;
        while (done < total)
        {
            long position = offset + done;
            int r = Run(position, total - done, out uint cluster, out int within, out int n);
            if (r < 0) return done > 0 ? done : r;
            r = _fs.Cache.Read(_fs.Geometry.ClusterLba(cluster), within, destination.Slice(done, n));
            if (r < 0) return done > 0 ? done : r;
            done += n;
        }
        return done;
    }

    /// <inheritdoc/>
    public override int Write(long offset, ReadOnlySpan<byte> source)
    {
        if (_removed) return -Errno.ENOENT;
        if (ReadOnly) return -Errno.EROFS;
        if (offset < 0) return -Errno.EINVAL;
        if (source.Length == 0) return 0;
        if (offset + source.Length > uint.MaxValue) return -Errno.ENOSPC; // FAT's 4 GiB file limit (EFBIG)
        if (offset > Entry.Size)
        {
            int z = ZeroFill(offset);
            if (z < 0) return z;
        }
        int written = WriteWithin(offset, source);
        if (written > 0) Touch();
        int s = Parent.SaveEntry(Entry);
        return written < 0 ? written : s < 0 ? s : written;
    }

    /// <inheritdoc/>
    public override int Truncate(long length)
    {
        if (_removed) return -Errno.ENOENT;
        if (ReadOnly) return -Errno.EROFS;
        if (length < 0) return -Errno.EINVAL;
        if (length > uint.MaxValue) return -Errno.ENOSPC;
        int r = 0;
        if (length > Entry.Size) r = ZeroFill(length);
        else if (length < Entry.Size) r = FreeBeyond(length);
        Touch();
        int s = Parent.SaveEntry(Entry);
        return r < 0 ? r : s;
    }

    private void Touch()
    {
        Entry.Attributes |= FatEntry.AttrArchive;
        long now = FatFileSystem.Now();
        Entry.StampModified(now);
        ModifiedSeconds = now;
    }

    // Writes zeros from the current size up to `length` (allocating as it goes).
    private int ZeroFill(long length)
    {
        while (Entry.Size < length)
        {
            int n = (int)Math.Min(s_zeros.Length, length - Entry.Size);
            int w = WriteWithin(Entry.Size, s_zeros.AsSpan(0, n));
            if (w < 0) return w;
        }
        return 0;
    }

    // Allocates what the write needs, then copies cluster by cluster; a partial count when space ran out.
    private int WriteWithin(long offset, ReadOnlySpan<byte> source)
    {
        int clusterBytes = _fs.Geometry.ClusterBytes;
        long needed = (offset + source.Length + clusterBytes - 1) / clusterBytes;
        int r = EnsureClusters(needed, out long available);
        long room = available * clusterBytes - offset;
        if (room <= 0) return r < 0 ? r : -Errno.ENOSPC;
        int total = (int)Math.Min(source.Length, room);
        int done = 0;
        while (done < total)
        {
            long position = offset + done;
            r = Run(position, total - done, out uint cluster, out int within, out int n);
            if (r < 0) return done > 0 ? done : r;
            r = _fs.Cache.Write(_fs.Geometry.ClusterLba(cluster), within, source.Slice(done, n), SectorKind.Data);
            if (r < 0) return done > 0 ? done : r;
            done += n;
            if (position + n > Entry.Size) Entry.Size = (uint)(position + n);
        }
        return done;
    }

    // Grows the chain to `needed` clusters (or as far as space allows); `available` is the resulting length.
    private int EnsureClusters(long needed, out long available)
    {
        int r = CountChain();
        available = Math.Max(0, _clusterCount);
        if (r < 0) return r;
        while (_clusterCount < needed)
        {
            r = _fs.Table.Allocate(_lastCluster, out uint cluster);
            if (r < 0) return r;
            if (_clusterCount == 0) Entry.FirstCluster = cluster;
            _lastCluster = cluster;
            available = ++_clusterCount;
        }
        return 0;
    }

    private int CountChain()
    {
        if (_clusterCount >= 0) return 0;
        uint first = Entry.FirstCluster;
        if (first == 0) { _clusterCount = 0; _lastCluster = 0; return 0; }
        if (!_fs.Table.IsValidCluster(first)) return -Errno.EIO;
        long n = 0;
        uint last = first;
        for (uint c = first; c != 0;)
        {
            if (++n > _fs.Geometry.ClusterCount) return -Errno.EIO;
            last = c;
            int r = _fs.Table.Next(c, out c);
            if (r < 0) return r;
        }
        _clusterCount = n;
        _lastCluster = last;
        return 0;
    }

    private int FreeBeyond(long length)
    {
        int clusterBytes = _fs.Geometry.ClusterBytes;
        long keep = (length + clusterBytes - 1) / clusterBytes;
        int r;
        if (keep == 0)
        {
            uint first = Entry.FirstCluster;
            Entry.FirstCluster = 0;
            Entry.Size = 0;
            ForgetChain();
            return first == 0 ? 0 : _fs.Table.FreeChain(first);
        }
        r = ClusterAt(keep - 1, out uint lastKept);
        if (r < 0) return r;
        r = _fs.Table.Next(lastKept, out uint rest);
        if (r < 0) return r;
        Entry.Size = (uint)length;
        ForgetChain();
        if (rest == 0) return 0;
        r = _fs.Table.Set(lastKept, _fs.Table.EndOfChain);
        return r < 0 ? r : _fs.Table.FreeChain(rest);
    }

    private void ForgetChain()
    {
        _cachedIndex = -1;
        _clusterCount = -1;
    }

    // The piece of the file at `position` that lies in physically contiguous clusters (at most `remaining` bytes):
    // its first cluster, the offset in it and its length, so that one device request can carry it.
    private int Run(long position, int remaining, out uint cluster, out int within, out int length)
    {
        int clusterBytes = _fs.Geometry.ClusterBytes;
        within = (int)(position % clusterBytes);
        length = 0;
        int r = ClusterAt(position / clusterBytes, out cluster);
        if (r < 0) return r;
        length = Math.Min(remaining, clusterBytes - within);
        for (uint last = cluster; length < remaining; last++)
        {
            if (ClusterAt((position + length) / clusterBytes, out uint next) < 0 || next != last + 1) break;
            length = Math.Min(remaining, length + clusterBytes);
        }
        return 0;
    }

    // The cluster holding file cluster `index`, walking from the remembered position when it is not behind.
    private int ClusterAt(long index, out uint cluster)
    {
        cluster = 0;
        long i = 0;
        uint c = Entry.FirstCluster;
        if (_cachedIndex >= 0 && _cachedIndex <= index) { i = _cachedIndex; c = _cachedCluster; }
        if (!_fs.Table.IsValidCluster(c)) return -Errno.EIO;
        if (index - i > _fs.Geometry.ClusterCount) return -Errno.EIO;
        for (; i < index; i++)
        {
            int r = _fs.Table.Next(c, out c);
            if (r < 0) return r;
            if (c == 0) return -Errno.EIO; // the size claims more clusters than the chain has
        }
        _cachedIndex = index;
        _cachedCluster = c;
        cluster = c;
        return 0;
    }
}
