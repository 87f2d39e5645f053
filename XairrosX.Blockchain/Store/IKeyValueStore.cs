using System;

namespace XairrosX.Blockchain.Store;

/// <summary>
/// The storage contract the ledgers are written against: byte keys to byte values. Implementations
/// are in memory (<see cref="MemoryKeyValueStore"/>) or log-structured on a block device.
/// </summary>
public interface IKeyValueStore
{
    /// <summary>Looks a key up; returns false if it is absent.</summary>
    bool TryGet(ReadOnlySpan<byte> key, out byte[]? value);

    /// <summary>Inserts or overwrites a key.</summary>
    void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    /// <summary>Removes a key; returns false if it was absent.</summary>
    bool Delete(ReadOnlySpan<byte> key);
}
