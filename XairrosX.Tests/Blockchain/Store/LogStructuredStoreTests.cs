using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Store;
using XairrosX.Blockchain.Trie;
using Xunit;

namespace XairrosX.Tests.Blockchain.Store;

public class LogStructuredStoreTests
{
    private static byte[] K(int i) => [(byte)'k', (byte)i];

    /// <summary>Writes 6 batches; returns the log, the log length after each commit, and the expected state after each.</summary>
    private static (byte[] Log, List<long> Ends, List<Dictionary<string, string>> States) History()
    {
        MemoryLogDevice device = new();
        LogStructuredStore store = LogStructuredStore.Open(device);
        Random rng = new(31);
        Dictionary<string, string> model = new();
        List<long> ends = [0];
        List<Dictionary<string, string>> states = [new()];
        for (int b = 0; b < 6; b++)
        {
            for (int op = 0; op < 4; op++)
            {
                int k = rng.Next(8);
                if (rng.Next(4) == 0)
                {
                    store.Delete(K(k));
                    model.Remove(Convert.ToHexString(K(k)));
                }
                else
                {
                    byte[] v = new byte[rng.Next(0, 12)];
                    rng.NextBytes(v);
                    store.Put(K(k), v);
                    model[Convert.ToHexString(K(k))] = Convert.ToHexString(v);
                }
            }
            store.Commit();
            ends.Add(device.Length);
            states.Add(new Dictionary<string, string>(model));
        }
        return (device.ToArray(), ends, states);
    }

    private static Dictionary<string, string> Snapshot(LogStructuredStore s)
    {
        Dictionary<string, string> d = new();
        foreach (byte[] k in s.Keys)
        {
            Assert.True(s.TryGet(k, out byte[]? v));
            d[Convert.ToHexString(k)] = Convert.ToHexString(v!);
        }
        return d;
    }

    private static int LastCommitAtOrBefore(List<long> ends, long offset)
    {
        int i = 0;
        while (i + 1 < ends.Count && ends[i + 1] <= offset) i++;
        return i;
    }

    [Fact]
    public void TruncationAtEveryByteReopensAtLastCommit()
    {
        (byte[] log, List<long> ends, List<Dictionary<string, string>> states) = History();
        for (int cut = 0; cut <= log.Length; cut++)
        {
            MemoryLogDevice device = new(log.AsSpan(0, cut));
            LogStructuredStore store = LogStructuredStore.Open(device);
            int commit = LastCommitAtOrBefore(ends, cut);
            Assert.Equal(states[commit], Snapshot(store));
            Assert.Equal((ulong)commit, store.CommitSequence);
            Assert.Equal(ends[commit], device.Length); // torn tail removed
        }
    }

    [Fact]
    public void CorruptionAtEveryByteReopensAtLastIntactCommit()
    {
        (byte[] log, List<long> ends, List<Dictionary<string, string>> states) = History();
        for (int at = 0; at < log.Length; at++)
        {
            byte[] bad = (byte[])log.Clone();
            bad[at] ^= 0x5A;
            LogStructuredStore store = LogStructuredStore.Open(new MemoryLogDevice(bad));
            Assert.Equal(states[LastCommitAtOrBefore(ends, at)], Snapshot(store));
        }
    }

    [Fact]
    public void UncommittedWritesAreVisibleButNotDurable()
    {
        MemoryLogDevice device = new();
        LogStructuredStore store = LogStructuredStore.Open(device);
        store.Put(K(1), [1]);
        store.Commit();
        store.Put(K(2), [2]);
        Assert.True(store.Delete(K(1)));
        Assert.False(store.TryGet(K(1), out _));
        Assert.True(store.TryGet(K(2), out _));
        LogStructuredStore reopened = LogStructuredStore.Open(new MemoryLogDevice(device.ToArray()));
        Assert.True(reopened.TryGet(K(1), out byte[]? v));
        Assert.Equal(new byte[] { 1 }, v);
        Assert.False(reopened.TryGet(K(2), out _));
        store.Rollback();
        Assert.True(store.TryGet(K(1), out _));
    }

    [Fact]
    public void RandomDeviceContentNeverThrows()
    {
        Random rng = new(2);
        for (int i = 0; i < 2000; i++)
        {
            byte[] junk = new byte[rng.Next(0, 200)];
            rng.NextBytes(junk);
            if (junk.Length > 13 && rng.Next(2) == 0)
            {
                junk[0] = (byte)rng.Next(1, 4);
                junk[1] = (byte)rng.Next(0, 20);
                junk[2] = junk[3] = junk[4] = 0;
            }
            LogStructuredStore s = LogStructuredStore.Open(new MemoryLogDevice(junk));
            Assert.Equal(0, s.Count);
        }
    }

    [Fact]
    public void CompactionKeepsLiveDataAndTrieReopensFromDisk()
    {
        MemoryLogDevice device = new();
        LogStructuredStore store = LogStructuredStore.Open(device);
        RefCountedNodeStore nodes = new(store);
        PatriciaTrie trie = new();
        for (int i = 0; i < 200; i++) trie.Put([(byte)i, (byte)(i * 7)], [(byte)i, 1, 2, 3]);
        var root1 = trie.Commit(nodes);
        store.Commit();
        for (int i = 0; i < 100; i++) trie.Delete([(byte)i, (byte)(i * 7)]);
        var root2 = trie.Commit(nodes);
        nodes.Release(root1);
        store.Commit();

        MemoryLogDevice target = new();
        LogStructuredStore compacted = store.CompactInto(target);
        Assert.True(compacted.LogLength < store.LogLength);
        PatriciaTrie reopened = new(new RefCountedNodeStore(LogStructuredStore.Open(new MemoryLogDevice(target.ToArray()))), root2);
        Assert.Equal(root2, reopened.RootHash);
        Assert.Equal(new byte[] { 150, 1, 2, 3 }, reopened.Get([150, unchecked((byte)(150 * 7))]));
        Assert.Null(reopened.Get([5, 35]));
    }
}
