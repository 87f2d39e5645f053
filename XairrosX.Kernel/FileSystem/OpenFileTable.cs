using System;
using System.Collections.Generic;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem;

/// <summary>An open file: the node, the access mode and the position that read/write/seek move.</summary>
public sealed class OpenFile(VfsNode node, VfsOpenFlags flags)
{
    /// <summary>The file or directory.</summary>
    public VfsNode Node { get; } = node;
    /// <summary>Flags it was opened with.</summary>
    public VfsOpenFlags Flags { get; } = flags;
    /// <summary>Offset of the next read or write.</summary>
    public long Position { get; set; }
    /// <summary>Descriptors sharing this description (dup).</summary>
    internal int References { get; set; } = 1;

    /// <summary>Opened for reading.</summary>
    public bool CanRead => (Flags & VfsOpenFlags.AccessMask) != VfsOpenFlags.WriteOnly;
    /// <summary>Opened for writing.</summary>
    public bool CanWrite => (Flags & VfsOpenFlags.AccessMask) != VfsOpenFlags.ReadOnly;
}

/// <summary>
/// Descriptors (numbers from 3 up; 0–2 are the console, handled by the PAL before it gets here), their
/// open-file descriptions, and directory streams (snapshots of a listing read one entry at a time).
/// The lowest free descriptor is reused, as POSIX requires.
/// </summary>
public sealed class OpenFileTable
{
    /// <summary>First descriptor the VFS hands out.</summary>
    public const int FirstDescriptor = 3;
    /// <summary>Most descriptors open at once.</summary>
    public const int MaxDescriptors = 1024;

    private readonly VirtualFileSystem _vfs;
    private readonly Dictionary<int, OpenFile> _files = new();
    private readonly Dictionary<int, DirectoryStream> _directories = new();
    private int _nextDirectory = 1;

    internal OpenFileTable(VirtualFileSystem vfs) => _vfs = vfs;

    /// <summary>Open descriptors.</summary>
    public int Count => _files.Count;

    /// <summary>Opens (or creates) a file; returns the descriptor or -errno.</summary>
    public int Open(string path, VfsOpenFlags flags, uint permissions = 0x1B6)
    {
        bool writing = (flags & VfsOpenFlags.AccessMask) != VfsOpenFlags.ReadOnly;
        int r = _vfs.Resolve(path, out VfsNode node);
        if (r == -Errno.ENOENT && (flags & VfsOpenFlags.Create) != 0)
        {
            VfsPath.TryNormalize(path, "/", out string canonical);
            r = _vfs.Resolve(VfsPath.Parent(canonical), out VfsNode parent);
            if (r < 0) return r;
            r = parent.Create(VfsPath.Name(canonical), VfsNodeKind.File, permissions & 0xFFF, out node);
            if (r < 0) return r;
        }
        else if (r < 0) return r;
        else if ((flags & (VfsOpenFlags.Create | VfsOpenFlags.Exclusive)) == (VfsOpenFlags.Create | VfsOpenFlags.Exclusive)) return -Errno.EEXIST;
        if (node.Kind == VfsNodeKind.Directory && writing) return -Errno.EISDIR;
        if (writing && node.ReadOnly) return -Errno.EROFS;
        if ((flags & VfsOpenFlags.Truncate) != 0 && writing && node.Length > 0)
        {
            r = node.Truncate(0);
            if (r < 0) return r;
        }
        return Add(new OpenFile(node, flags));
    }

    /// <summary>The description behind a descriptor, or null.</summary>
    public OpenFile Get(int fd) => _files.TryGetValue(fd, out OpenFile f) ? f : null;

    /// <summary>Closes a descriptor.</summary>
    public int Close(int fd)
    {
        if (!_files.Remove(fd, out OpenFile f)) return -Errno.EBADF;
        f.References--;
        return 0;
    }

    /// <summary>A second descriptor for the same description (shared position).</summary>
    public int Duplicate(int fd)
    {
        OpenFile f = Get(fd);
        if (f == null) return -Errno.EBADF;
        int r = Add(f);
        if (r >= 0) f.References++;
        return r;
    }

    /// <summary>Reads at the position and advances it; count or -errno.</summary>
    public int Read(int fd, Span<byte> buffer)
    {
        OpenFile f = Get(fd);
        if (f == null || !f.CanRead) return -Errno.EBADF;
        int n = f.Node.Read(f.Position, buffer);
        if (n > 0) f.Position += n;
        return n;
    }

    /// <summary>Writes at the position and advances it; count or -errno.</summary>
    public int Write(int fd, ReadOnlySpan<byte> buffer)
    {
        OpenFile f = Get(fd);
        if (f == null || !f.CanWrite) return -Errno.EBADF;
        int n = f.Node.Write(f.Position, buffer);
        if (n > 0) f.Position += n;
        return n;
    }

    /// <summary>Reads at <paramref name="offset"/> without moving the position.</summary>
    public int ReadAt(int fd, Span<byte> buffer, long offset)
    {
        OpenFile f = Get(fd);
        if (f == null || !f.CanRead) return -Errno.EBADF;
        return offset < 0 ? -Errno.EINVAL : f.Node.Read(offset, buffer);
    }

    /// <summary>Writes at <paramref name="offset"/> without moving the position.</summary>
    public int WriteAt(int fd, ReadOnlySpan<byte> buffer, long offset)
    {
        OpenFile f = Get(fd);
        if (f == null || !f.CanWrite) return -Errno.EBADF;
        return offset < 0 ? -Errno.EINVAL : f.Node.Write(offset, buffer);
    }

    /// <summary>Moves the position; the new position or -errno (EINVAL for a negative result).</summary>
    public long Seek(int fd, long offset, VfsSeekOrigin origin)
    {
        OpenFile f = Get(fd);
        if (f == null) return -Errno.EBADF;
        long basis = origin switch
        {
            VfsSeekOrigin.Begin => 0,
            VfsSeekOrigin.Current => f.Position,
            VfsSeekOrigin.End => f.Node.Length,
            _ => -1,
        };
        if (basis < 0) return -Errno.EINVAL;
        long target = basis + offset;
        if (target < 0 || (offset > 0 && target < basis)) return -Errno.EINVAL;
        f.Position = target;
        return target;
    }

    /// <summary>Sets the file's length.</summary>
    public int Truncate(int fd, long length)
    {
        OpenFile f = Get(fd);
        if (f == null || !f.CanWrite) return f == null ? -Errno.EBADF : -Errno.EINVAL;
        return f.Node.Truncate(length);
    }

    /// <summary>Opens a directory stream over a snapshot of the listing; a handle (≥ 1) or -errno.</summary>
    public int OpenDirectory(string path)
    {
        int r = _vfs.List(path, out List<string> names);
        if (r < 0) return r;
        VfsPath.TryNormalize(path, "/", out string canonical);
        var entries = new List<(string, VfsNodeKind)>(names.Count);
        foreach (string name in names)
            if (_vfs.Resolve(VfsPath.Combine(canonical, name), out VfsNode child) == 0) entries.Add((name, child.Kind));
        int handle = _nextDirectory++;
        _directories.Add(handle, new DirectoryStream(entries));
        return handle;
    }

    /// <summary>Next entry of a stream: 1 with the entry, 0 at the end, or -errno.</summary>
    public int ReadDirectory(int handle, out string name, out VfsNodeKind kind)
    {
        name = null;
        kind = default;
        if (!_directories.TryGetValue(handle, out DirectoryStream stream)) return -Errno.EBADF;
        if (stream.Next >= stream.Entries.Count) return 0;
        (name, kind) = stream.Entries[stream.Next++];
        return 1;
    }

    /// <summary>Closes a directory stream.</summary>
    public int CloseDirectory(int handle) => _directories.Remove(handle) ? 0 : -Errno.EBADF;

    private int Add(OpenFile f)
    {
        for (int fd = FirstDescriptor; fd < FirstDescriptor + MaxDescriptors; fd++)
        {
            if (_files.TryAdd(fd, f)) return fd;
        }
        return -Errno.ENOMEM; // EMFILE once Errno knows it
    }

    private sealed class DirectoryStream(List<(string, VfsNodeKind)> entries)
    {
        public List<(string, VfsNodeKind)> Entries { get; } = entries;
        public int Next { get; set; }
    }
}
