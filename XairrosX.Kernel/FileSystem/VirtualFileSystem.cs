using System;
using System.Collections.Generic;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem;

/// <summary>
/// The virtual file system: a mount table over <see cref="IFileSystem"/>s and path resolution across it.
/// Paths are made canonical first (<see cref="VfsPath"/>); resolution then walks one component at a time and
/// switches to a mounted file system's root whenever the path reached so far is a mount point, so a mount
/// hides what was below it. Operations return 0 (or a descriptor/count) or a negative Linux errno.
/// Descriptors, positions and directory streams live in <see cref="OpenFiles"/>.
/// Single-threaded for now: the kernel has one thread; a lock goes here when threads arrive.
/// </summary>
public sealed class VirtualFileSystem
{
    private readonly Dictionary<string, IFileSystem> _mounts = new(StringComparer.Ordinal);

    /// <summary>Descriptor and directory-stream tables of this VFS.</summary>
    public OpenFileTable OpenFiles { get; }

    /// <summary>Creates a VFS with nothing mounted.</summary>
    public VirtualFileSystem() => OpenFiles = new OpenFileTable(this);

    /// <summary>Mount points and their file systems, sorted by path.</summary>
    public IReadOnlyList<KeyValuePair<string, IFileSystem>> Mounts
    {
        get
        {
            var list = new List<KeyValuePair<string, IFileSystem>>(_mounts);
            list.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return list;
        }
    }

    /// <summary>Mounts <paramref name="fs"/> at <paramref name="path"/>: "/" first; later mount points must be
    /// directories that exist, or be missing with an existing parent (the mount then provides them).</summary>
    public int Mount(string path, IFileSystem fs)
    {
        if (!VfsPath.TryNormalize(path, "/", out string canonical)) return -Errno.ENAMETOOLONG;
        if (_mounts.ContainsKey(canonical)) return -Errno.EEXIST;
        if (canonical != "/")
        {
            if (!_mounts.ContainsKey("/")) return -Errno.ENOENT;
            int r = Resolve(canonical, out VfsNode existing);
            if (r == 0 && existing.Kind != VfsNodeKind.Directory) return -Errno.ENOTDIR;
            if (r < 0)
            {
                int p = Resolve(VfsPath.Parent(canonical), out VfsNode parent);
                if (p < 0) return p;
                if (parent.Kind != VfsNodeKind.Directory) return -Errno.ENOTDIR;
            }
        }
        _mounts.Add(canonical, fs);
        return 0;
    }

    /// <summary>The file system holding <paramref name="path"/> and its mount point.</summary>
    public int FileSystemOf(string path, out string mountPoint, out IFileSystem fs)
    {
        mountPoint = null;
        fs = null;
        if (!VfsPath.TryNormalize(path, "/", out string canonical)) return -Errno.ENAMETOOLONG;
        for (string p = canonical; ; p = VfsPath.Parent(p))
        {
            if (_mounts.TryGetValue(p, out fs)) { mountPoint = p; return 0; }
            if (p == "/") return -Errno.ENOENT;
        }
    }

    /// <summary>Finds the node of <paramref name="path"/> (relative paths start at <paramref name="workingDirectory"/>).</summary>
    public int Resolve(string path, out VfsNode node, string workingDirectory = "/")
    {
        node = null;
        if (!VfsPath.TryNormalize(path, workingDirectory, out string canonical)) return -Errno.ENAMETOOLONG;
        if (!_mounts.TryGetValue("/", out IFileSystem rootFs)) return -Errno.ENOENT;
        VfsNode current = rootFs.Root;
        string reached = "/";
        foreach (string name in VfsPath.Components(canonical))
        {
            if (current.Kind != VfsNodeKind.Directory) return -Errno.ENOTDIR;
            reached = VfsPath.Combine(reached, name);
            current = _mounts.TryGetValue(reached, out IFileSystem mounted) ? mounted.Root : current.Lookup(name);
            if (current == null) return -Errno.ENOENT;
        }
        node = current;
        return 0;
    }

    /// <summary>Names in a directory, mount points included, sorted ordinally.</summary>
    public int List(string path, out List<string> names)
    {
        names = null;
        int r = Resolve(path, out VfsNode dir);
        if (r < 0) return r;
        if (dir.Kind != VfsNodeKind.Directory) return -Errno.ENOTDIR;
        VfsPath.TryNormalize(path, "/", out string canonical);
        names = new List<string>(dir.ChildNames());
        foreach (string mountPoint in _mounts.Keys)
        {
            if (mountPoint == "/" || VfsPath.Parent(mountPoint) != canonical) continue;
            string name = VfsPath.Name(mountPoint);
            if (!names.Contains(name)) names.Add(name);
        }
        names.Sort(StringComparer.Ordinal);
        return 0;
    }

    /// <summary>Creates a directory.</summary>
    public int MakeDirectory(string path, uint permissions = 0x1FF)
    {
        int r = ResolveParent(path, out VfsNode parent, out string name, out string canonical);
        if (r < 0) return r;
        if (_mounts.ContainsKey(canonical)) return -Errno.EEXIST;
        return parent.Create(name, VfsNodeKind.Directory, permissions, out _);
    }

    /// <summary>Removes a file (EISDIR for directories).</summary>
    public int Unlink(string path) => RemoveEntry(path, VfsNodeKind.File);

    /// <summary>Removes an empty directory (ENOTDIR for files).</summary>
    public int RemoveDirectory(string path) => RemoveEntry(path, VfsNodeKind.Directory);

    /// <summary>Renames within one file system; replaces a target file; EXDEV-like EPERM across file systems.</summary>
    public int Rename(string from, string to)
    {
        int r = ResolveParent(from, out VfsNode fromParent, out string fromName, out string fromCanonical);
        if (r < 0) return r;
        r = ResolveParent(to, out VfsNode toParent, out string toName, out string toCanonical);
        if (r < 0) return r;
        if (_mounts.ContainsKey(fromCanonical) || _mounts.ContainsKey(toCanonical)) return -Errno.EPERM;
        VfsNode node = fromParent.Lookup(fromName);
        if (node == null) return -Errno.ENOENT;
        if (fromCanonical == toCanonical) return 0;
        FileSystemOf(fromCanonical, out string fromMount, out _);
        FileSystemOf(toCanonical, out string toMount, out _);
        if (fromMount != toMount) return -Errno.EPERM;
        if (node is DirectoryNode d && d.Contains(toParent)) return -Errno.EINVAL;
        return fromParent.MoveChild(fromName, toParent, toName);
    }

    /// <summary>Syncs every mounted file system; 0 or the first -errno (all are tried).</summary>
    public int SyncAll()
    {
        int result = 0;
        foreach (IFileSystem fs in _mounts.Values)
        {
            int r = fs.Sync();
            if (r < 0 && result == 0) result = r;
        }
        return result;
    }

    private int RemoveEntry(string path, VfsNodeKind kind)
    {
        int r = ResolveParent(path, out VfsNode parent, out string name, out string canonical);
        if (r < 0) return r;
        if (_mounts.ContainsKey(canonical)) return -Errno.EPERM;
        VfsNode node = parent.Lookup(name);
        if (node == null) return -Errno.ENOENT;
        if (node.Kind != kind) return kind == VfsNodeKind.File ? -Errno.EISDIR : -Errno.ENOTDIR;
        return parent.Remove(name);
    }

    // The directory that holds `path`'s last component (which must exist as a name, "/" has none).
    private int ResolveParent(string path, out VfsNode parent, out string name, out string canonical)
    {
        parent = null;
        name = null;
        if (!VfsPath.TryNormalize(path, "/", out canonical)) return -Errno.ENAMETOOLONG;
        if (canonical == "/") return -Errno.EPERM;
        name = VfsPath.Name(canonical);
        int r = Resolve(VfsPath.Parent(canonical), out parent);
        if (r < 0) return r;
        return parent.Kind == VfsNodeKind.Directory ? 0 : -Errno.ENOTDIR;
    }
}
