using System;

namespace XairrosX.Blockchain.Store;

/// <summary>
/// An append-only byte device: a file, a disk region or memory. <see cref="Flush"/> is the
/// durability barrier: after it returns, everything appended so far survives a crash. Bytes
/// appended after the last flush may be lost or torn.
/// </summary>
public interface ILogDevice
{
    /// <summary>Bytes currently in the log.</summary>
    long Length { get; }

    /// <summary>Appends bytes at the end.</summary>
    void Append(ReadOnlySpan<byte> data);

    /// <summary>Reads exactly <paramref name="destination"/>.Length bytes at <paramref name="offset"/>.</summary>
    void Read(long offset, Span<byte> destination);

    /// <summary>Makes appended bytes durable.</summary>
    void Flush();

    /// <summary>Cuts the log to <paramref name="length"/> bytes (used to drop a torn tail on recovery).</summary>
    void Truncate(long length);
}

/// <summary>An <see cref="ILogDevice"/> in memory; tests use it to simulate crashes by cutting or corrupting bytes.</summary>
public sealed class MemoryLogDevice : ILogDevice
{
    private byte[] _data;
    private long _length;

    /// <summary>An empty device, or one holding a copy of <paramref name="initial"/>.</summary>
    public MemoryLogDevice(ReadOnlySpan<byte> initial = default)
    {
        _data = initial.ToArray();
        if (_data.Length < 64) Array.Resize(ref _data, 64);
        _length = initial.Length;
    }

    /// <inheritdoc/>
    public long Length => _length;

    /// <summary>A copy of the device content.</summary>
    public byte[] ToArray() => _data.AsSpan(0, (int)_length).ToArray();

    /// <inheritdoc/>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (_length + data.Length > _data.Length) Array.Resize(ref _data, (int)Math.Max(_data.Length * 2L, _length + data.Length));
        data.CopyTo(_data.AsSpan((int)_length));
        _length += data.Length;
    }

    /// <inheritdoc/>
    public void Read(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset + destination.Length > _length) throw new ArgumentOutOfRangeException(nameof(offset));
        _data.AsSpan((int)offset, destination.Length).CopyTo(destination);
    }

    /// <inheritdoc/>
    public void Flush()
    {
    }

    /// <inheritdoc/>
    public void Truncate(long length)
    {
        if (length < 0 || length > _length) throw new ArgumentOutOfRangeException(nameof(length));
        _length = length;
    }
}
