using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace XairrosX.Blockchain.Store;

/// <summary>
/// An append-only, log-structured key-value store. Every change is a checksummed record appended
/// to an <see cref="ILogDevice"/>; a batch becomes visible only when its commit record has been
/// appended and flushed, so the log is its own write-ahead log. Reopening replays the log, applies
/// only batches whose commit record is intact, and cuts off whatever follows the last one: after a
/// crash mid-write the store is exactly at its last commit, never in between.
/// Record: type (1) | key length (4) | value length (4) | key | value | CRC-32C of all before (4).
/// </summary>
public sealed class LogStructuredStore : IKeyValueStore
{
    private const byte PutRecord = 1, DeleteRecord = 2, CommitRecord = 3;
    private const int HeaderSize = 9, TrailerSize = 4;
    private const int MaxKeySize = 1 << 16, MaxValueSize = 1 << 26;

    private readonly ILogDevice _device;
    private readonly Dictionary<byte[], (long Offset, int Length)> _index = new(ByteArrayComparer.Instance);
    private readonly Dictionary<byte[], byte[]?> _pending = new(ByteArrayComparer.Instance);

    private LogStructuredStore(ILogDevice device) => _device = device;

    /// <summary>Number of committed batches since the log began.</summary>
    public ulong CommitSequence { get; private set; }

    /// <summary>Live committed keys.</summary>
    public int Count => _index.Count;

    /// <summary>Bytes the log occupies (live and dead records).</summary>
    public long LogLength => _device.Length;

    /// <summary>True if there are uncommitted changes.</summary>
    public bool HasPendingChanges => _pending.Count > 0;

    /// <summary>Opens a store on <paramref name="device"/>, recovering to its last intact commit.</summary>
    public static LogStructuredStore Open(ILogDevice device)
    {
        LogStructuredStore store = new(device);
        store.Recover();
        return store;
    }

    private void Recover()
    {
        long pos = 0, committedEnd = 0;
        List<(byte[] Key, long Offset, int Length, bool Delete)> batch = new();
        Span<byte> seq = stackalloc byte[8];
        while (TryReadRecord(pos, out byte type, out byte[] key, out long valueOffset, out int valueLength, out long next))
        {
            if (type == CommitRecord)
            {
                if (valueLength != 8) break;
                foreach ((byte[] k, long off, int len, bool del) in batch)
                {
                    if (del) _index.Remove(k);
                    else _index[k] = (off, len);
                }
                batch.Clear();
                _device.Read(valueOffset, seq);
                CommitSequence = BinaryPrimitives.ReadUInt64LittleEndian(seq);
                committedEnd = next;
            }
            else
            {
                batch.Add((key, valueOffset, valueLength, type == DeleteRecord));
            }
            pos = next;
        }
        if (committedEnd < _device.Length)
        {
            _device.Truncate(committedEnd);
            _device.Flush();
        }
    }

    private bool TryReadRecord(long pos, out byte type, out byte[] key, out long valueOffset, out int valueLength, out long next)
    {
        type = 0;
        key = [];
        valueOffset = 0;
        valueLength = 0;
        next = pos;
        long available = _device.Length - pos;
        if (available < HeaderSize + TrailerSize) return false;
        Span<byte> header = stackalloc byte[HeaderSize];
        _device.Read(pos, header);
        type = header[0];
        uint keyLength = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(1));
        uint valueLen = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(5));
        if (type < PutRecord || type > CommitRecord || keyLength > MaxKeySize || valueLen > MaxValueSize) return false;
        long total = HeaderSize + (long)keyLength + valueLen + TrailerSize;
        if (total > available) return false;
        byte[] body = new byte[total - TrailerSize];
        _device.Read(pos, body);
        Span<byte> stored = stackalloc byte[4];
        _device.Read(pos + body.Length, stored);
        if (Crc32C.Compute(body) != BinaryPrimitives.ReadUInt32LittleEndian(stored)) return false;
        key = body.AsSpan(HeaderSize, (int)keyLength).ToArray();
        valueOffset = pos + HeaderSize + keyLength;
        valueLength = (int)valueLen;
        next = pos + total;
        return true;
    }

    /// <inheritdoc/>
    public bool TryGet(ReadOnlySpan<byte> key, out byte[]? value)
    {
        if (_pending.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(key, out value)) return value != null;
        if (!_index.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(key, out (long Offset, int Length) at))
        {
            value = null;
            return false;
        }
        value = new byte[at.Length];
        _device.Read(at.Offset, value);
        return true;
    }

    /// <summary>Stages a write (visible to this store at once, durable after <see cref="Commit"/>).</summary>
    /// <exception cref="ArgumentException">Key over 64 KiB or value over 64 MiB.</exception>
    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (key.Length > MaxKeySize || value.Length > MaxValueSize) throw new ArgumentException("key or value too large");
        _pending[key.ToArray()] = value.ToArray();
    }

    /// <inheritdoc/>
    public bool Delete(ReadOnlySpan<byte> key)
    {
        bool existed = TryGet(key, out _);
        _pending[key.ToArray()] = null;
        return existed;
    }

    /// <summary>Drops uncommitted changes.</summary>
    public void Rollback() => _pending.Clear();

    /// <summary>
    /// Appends the pending changes and a commit record, flushes, then makes them visible.
    /// Returns the new commit sequence number.
    /// </summary>
    public ulong Commit()
    {
        List<(byte[] Key, long Offset, int Length, bool Delete)> applied = new(_pending.Count);
        foreach (KeyValuePair<byte[], byte[]?> kv in _pending)
        {
            long start = _device.Length;
            AppendRecord(kv.Value == null ? DeleteRecord : PutRecord, kv.Key, kv.Value ?? []);
            applied.Add((kv.Key, start + HeaderSize + kv.Key.Length, kv.Value?.Length ?? 0, kv.Value == null));
        }
        Span<byte> seq = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(seq, CommitSequence + 1);
        AppendRecord(CommitRecord, [], seq);
        _device.Flush();
        CommitSequence++;
        foreach ((byte[] k, long off, int len, bool del) in applied)
        {
            if (del) _index.Remove(k);
            else _index[k] = (off, len);
        }
        _pending.Clear();
        return CommitSequence;
    }

    private void AppendRecord(byte type, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        byte[] record = new byte[HeaderSize + key.Length + value.Length + TrailerSize];
        record[0] = type;
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(1), (uint)key.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(5), (uint)value.Length);
        key.CopyTo(record.AsSpan(HeaderSize));
        value.CopyTo(record.AsSpan(HeaderSize + key.Length));
        uint crc = Crc32C.Compute(record.AsSpan(0, record.Length - TrailerSize));
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(record.Length - TrailerSize), crc);
        _device.Append(record);
    }

    /// <summary>Writes the live committed keys as one batch into an empty <paramref name="target"/> and opens it (reclaims dead records).</summary>
    public LogStructuredStore CompactInto(ILogDevice target)
    {
        if (target.Length != 0) throw new ArgumentException("target device must be empty", nameof(target));
        LogStructuredStore fresh = Open(target);
        foreach (KeyValuePair<byte[], (long Offset, int Length)> kv in _index)
        {
            byte[] value = new byte[kv.Value.Length];
            _device.Read(kv.Value.Offset, value);
            fresh.Put(kv.Key, value);
        }
        fresh.Commit();
        return fresh;
    }

    /// <summary>All committed keys (for diagnostics and tests).</summary>
    public IEnumerable<byte[]> Keys => _index.Keys;
}
