using System;
using System.Collections.Generic;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem.Fat;

/// <summary>
/// A FAT directory: a run of 32-byte slots (the FAT12/16 root's fixed sectors, else a cluster chain). It is read
/// once, on first use, into nodes keyed by name (case-insensitively, as FAT compares names); afterwards the
/// nodes are authoritative and every change is written to the slots through the sector cache. A directory that
/// cannot be read (corrupt chain) lists as empty and answers changes with -EIO.
/// Slot layout changes (create, remove, rename) live in FatDirectorySlots.cs.
/// </summary>
public sealed partial class FatDirectory : VfsNode
{
    // The FAT specification caps a directory at 65536 slots (2 MiB).
    internal const int MaxSlots = 65536;

    private readonly FatFileSystem _fs;
    private Dictionary<string, VfsNode> _children;
    private HashSet<string> _shortNames;
    private List<long> _sectors;
    private int _endSlot;
    private int _deletedFrom;
    private int _loadError;
    // Set when the directory is removed: its clusters are free, so a node someone still holds must not write there.
    private bool _removed;

    internal FatDirectory(FatFileSystem fs, FatDirectory parent, FatEntry entry)
        : base(VfsNodeKind.Directory, entry != null && (entry.Attributes & FatEntry.AttrReadOnly) != 0 ? 0x16Du : 0x1EDu,
               entry == null ? 0 : DosTime.ToUnix(entry.Modified))
    {
        _fs = fs;
        Parent = parent;
        Entry = entry;
    }

    /// <summary>The directory holding this one (null for the root).</summary>
    public FatDirectory Parent { get; internal set; }
    /// <summary>This directory's entry in its parent (null for the root).</summary>
    public FatEntry Entry { get; }
    /// <summary>Whether this is the root directory.</summary>
    public bool IsRoot => Entry == null;
    /// <inheritdoc/>
    public override long Length => 0;
    /// <inheritdoc/>
    public override bool ReadOnly => _fs.ReadOnly;
    /// <summary>Number of entries (0 when unreadable).</summary>
    public int Count => Load() == 0 ? _children.Count : 0;
    /// <summary>0, or the -errno that reading the directory gave.</summary>
    public int LoadError => Load();

    /// <inheritdoc/>
    public override VfsNode Lookup(string name)
    {
        if (_removed || Load() < 0 || name == null) return null;
        return _children.TryGetValue(name, out VfsNode node) ? node : null;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> ChildNames()
    {
        var names = new List<string>();
        if (Load() < 0) return names;
        foreach (VfsNode node in _children.Values) names.Add(NodeEntry(node).Name);
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    internal static FatEntry NodeEntry(VfsNode node) => node is FatFile f ? f.Entry : ((FatDirectory)node).Entry;

    /// <summary>The cluster "." and children's ".." name: 0 for the root, as the specification requires.</summary>
    internal uint SelfCluster => IsRoot ? 0 : Entry.FirstCluster;

    // Reads the slots once. Long-name slots are collected in reverse order (the slot with 0x40 comes first) and
    // used only when their ordinals count down to 1 without gaps and each carries the short entry's checksum.
    private int Load()
    {
        if (_children != null) return 0;
        if (_loadError != 0) return _loadError;
        int r = CollectSectors(out _sectors);
        if (r < 0) return _loadError = r;
        var children = new Dictionary<string, VfsNode>(StringComparer.OrdinalIgnoreCase);
        var shortNames = new HashSet<string>(StringComparer.Ordinal);
        Span<byte> slot = stackalloc byte[32];
        Span<char> longName = stackalloc char[20 * FatNames.CharsPerSlot];
        int total = SlotCount, expected = 0, longLength = 0, longFirst = 0;
        byte checksum = 0;
        _endSlot = total;
        _deletedFrom = int.MaxValue;
        for (int i = 0; i < total; i++)
        {
            r = ReadSlot(i, slot);
            if (r < 0) return _loadError = r;
            byte first = slot[0];
            if (first == 0) { _endSlot = i; break; }
            if (first == 0xE5) { expected = 0; _deletedFrom = Math.Min(_deletedFrom, i); continue; }
            if ((slot[11] & 0x3F) == FatEntry.AttrLongName)
            {
                int ordinal = first & 0x1F;
                if ((first & 0x40) != 0 && ordinal is >= 1 and <= 20)
                {
                    checksum = slot[13];
                    longFirst = i;
                    longLength = (ordinal - 1) * FatNames.CharsPerSlot + FatNames.DecodeSlot(slot, longName, ordinal);
                    expected = ordinal - 1;
                }
                else if (expected > 0 && ordinal == expected && slot[13] == checksum)
                {
                    FatNames.DecodeSlot(slot, longName, ordinal);
                    expected--;
                }
                else expected = -1;
                continue;
            }
            bool haveLong = expected == 0 && longLength > 0 && checksum == FatNames.Checksum(slot.Slice(0, 11));
            int runStart = haveLong ? longFirst : i;
            expected = 0;
            longLength = haveLong ? longLength : 0;
            if ((slot[11] & FatEntry.AttrVolumeId) != 0 || first == (byte)'.') { longLength = 0; continue; }
            FatEntry entry = FatEntry.Decode(slot, _fs.Geometry.Type == FatType.Fat32);
            string name = haveLong ? new string(longName.Slice(0, longLength)) : FatNames.ShortToString(entry.ShortName, entry.CaseFlags);
            longLength = 0;
            entry.Name = name;
            entry.FirstSlot = runStart;
            entry.ShortSlot = i;
            shortNames.Add(ShortKey(entry.ShortName));
            // A name twice (a corrupt directory) or one the VFS cannot address keeps only its first occurrence.
            if (name.Length == 0 || name == "." || name == ".." || name.IndexOf('/') >= 0 || children.ContainsKey(name)) continue;
            children.Add(name, entry.IsDirectory ? new FatDirectory(_fs, this, entry) : new FatFile(_fs, this, entry));
        }
        _children = children;
        _shortNames = shortNames;
        _deletedFrom = Math.Min(_deletedFrom, _endSlot);
        return 0;
    }

    // The sectors of the directory's slots, walking its chain with the same bounds as every other walk.
    private int CollectSectors(out List<long> sectors)
    {
        FatGeometry g = _fs.Geometry;
        sectors = new List<long>();
        if (IsRoot && g.Type != FatType.Fat32)
        {
            for (int i = 0; i < g.RootDirectorySectors; i++) sectors.Add(g.RootDirectoryLba + i);
            return 0;
        }
        uint cluster = IsRoot ? g.RootCluster : Entry.FirstCluster;
        if (!_fs.Table.IsValidCluster(cluster)) return -Errno.EIO;
        long maxSectors = (long)MaxSlots * 32 / g.BytesPerSector;
        for (long steps = 0; cluster != 0; steps++)
        {
            if (steps >= g.ClusterCount || sectors.Count >= maxSectors) return -Errno.EIO;
            long lba = g.ClusterLba(cluster);
            for (int s = 0; s < g.SectorsPerCluster; s++) sectors.Add(lba + s);
            int r = _fs.Table.Next(cluster, out cluster);
            if (r < 0) return r;
        }
        return 0;
    }

    private int SlotCount => _sectors.Count * (_fs.Geometry.BytesPerSector / 32);

    private int ReadSlot(int index, Span<byte> slot)
    {
        int perSector = _fs.Geometry.BytesPerSector / 32;
        return _fs.Cache.Read(_sectors[index / perSector], index % perSector * 32, slot.Slice(0, 32));
    }

    private int WriteSlot(int index, ReadOnlySpan<byte> slot)
    {
        int perSector = _fs.Geometry.BytesPerSector / 32;
        return _fs.Cache.Write(_sectors[index / perSector], index % perSector * 32, slot.Slice(0, 32), SectorKind.Directory);
    }

    /// <summary>Writes <paramref name="entry"/>'s short entry back to its slot (after a size or time change).</summary>
    internal int SaveEntry(FatEntry entry)
    {
        int r = Load();
        if (r < 0) return r;
        Span<byte> slot = stackalloc byte[32];
        entry.Encode(slot);
        return WriteSlot(entry.ShortSlot, slot);
    }

    private static string ShortKey(ReadOnlySpan<byte> shortName)
    {
        Span<char> chars = stackalloc char[11];
        for (int i = 0; i < 11; i++) chars[i] = (char)shortName[i];
        return new string(chars);
    }
}
