using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Store;
using XairrosX.Blockchain.Trie;
using Xunit;

namespace XairrosX.Tests.Blockchain.Trie;

public class TrieBehaviourTests
{
    private static Dictionary<string, byte[]> RandomSet(Random rng, int count, int maxKey)
    {
        Dictionary<string, byte[]> set = new();
        for (int i = 0; i < count; i++)
        {
            byte[] k = new byte[rng.Next(1, maxKey)];
            rng.NextBytes(k);
            if (rng.Next(3) == 0) k[0] = 0x42; // force shared prefixes
            byte[] v = new byte[rng.Next(1, 40)];
            rng.NextBytes(v);
            set[Convert.ToHexString(k)] = v;
        }
        return set;
    }

    [Fact]
    public void GetPutDeleteAgreeWithDictionary()
    {
        Random rng = new(5);
        PatriciaTrie trie = new();
        Dictionary<string, byte[]> model = new();
        for (int step = 0; step < 3000; step++)
        {
            byte[] k = new byte[rng.Next(0, 4)];
            rng.NextBytes(k);
            string hk = Convert.ToHexString(k);
            if (rng.Next(3) == 0)
            {
                Assert.Equal(model.Remove(hk), trie.Delete(k));
            }
            else
            {
                byte[] v = [(byte)rng.Next(1, 256), (byte)step];
                trie.Put(k, v);
                model[hk] = v;
            }
            if (step % 50 == 0)
            {
                foreach (KeyValuePair<string, byte[]> kv in model)
                    Assert.Equal(kv.Value, trie.Get(Convert.FromHexString(kv.Key)));
            }
        }
        PatriciaTrie rebuilt = new();
        foreach (KeyValuePair<string, byte[]> kv in model) rebuilt.Put(Convert.FromHexString(kv.Key), kv.Value);
        Assert.Equal(rebuilt.RootHash, trie.RootHash);
        foreach (KeyValuePair<string, byte[]> kv in model) trie.Delete(Convert.FromHexString(kv.Key));
        Assert.Equal(PatriciaTrie.EmptyRoot, trie.RootHash);
    }

    [Fact]
    public void ProofsProvePresenceAndAbsenceAndRejectTampering()
    {
        Random rng = new(11);
        PatriciaTrie trie = new();
        Dictionary<string, byte[]> set = RandomSet(rng, 300, 6);
        foreach (KeyValuePair<string, byte[]> kv in set) trie.Put(Convert.FromHexString(kv.Key), kv.Value);
        Hash32 root = trie.RootHash;
        foreach (KeyValuePair<string, byte[]> kv in set)
        {
            byte[] key = Convert.FromHexString(kv.Key);
            List<byte[]> proof = trie.Prove(key);
            Assert.True(PatriciaTrie.TryVerifyProof(root, key, proof, out byte[]? value));
            Assert.Equal(kv.Value, value);
            Assert.False(PatriciaTrie.TryVerifyProof(root, key, proof.GetRange(0, proof.Count - 1), out _));
        }
        for (int i = 0; i < 200; i++)
        {
            byte[] absent = new byte[rng.Next(1, 7)];
            rng.NextBytes(absent);
            if (set.ContainsKey(Convert.ToHexString(absent))) continue;
            List<byte[]> proof = trie.Prove(absent);
            Assert.True(PatriciaTrie.TryVerifyProof(root, absent, proof, out byte[]? value));
            Assert.Null(value);
            // A proof against another root is useless.
            Assert.False(PatriciaTrie.TryVerifyProof(PatriciaTrie.EmptyRoot == root ? root : Hash32.Zero, absent, proof, out _));
        }
    }

    [Fact]
    public void GarbageProofsAreRejectedWithoutExceptions()
    {
        Random rng = new(3);
        PatriciaTrie trie = new();
        foreach (KeyValuePair<string, byte[]> kv in RandomSet(rng, 50, 4)) trie.Put(Convert.FromHexString(kv.Key), kv.Value);
        byte[] key = [0x42, 1];
        List<byte[]> proof = trie.Prove(key);
        for (int i = 0; i < 2000; i++)
        {
            List<byte[]> bad = new();
            foreach (byte[] p in proof)
            {
                byte[] c = (byte[])p.Clone();
                c[rng.Next(c.Length)] ^= (byte)rng.Next(1, 256);
                bad.Add(c);
            }
            byte[] junk = new byte[rng.Next(0, 80)];
            rng.NextBytes(junk);
            bad.Add(junk);
            // Tampered nodes no longer hash to what their parents name, so verification fails.
            Assert.False(PatriciaTrie.TryVerifyProof(trie.RootHash, key, bad, out _));
        }
    }

    [Fact]
    public void CommittedVersionsReopenAndPruneByReferenceCount()
    {
        Random rng = new(8);
        MemoryKeyValueStore backing = new();
        RefCountedNodeStore store = new(backing);
        PatriciaTrie trie = new();
        Dictionary<string, byte[]> set = RandomSet(rng, 200, 8);
        foreach (KeyValuePair<string, byte[]> kv in set) trie.Put(Convert.FromHexString(kv.Key), kv.Value);
        Hash32 v1 = trie.Commit(store);
        int nodesV1 = backing.Count;

        PatriciaTrie reopened = new(store, v1);
        foreach (KeyValuePair<string, byte[]> kv in set) Assert.Equal(kv.Value, reopened.Get(Convert.FromHexString(kv.Key)));
        reopened.Put([0x42, 0x42, 0x42], [9]);
        reopened.Delete(Convert.FromHexString(new List<string>(set.Keys)[0]));
        Hash32 v2 = reopened.Commit(store);
        Assert.NotEqual(v1, v2);
        Assert.True(backing.Count > nodesV1);

        store.Release(v1);
        Assert.Equal(0, store.ReferenceCount(v1));
        PatriciaTrie again = new(store, v2);
        Assert.Equal(new byte[] { 9 }, again.Get([0x42, 0x42, 0x42]));
        Assert.Equal(v2, again.RootHash);
        Assert.True(backing.Count <= nodesV1 + 10);
        store.Release(v2);
        Assert.Equal(0, backing.Count);
    }

    [Fact]
    public void MalformedStoredNodesRaiseTrieExceptionOnly()
    {
        Random rng = new(21);
        MemoryKeyValueStore backing = new();
        RefCountedNodeStore store = new(backing);
        Span<byte> h = stackalloc byte[32];
        for (int i = 0; i < 3000; i++)
        {
            byte[] junk = new byte[rng.Next(0, 100)];
            rng.NextBytes(junk);
            if (rng.Next(2) == 0 && junk.Length > 2) junk[0] = (byte)(0xC0 + Math.Min(55, junk.Length - 1));
            Hash32 fake = Hash32.Zero;
            byte[] value = new byte[4 + junk.Length];
            value[3] = 1;
            junk.CopyTo(value, 4);
            fake.CopyTo(h);
            backing.Put(h, value);
            PatriciaTrie trie = new(store, new Hash32(h));
            try
            {
                trie.Get([1, 2, 3]);
            }
            catch (TrieException ex)
            {
                Assert.False(string.IsNullOrEmpty(ex.Reason));
            }
        }
    }
}
