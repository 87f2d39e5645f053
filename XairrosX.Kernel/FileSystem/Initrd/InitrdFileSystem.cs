using System;
using System.Collections.Generic;
using XairrosX.Kernel.FileSystem.Cpio;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem.Initrd;

/// <summary>
/// The read-only file system of the boot archive (a newc cpio GRUB loaded as a module). Files are views of
/// the archive's memory — nothing is copied. Directories come from directory members and from the paths of
/// files ("models/mnist/model.onnx" implies "models" and "models/mnist"), so archives without directory
/// members work too. A later member of the same path replaces an earlier one, as the Linux initramfs does.
/// </summary>
public sealed class InitrdFileSystem : IFileSystem
{
    private readonly Dir _root;

    /// <summary>Builds the tree from an archive held in <paramref name="archive"/>.</summary>
    /// <exception cref="CpioFormatException">The archive is malformed.</exception>
    public InitrdFileSystem(ReadOnlyMemory<byte> archive)
    {
        _root = new Dir(0x1ED, 0);
        foreach (CpioEntry entry in CpioArchive.Parse(archive.Span))
        {
            string[] parts = entry.Path.Split('/');
            Dir parent = _root;
            for (int i = 0; i < parts.Length - 1; i++) parent = parent.Subdirectory(parts[i], entry.ModifiedTime, entry.Path);
            string name = parts[^1];
            if (entry.IsDirectory) parent.Subdirectory(name, entry.ModifiedTime, entry.Path).SetMetadata(entry.Mode, entry.ModifiedTime);
            else if (entry.IsFile)
            {
                if (parent.Lookup(name) is Dir) throw new CpioFormatException($"cpio: '{entry.Path}' is both a directory and a file");
                parent.Replace(name, new File(archive.Slice(entry.DataOffset, entry.DataLength), entry.Mode & 0xFFF, entry.ModifiedTime));
                UsedBytes += entry.DataLength;
                FileCount++;
            }
            // Other member types (symbolic links, devices) are not represented yet.
        }
    }

    /// <inheritdoc/>
    public string TypeName => "initrd";
    /// <inheritdoc/>
    public VfsNode Root => _root;
    /// <inheritdoc/>
    public long UsedBytes { get; }
    /// <inheritdoc/>
    public long TotalBytes => UsedBytes;
    /// <inheritdoc/>
    public int Sync() => 0;
    /// <summary>Regular files in the archive.</summary>
    public int FileCount { get; }

    private sealed class Dir(uint permissions, long modified) : DirectoryNode(permissions, modified)
    {
        public override bool ReadOnly => true;

        public Dir Subdirectory(string name, long modified, string memberPath)
        {
            VfsNode existing = Lookup(name);
            if (existing is Dir d) return d;
            if (existing != null) throw new CpioFormatException($"cpio: '{memberPath}' needs '{name}' to be a directory, but it is a file");
            var created = new Dir(0x1ED, modified);
            SetChild(name, created);
            return created;
        }

        public void SetMetadata(uint mode, long modified)
        {
            Permissions = mode & 0xFFF;
            ModifiedSeconds = modified;
        }

        public void Replace(string name, VfsNode node) => SetChild(name, node);
    }

    private sealed class File(ReadOnlyMemory<byte> data, uint permissions, long modified) : VfsNode(VfsNodeKind.File, permissions, modified)
    {
        public override long Length => data.Length;
        public override bool ReadOnly => true;

        public override int Read(long offset, Span<byte> destination)
        {
            if (offset < 0) return -Errno.EINVAL;
            if (offset >= data.Length) return 0;
            ReadOnlySpan<byte> source = data.Span.Slice((int)offset);
            int n = Math.Min(source.Length, destination.Length);
            source.Slice(0, n).CopyTo(destination);
            return n;
        }
    }
}
