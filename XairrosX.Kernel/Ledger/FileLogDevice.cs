using System;
using System.IO;
using XairrosX.Blockchain.Store;

namespace XairrosX.Kernel.Ledger;

/// <summary>
/// The ledger store's append-only log as a file of the VFS, through the BCL's FileStream (so on /disk it is a
/// FAT file on a virtio-blk or ATA disk). <see cref="Flush"/> is FileStream.Flush(flushToDisk: true): the data
/// reaches the file system and fsync makes the file system write it to the device.
/// </summary>
public sealed class FileLogDevice : ILogDevice, IDisposable
{
    private readonly FileStream _file;

    /// <summary>Opens (creating if needed) the log file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be opened or created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file system is read-only or the path is a directory.</exception>
    public FileLogDevice(string path)
    {
        Path = path;
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public long Length => _file.Length;

    /// <inheritdoc/>
    public void Append(ReadOnlySpan<byte> data)
    {
        _file.Seek(0, SeekOrigin.End);
        _file.Write(data);
    }

    /// <inheritdoc/>
    public void Read(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset + destination.Length > _file.Length) throw new ArgumentOutOfRangeException(nameof(offset));
        _file.Seek(offset, SeekOrigin.Begin);
        _file.ReadExactly(destination);
    }

    /// <inheritdoc/>
    public void Flush() => _file.Flush(flushToDisk: true);

    /// <inheritdoc/>
    public void Truncate(long length)
    {
        if (length < 0 || length > _file.Length) throw new ArgumentOutOfRangeException(nameof(length));
        _file.SetLength(length);
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _file.Dispose();
}
