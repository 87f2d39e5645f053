using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem;

/// <summary>
/// The VFS as the PAL sees it (<see cref="IFileSystemHook"/>): decodes UTF-8 paths, converts PAL numbering
/// (open flags, whence, DT_* node types) and fills the PAL's FileStatus/DirectoryEntry structs, so that
/// System.IO's File, Directory, FileStream and friends run on the kernel's file systems.
/// </summary>
public sealed unsafe class PalFileSystemHook(VirtualFileSystem vfs) : IFileSystemHook
{
    private const int NodeTypeDirectory = 4, NodeTypeRegular = 8; // Interop.Sys.NodeType DT_DIR, DT_REG
    // Name buffers of open directory streams (native memory: the PAL hands the pointer to CoreLib).
    private readonly Dictionary<nint, nint> _nameBuffers = new();
    private const int NameBufferSize = VfsPath.MaxComponent * 4 + 1;

    private static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    /// <inheritdoc/>
    public int Open(ReadOnlySpan<byte> path, int flags, int mode) => vfs.OpenFiles.Open(Text(path), (VfsOpenFlags)flags, (uint)mode);
    /// <inheritdoc/>
    public int Close(int fd) => vfs.OpenFiles.Close(fd);
    /// <inheritdoc/>
    public int Dup(int fd) => vfs.OpenFiles.Duplicate(fd);
    /// <inheritdoc/>
    public int Read(int fd, Span<byte> buffer) => vfs.OpenFiles.Read(fd, buffer);
    /// <inheritdoc/>
    public int Write(int fd, ReadOnlySpan<byte> buffer) => vfs.OpenFiles.Write(fd, buffer);
    /// <inheritdoc/>
    public int PRead(int fd, Span<byte> buffer, long offset) => vfs.OpenFiles.ReadAt(fd, buffer, offset);
    /// <inheritdoc/>
    public int PWrite(int fd, ReadOnlySpan<byte> buffer, long offset) => vfs.OpenFiles.WriteAt(fd, buffer, offset);
    /// <inheritdoc/>
    public long LSeek(int fd, long offset, int whence) => vfs.OpenFiles.Seek(fd, offset, (VfsSeekOrigin)whence);
    /// <inheritdoc/>
    public int FTruncate(int fd, long length) => vfs.OpenFiles.Truncate(fd, length);
    /// <inheritdoc/>
    /// <remarks>Open files do not record their file system, so fsync syncs every mounted one (each sync is cheap when
    /// nothing is dirty): after it returns, the file's data and metadata are on its device.</remarks>
    public int FSync(int fd) => vfs.OpenFiles.Get(fd) == null ? -Errno.EBADF : vfs.SyncAll();
    /// <inheritdoc/>
    public int Unlink(ReadOnlySpan<byte> path) => vfs.Unlink(Text(path));
    /// <inheritdoc/>
    public int MkDir(ReadOnlySpan<byte> path, int mode) => vfs.MakeDirectory(Text(path), (uint)mode & 0xFFF);
    /// <inheritdoc/>
    public int RmDir(ReadOnlySpan<byte> path) => vfs.RemoveDirectory(Text(path));
    /// <inheritdoc/>
    public int Rename(ReadOnlySpan<byte> from, ReadOnlySpan<byte> to) => vfs.Rename(Text(from), Text(to));

    /// <inheritdoc/>
    public int FStat(int fd, out FileStatus status)
    {
        OpenFile f = vfs.OpenFiles.Get(fd);
        status = default;
        if (f == null) return -Errno.EBADF;
        status = ToStatus(f.Node);
        return 0;
    }

    /// <inheritdoc/>
    public int Stat(ReadOnlySpan<byte> path, out FileStatus status)
    {
        status = default;
        int r = vfs.Resolve(Text(path), out VfsNode node);
        if (r < 0) return r;
        status = ToStatus(node);
        return 0;
    }

    /// <summary>The PAL's view of a node.</summary>
    public static FileStatus ToStatus(VfsNode node) => new()
    {
        Mode = node.Mode,
        Size = node.Length,
        ATime = node.ModifiedSeconds,
        MTime = node.ModifiedSeconds,
        CTime = node.ModifiedSeconds,
        Dev = 1,
        Ino = node.Inode,
    };

    /// <inheritdoc/>
    public nint OpenDir(ReadOnlySpan<byte> path)
    {
        int handle = vfs.OpenFiles.OpenDirectory(Text(path));
        if (handle < 0) return handle;
        _nameBuffers[handle] = (nint)NativeMemory.Alloc(NameBufferSize);
        return handle;
    }

    /// <inheritdoc/>
    public int ReadDir(nint dir, DirectoryEntry* entry)
    {
        *entry = default;
        if (!_nameBuffers.TryGetValue(dir, out nint buffer)) return Errno.EBADF;
        int r = vfs.OpenFiles.ReadDirectory((int)dir, out string name, out VfsNodeKind kind);
        if (r < 0) return -r;
        if (r == 0) return -1;
        int length = Encoding.UTF8.GetBytes(name, new Span<byte>((void*)buffer, NameBufferSize - 1));
        ((byte*)buffer)[length] = 0;
        entry->Name = (byte*)buffer;
        entry->NameLength = length;
        entry->InodeType = kind == VfsNodeKind.Directory ? NodeTypeDirectory : NodeTypeRegular;
        return 0;
    }

    /// <inheritdoc/>
    public int CloseDir(nint dir)
    {
        if (!_nameBuffers.Remove(dir, out nint buffer)) return -Errno.EBADF;
        NativeMemory.Free((void*)buffer);
        return vfs.OpenFiles.CloseDirectory((int)dir);
    }
}
