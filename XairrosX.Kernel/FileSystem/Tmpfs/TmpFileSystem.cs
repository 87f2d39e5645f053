using System;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem.Tmpfs;

/// <summary>
/// A read-write file system in RAM (mounted at /tmp). File data lives in a managed array that grows by
/// doubling; a size limit keeps a runaway writer from taking all memory (ENOSPC).
/// </summary>
public sealed class TmpFileSystem : IFileSystem
{
    private readonly Dir _root;

    /// <summary>Creates an empty tmpfs holding at most <paramref name="capacityBytes"/> of file data.</summary>
    public TmpFileSystem(long capacityBytes = 64L * 1024 * 1024)
    {
        CapacityBytes = capacityBytes;
        _root = new Dir(this, 0x3FF);
    }

    /// <inheritdoc/>
    public string TypeName => "tmpfs";
    /// <inheritdoc/>
    public VfsNode Root => _root;
    /// <inheritdoc/>
    public long UsedBytes { get; private set; }
    /// <summary>Most file data the file system holds.</summary>
    public long CapacityBytes { get; }
    /// <inheritdoc/>
    public long TotalBytes => CapacityBytes;
    /// <inheritdoc/>
    public int Sync() => 0;

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private sealed class Dir(TmpFileSystem fs, uint permissions) : DirectoryNode(permissions, Now())
    {
        public override bool ReadOnly => false;

        protected override VfsNode NewChild(VfsNodeKind kind, uint permissions) =>
            kind == VfsNodeKind.Directory ? new Dir(fs, permissions) : new File(fs, permissions);
    }

    private sealed class File(TmpFileSystem fs, uint permissions) : VfsNode(VfsNodeKind.File, permissions, Now())
    {
        private byte[] _data = Array.Empty<byte>();
        private long _length;

        public override long Length => _length;
        public override bool ReadOnly => false;

        public override int Read(long offset, Span<byte> destination)
        {
            if (offset < 0) return -Errno.EINVAL;
            if (offset >= _length) return 0;
            int n = (int)Math.Min(_length - offset, destination.Length);
            _data.AsSpan((int)offset, n).CopyTo(destination);
            return n;
        }

        public override int Write(long offset, ReadOnlySpan<byte> source)
        {
            if (offset < 0) return -Errno.EINVAL;
            long end = offset + source.Length;
            if (end > _length)
            {
                int grown = Resize(end);
                if (grown < 0) return grown;
            }
            source.CopyTo(_data.AsSpan((int)offset));
            ModifiedSeconds = Now();
            return source.Length;
        }

        public override int Truncate(long length)
        {
            if (length < 0) return -Errno.EINVAL;
            int r = Resize(length);
            if (r == 0) ModifiedSeconds = Now();
            return r;
        }

        // Sets the length, zero-filling what grows; the array at least doubles so appends stay linear.
        private int Resize(long length)
        {
            if (length > Array.MaxLength) return -Errno.ENOSPC;
            if (fs.UsedBytes - _length + length > fs.CapacityBytes) return -Errno.ENOSPC;
            if (length > _data.Length)
            {
                var bigger = new byte[(int)Math.Min(Array.MaxLength, Math.Max(length, Math.Max(256, 2L * _data.Length)))];
                _data.AsSpan(0, (int)_length).CopyTo(bigger);
                _data = bigger;
            }
            else if (length < _length) _data.AsSpan((int)length, (int)(_length - length)).Clear();
            fs.UsedBytes += length - _length;
            _length = length;
            return 0;
        }
    }
}
