using System;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem.Fat;

/// <summary>Creating, removing and moving entries: finding a run of free slots (reusing deleted ones, else after the
/// end marker, else growing the directory by a zeroed cluster), writing long-name slots then the short entry, and
/// marking runs deleted (0xE5).</summary>
public sealed partial class FatDirectory
{
    /// <inheritdoc/>
    public override int Create(string name, VfsNodeKind kind, uint permissions, out VfsNode child)
    {
        child = null;
        if (ReadOnly) return -Errno.EROFS;
        if (_removed) return -Errno.ENOENT;
        int r = Load();
        if (r < 0) return r;
        if ((r = FatNames.Validate(name)) < 0) return r;
        if (_children.ContainsKey(name)) return -Errno.EEXIST;
        var entry = new FatEntry { Name = name, Attributes = kind == VfsNodeKind.Directory ? FatEntry.AttrDirectory : FatEntry.AttrArchive };
        entry.StampCreated(FatFileSystem.Now());
        if (kind == VfsNodeKind.Directory)
        {
            r = _fs.Table.Allocate(0, out uint cluster);
            if (r < 0) return r;
            entry.FirstCluster = cluster;
            r = WriteDotEntries(entry);
            if (r < 0) { _fs.Table.FreeChain(cluster); return r; }
        }
        r = Insert(entry);
        if (r < 0)
        {
            if (entry.FirstCluster != 0) _fs.Table.FreeChain(entry.FirstCluster);
            return r;
        }
        child = kind == VfsNodeKind.Directory ? new FatDirectory(_fs, this, entry) : new FatFile(_fs, this, entry);
        _children.Add(name, child);
        return Touch();
    }

    /// <inheritdoc/>
    public override int Remove(string name)
    {
        if (ReadOnly) return -Errno.EROFS;
        if (_removed) return -Errno.ENOENT;
        int r = Load();
        if (r < 0) return r;
        if (name == null || !_children.TryGetValue(name, out VfsNode node)) return -Errno.ENOENT;
        if (node is FatDirectory d)
        {
            r = d.Load();
            if (r < 0) return r;
            if (d._children.Count > 0) return -Errno.ENOTEMPTY;
        }
        FatEntry entry = NodeEntry(node);
        r = Detach(entry);
        if (r < 0) return r;
        if (node is FatFile f) f.MarkRemoved();
        else ((FatDirectory)node)._removed = true;
        if (entry.FirstCluster != 0) r = _fs.Table.FreeChain(entry.FirstCluster);
        entry.FirstCluster = 0;
        int t = Touch();
        return r < 0 ? r : t;
    }

    /// <inheritdoc/>
    public override int Attach(string name, VfsNode child) => -Errno.ENOTSUP; // moves go through MoveChild

    /// <inheritdoc/>
    public override int MoveChild(string name, VfsNode toParent, string toName)
    {
        if (ReadOnly) return -Errno.EROFS;
        if (toParent is not FatDirectory target || target._fs != _fs) return -Errno.EPERM;
        if (_removed || target._removed) return -Errno.ENOENT;
        int r = Load();
        if (r < 0 || (r = target.Load()) < 0) return r;
        if ((r = FatNames.Validate(toName)) < 0) return r;
        if (name == null || !_children.TryGetValue(name, out VfsNode node)) return -Errno.ENOENT;
        if (node is FatDirectory moving)
        {
            for (FatDirectory p = target; p != null; p = p.Parent)
                if (ReferenceEquals(p, moving)) return -Errno.EINVAL;
        }
        if (target._children.TryGetValue(toName, out VfsNode existing) && !ReferenceEquals(existing, node))
        {
            if (existing.Kind == VfsNodeKind.Directory) return -Errno.EISDIR;
            if (node.Kind == VfsNodeKind.Directory) return -Errno.ENOTDIR;
            r = target.Remove(toName);
            if (r < 0) return r;
        }
        FatEntry entry = NodeEntry(node);
        int oldFirst = entry.FirstSlot, oldShort = entry.ShortSlot;
        string oldName = entry.Name;
        byte[] oldShortName = (byte[])entry.ShortName.Clone();
        // The new run is written before the old one is deleted, so a failure (a full directory) loses nothing.
        entry.Name = toName;
        entry.StampModified(FatFileSystem.Now());
        r = target.Insert(entry);
        if (r < 0)
        {
            entry.Name = oldName;
            entry.ShortName = oldShortName;
            entry.FirstSlot = oldFirst;
            entry.ShortSlot = oldShort;
            return r;
        }
        r = DeleteRun(oldFirst, oldShort);
        _shortNames.Remove(ShortKey(oldShortName));
        _children.Remove(name);
        target._children[toName] = node;
        if (r < 0) return r;
        if (node is FatDirectory dir)
        {
            dir.Parent = target;
            r = dir.UpdateDotDot(target.SelfCluster);
        }
        else ((FatFile)node).Parent = target;
        if (r == 0) r = Touch();
        if (r == 0 && !ReferenceEquals(target, this)) r = target.Touch();
        return r;
    }

    // A change of entries is a modification of the directory: its own entry (in its parent) gets the time.
    private int Touch()
    {
        long now = FatFileSystem.Now();
        ModifiedSeconds = now;
        if (IsRoot) return 0;
        Entry.StampModified(now);
        return Parent.SaveEntry(Entry);
    }

    // Takes an entry out of this directory: slots marked deleted, names forgotten.
    private int Detach(FatEntry entry)
    {
        int r = DeleteRun(entry.FirstSlot, entry.ShortSlot);
        _shortNames.Remove(ShortKey(entry.ShortName));
        _children.Remove(entry.Name);
        return r;
    }

    // Chooses the short name (the name itself when it is a free upper-case 8.3 name, else a generated one with a
    // long name), finds slots and writes them.
    private int Insert(FatEntry entry)
    {
        var shortName = new byte[11];
        bool needsLong = !FatNames.TryExactShortName(entry.Name, shortName) || _shortNames.Contains(ShortKey(shortName));
        if (needsLong && !FatNames.Generate(entry.Name, s => _shortNames.Contains(ShortKey(s)), shortName)) return -Errno.ENOSPC;
        entry.ShortName = shortName;
        entry.CaseFlags = 0;
        int longSlots = needsLong ? FatNames.SlotsFor(entry.Name) : 0;
        int r = FindFreeRun(longSlots + 1, out int start);
        if (r < 0) return r;
        Span<byte> slot = stackalloc byte[32];
        byte checksum = FatNames.Checksum(shortName);
        for (int i = 0; i < longSlots; i++)
        {
            FatNames.EncodeSlot(slot, entry.Name, longSlots - i, checksum);
            if ((r = WriteSlot(start + i, slot)) < 0) return r;
        }
        entry.FirstSlot = start;
        entry.ShortSlot = start + longSlots;
        entry.Encode(slot);
        if ((r = WriteSlot(entry.ShortSlot, slot)) < 0) return r;
        _shortNames.Add(ShortKey(shortName));
        int end = start + longSlots + 1;
        if (end > _endSlot)
        {
            // Slots past the old end marker may hold stale bytes: a new end marker right after the run hides them.
            _endSlot = end;
            if (end < SlotCount)
            {
                slot.Clear();
                r = WriteSlot(end, slot);
            }
        }
        return r;
    }

    private int DeleteRun(int first, int last)
    {
        _deletedFrom = Math.Min(_deletedFrom, first);
        Span<byte> slot = stackalloc byte[32];
        for (int i = first; i <= last; i++)
        {
            int r = ReadSlot(i, slot);
            if (r < 0) return r;
            slot[0] = 0xE5;
            if ((r = WriteSlot(i, slot)) < 0) return r;
        }
        return 0;
    }

    // A run of `count` free slots: deleted slots before the end marker first, then the space after it, then a
    // new zeroed cluster (the FAT12/16 root cannot grow: ENOSPC).
    private int FindFreeRun(int count, out int start)
    {
        start = 0;
        Span<byte> slot = stackalloc byte[32];
        int run = 0, firstDeleted = -1;
        // Below _deletedFrom no slot is deleted, so appending to a directory does not rescan it.
        for (int i = _deletedFrom; i < _endSlot; i++)
        {
            int r = ReadSlot(i, slot);
            if (r < 0) return r;
            run = slot[0] == 0xE5 ? run + 1 : 0;
            if (run == 1 && firstDeleted < 0) firstDeleted = i;
            if (run == count) { start = i - count + 1; return 0; }
        }
        _deletedFrom = firstDeleted < 0 ? _endSlot : firstDeleted;
        // A trailing run of deleted slots joins the space after the end marker.
        start = _endSlot - run;
        while (start + count > SlotCount)
        {
            if (IsRoot && _fs.Geometry.Type != FatType.Fat32) return -Errno.ENOSPC;
            if (SlotCount + _fs.Geometry.ClusterBytes / 32 > MaxSlots) return -Errno.ENOSPC;
            int r = Grow();
            if (r < 0) return r;
        }
        return 0;
    }

    private int Grow()
    {
        FatGeometry g = _fs.Geometry;
        uint last = 0;
        if (_sectors.Count > 0) last = (uint)((_sectors[^1] - g.DataLba) / g.SectorsPerCluster + 2);
        int r = _fs.Table.Allocate(last, out uint cluster);
        if (r < 0) return r;
        r = _fs.ZeroCluster(cluster, SectorKind.Directory);
        if (r < 0) return r;
        long lba = g.ClusterLba(cluster);
        for (int s = 0; s < g.SectorsPerCluster; s++) _sectors.Add(lba + s);
        return 0;
    }

    // "." and ".." in the first cluster of a new directory (the rest of it zero: the end marker).
    private int WriteDotEntries(FatEntry entry)
    {
        int r = _fs.ZeroCluster(entry.FirstCluster, SectorKind.Directory);
        if (r < 0) return r;
        Span<byte> slots = stackalloc byte[64];
        var dot = new FatEntry { Attributes = FatEntry.AttrDirectory, FirstCluster = entry.FirstCluster, Created = entry.Created, Modified = entry.Modified, Accessed = entry.Accessed };
        dot.ShortName.AsSpan().Fill((byte)' ');
        dot.ShortName[0] = (byte)'.';
        dot.Encode(slots);
        dot.ShortName[1] = (byte)'.';
        dot.FirstCluster = SelfCluster;
        dot.Encode(slots.Slice(32));
        return _fs.Cache.Write(_fs.Geometry.ClusterLba(entry.FirstCluster), 0, slots, SectorKind.Directory);
    }

    // After a move to another parent, ".." must name the new one.
    private int UpdateDotDot(uint parentCluster)
    {
        int r = Load();
        if (r < 0) return r;
        Span<byte> slot = stackalloc byte[32];
        if (SlotCount < 2 || (r = ReadSlot(1, slot)) < 0) return r < 0 ? r : -Errno.EIO;
        if (slot[0] != (byte)'.' || slot[1] != (byte)'.') return 0; // no ".." to fix (a foreign image)
        slot[20] = (byte)(parentCluster >> 16);
        slot[21] = (byte)(parentCluster >> 24);
        slot[26] = (byte)parentCluster;
        slot[27] = (byte)(parentCluster >> 8);
        return WriteSlot(1, slot);
    }
}
