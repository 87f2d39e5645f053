using System;
using System.Collections.Generic;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem;

/// <summary>What a node is.</summary>
public enum VfsNodeKind
{
    /// <summary>A regular file.</summary>
    File,
    /// <summary>A directory.</summary>
    Directory,
}

/// <summary>
/// A file or directory of some file system. Operations return Linux errno values the way the kernel's
/// system-call layer does (0 or a count on success, a negative errno on failure) so that the PAL hands them
/// on unchanged and the hot read path throws nothing. The defaults are those of a read-only node.
/// </summary>
public abstract class VfsNode
{
    private static long s_nextInode;

    /// <summary>Creates a node with a fresh inode number.</summary>
    protected VfsNode(VfsNodeKind kind, uint permissions, long modifiedSeconds)
    {
        Kind = kind;
        Permissions = permissions;
        ModifiedSeconds = modifiedSeconds;
        Inode = System.Threading.Interlocked.Increment(ref s_nextInode);
    }

    /// <summary>File or directory.</summary>
    public VfsNodeKind Kind { get; }
    /// <summary>Inode number (unique across the VFS).</summary>
    public long Inode { get; }
    /// <summary>rwx permission bits (0o7777 part of st_mode).</summary>
    public uint Permissions { get; protected set; }
    /// <summary>Last modification, seconds since the Unix epoch.</summary>
    public long ModifiedSeconds { get; protected set; }
    /// <summary>Bytes of data (0 for directories).</summary>
    public abstract long Length { get; }
    /// <summary>Whether writes are refused with EROFS.</summary>
    public abstract bool ReadOnly { get; }

    /// <summary>st_mode: type bits and permissions.</summary>
    public int Mode => (int)((Kind == VfsNodeKind.Directory ? 0x4000u : 0x8000u) | (Permissions & 0xFFF));

    /// <summary>Copies up to <c>destination.Length</c> bytes from <paramref name="offset"/>; returns the count or -errno.</summary>
    public virtual int Read(long offset, Span<byte> destination) => -Errno.EISDIR;

    /// <summary>Writes at <paramref name="offset"/> (growing the file); returns the count or -errno.</summary>
    public virtual int Write(long offset, ReadOnlySpan<byte> source) => Kind == VfsNodeKind.Directory ? -Errno.EISDIR : -Errno.EROFS;

    /// <summary>Sets the length (zero-filling growth); 0 or -errno.</summary>
    public virtual int Truncate(long length) => Kind == VfsNodeKind.Directory ? -Errno.EISDIR : -Errno.EROFS;

    /// <summary>The child called <paramref name="name"/>, or null.</summary>
    public virtual VfsNode Lookup(string name) => null;

    /// <summary>Names of the children, sorted ordinally (empty for files).</summary>
    public virtual IReadOnlyList<string> ChildNames() => Array.Empty<string>();

    /// <summary>Creates a child; 0 or -errno (EEXIST, EROFS, ENOTDIR).</summary>
    public virtual int Create(string name, VfsNodeKind kind, uint permissions, out VfsNode child)
    {
        child = null;
        return Kind == VfsNodeKind.Directory ? -Errno.EROFS : -Errno.ENOTDIR;
    }

    /// <summary>Removes a child (a directory only when empty); 0 or -errno.</summary>
    public virtual int Remove(string name) => Kind == VfsNodeKind.Directory ? -Errno.EROFS : -Errno.ENOTDIR;

    /// <summary>Moves <paramref name="child"/> in under <paramref name="name"/>, replacing a file of that name; 0 or -errno.</summary>
    public virtual int Attach(string name, VfsNode child) => Kind == VfsNodeKind.Directory ? -Errno.EROFS : -Errno.ENOTDIR;

    /// <summary>
    /// Moves the child <paramref name="name"/> of this directory to <paramref name="toParent"/> (same file system) as
    /// <paramref name="toName"/>, replacing a file of that name; 0 or -errno. The default attaches it there and
    /// removes it here; file systems whose entries live on disk (FAT) move the entry in one step.
    /// </summary>
    public virtual int MoveChild(string name, VfsNode toParent, string toName)
    {
        VfsNode child = Lookup(name);
        if (child == null) return -Errno.ENOENT;
        int r = toParent.Attach(toName, child);
        return r < 0 ? r : Remove(name);
    }
}

/// <summary>A mountable file system: a root directory, a name for mount listings, sizes for df, and sync.</summary>
public interface IFileSystem
{
    /// <summary>Type name ("initrd", "tmpfs", "vfat").</summary>
    string TypeName { get; }
    /// <summary>The root directory.</summary>
    VfsNode Root { get; }
    /// <summary>Bytes of file data held.</summary>
    long UsedBytes { get; }
    /// <summary>Bytes the file system can hold at most (its capacity; the used size for read-only images).</summary>
    long TotalBytes { get; }
    /// <summary>Writes cached changes to the backing device and flushes it; 0 or -errno (0 for RAM file systems).</summary>
    int Sync();
}
