using System;
using System.Collections.Generic;
using System.Text;
using XairrosX.Blockchain.Trie;
using Xunit;

namespace XairrosX.Tests.Blockchain.Trie;

/// <summary>Root hashes compared with @ethereumjs/trie (npm) on random operation sequences.</summary>
public class TrieDifferentialTests
{
    [Fact]
    public void RootsAgreeWithEthereumJsOnRandomSets()
    {
        const int cases = 240;
        Random rng = new(2024);
        StringBuilder json = new("[");
        List<string> ours = new();
        for (int c = 0; c < cases; c++)
        {
            bool secure = c % 4 == 3;
            SecureTrie st = new();
            PatriciaTrie trie = secure ? st.Inner : new PatriciaTrie();
            List<byte[]> keys = new();
            int ops = rng.Next(0, 120);
            if (c > 0) json.Append(',');
            json.Append("{\"secure\":").Append(secure ? "true" : "false").Append(",\"ops\":[");
            for (int i = 0; i < ops; i++)
            {
                byte[] key;
                if (keys.Count > 0 && rng.Next(4) == 0) key = keys[rng.Next(keys.Count)];
                else
                {
                    key = new byte[rng.Next(c % 2 == 0 ? 1 : 20, c % 2 == 0 ? 5 : 34)];
                    rng.NextBytes(key);
                    if (rng.Next(2) == 0) key[0] = 7;
                    keys.Add(key);
                }
                bool delete = rng.Next(5) == 0;
                byte[] value = new byte[rng.Next(1, rng.Next(2) == 0 ? 8 : 70)];
                rng.NextBytes(value);
                if (i > 0) json.Append(',');
                json.Append("[\"").Append(TestHex.ToHex(key)).Append("\",");
                json.Append(delete ? "null" : "\"" + TestHex.ToHex(value) + "\"").Append(']');
                if (secure)
                {
                    if (delete) st.Delete(key);
                    else st.Put(key, value);
                }
                else if (delete) trie.Delete(key);
                else trie.Put(key, value);
            }
            json.Append("]}");
            ours.Add(trie.RootHash.ToString().Substring(2));
        }
        json.Append(']');
        if (Environment.GetEnvironmentVariable("TRIE_DUMP") is string dump) System.IO.File.WriteAllText(dump, json.ToString());
        string[] theirs = NodeReference.Run("trie-roots.mjs", json.ToString()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(cases, theirs.Length);
        for (int c = 0; c < cases; c++) Assert.True(ours[c] == theirs[c], $"case {c}: ours {ours[c]} theirs {theirs[c]}");
    }
}
