using System;
using System.Collections.Generic;

namespace XairrosX.Blockchain.Store;

/// <summary>An <see cref="IKeyValueStore"/> held in a dictionary: for tests and volatile chains.</summary>
public sealed class MemoryKeyValueStore : IKeyValueStore
{
    private readonly Dictionary<byte[], byte[]> _map = new(ByteArrayComparer.Instance);

    /// <summary>Number of keys stored.</summary>
    public int Count => _map.Count;

    /// <inheritdoc/>
    public bool TryGet(ReadOnlySpan<byte> key, out byte[]? value) =>
        _map.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(key, out value);

    /// <inheritdoc/>
    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => _map[key.ToArray()] = value.ToArray();

    /// <inheritdoc/>
    public bool Delete(ReadOnlySpan<byte> key) => _map.GetAlternateLookup<ReadOnlySpan<byte>>().Remove(key);
}
