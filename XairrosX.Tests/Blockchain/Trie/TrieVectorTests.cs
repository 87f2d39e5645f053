using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Trie;
using Xunit;

namespace XairrosX.Tests.Blockchain.Trie;

public class TrieVectorTests
{
    private static JsonDocument Load(string folder, string file) =>
        JsonDocument.Parse(File.ReadAllText(SharedVectors.Path("ethereum__tests", folder, file)));

    private static byte[] Bytes(string s) =>
        s.StartsWith("0x", StringComparison.Ordinal) ? TestHex.Parse(s) : Encoding.Latin1.GetBytes(s);

    public static IEnumerable<object[]> TrieCases()
    {
        foreach (string file in new[] { "trietest.json", "trietest_secureTrie.json", "trieanyorder.json",
                     "trieanyorder_secureTrie.json", "hex_encoded_securetrie_test.json" })
        {
            using JsonDocument doc = Load("TrieTests", file);
            foreach (JsonProperty p in doc.RootElement.EnumerateObject()) yield return [file, p.Name];
        }
    }

    [Theory]
    [MemberData(nameof(TrieCases))]
    public void RootMatchesVector(string file, string name)
    {
        using JsonDocument doc = Load("TrieTests", file);
        JsonElement test = doc.RootElement.GetProperty(name);
        bool secure = file.Contains("secure", StringComparison.OrdinalIgnoreCase);
        List<(byte[] Key, byte[]? Value)> ops = new();
        JsonElement input = test.GetProperty("in");
        if (input.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement pair in input.EnumerateArray())
            {
                JsonElement v = pair[1];
                ops.Add((Bytes(pair[0].GetString()!), v.ValueKind == JsonValueKind.Null ? null : Bytes(v.GetString()!)));
            }
        }
        else
        {
            foreach (JsonProperty p in input.EnumerateObject()) ops.Add((Bytes(p.Name), Bytes(p.Value.GetString()!)));
        }

        Hash32 expected = Hash32.Parse(test.GetProperty("root").GetString()!);
        Assert.Equal(expected, Build(ops, secure).RootHash);

        // Insertion order must not matter for the final set: replay the surviving pairs reversed.
        Dictionary<string, byte[]> final = new();
        foreach ((byte[] k, byte[]? v) in ops)
        {
            if (v == null || v.Length == 0) final.Remove(Convert.ToHexString(k));
            else final[Convert.ToHexString(k)] = v;
        }
        List<(byte[], byte[]?)> replay = new();
        foreach (KeyValuePair<string, byte[]> kv in final) replay.Add((Convert.FromHexString(kv.Key), kv.Value));
        replay.Reverse();
        Assert.Equal(expected, Build(replay, secure).RootHash);
    }

    private static PatriciaTrie Build(List<(byte[] Key, byte[]? Value)> ops, bool secure)
    {
        SecureTrie st = new();
        PatriciaTrie plain = secure ? st.Inner : new PatriciaTrie();
        foreach ((byte[] k, byte[]? v) in ops)
        {
            if (secure)
            {
                if (v == null) st.Delete(k);
                else st.Put(k, v);
            }
            else
            {
                if (v == null) plain.Delete(k);
                else plain.Put(k, v);
            }
        }
        return plain;
    }

    [Fact]
    public void HexPrefixMatchesVectors()
    {
        using JsonDocument doc = Load("BasicTests", "hexencodetest.json");
        int count = 0;
        foreach (JsonProperty p in doc.RootElement.EnumerateObject())
        {
            List<byte> seq = new();
            foreach (JsonElement n in p.Value.GetProperty("seq").EnumerateArray()) seq.Add(n.GetByte());
            bool term = p.Value.GetProperty("term").GetBoolean();
            byte[] encoded = Nibbles.EncodeHexPrefix(seq.ToArray(), term);
            Assert.Equal(p.Value.GetProperty("out").GetString(), TestHex.ToHex(encoded));
            Assert.Equal(seq.ToArray(), Nibbles.DecodeHexPrefix(encoded, out bool leaf));
            Assert.Equal(term, leaf);
            count++;
        }
        Assert.True(count >= 5);
    }

    [Fact]
    public void IterationOrderMatchesNextPrevVectors()
    {
        using JsonDocument doc = Load("TrieTests", "trietestnextprev.json");
        foreach (JsonProperty p in doc.RootElement.EnumerateObject())
        {
            PatriciaTrie trie = new();
            foreach (JsonElement k in p.Value.GetProperty("in").EnumerateArray()) trie.Put(Bytes(k.GetString()!), [1]);
            List<string> keys = new();
            foreach (KeyValuePair<byte[], byte[]> kv in trie.ToSortedList()) keys.Add(Encoding.Latin1.GetString(kv.Key));
            foreach (JsonElement t in p.Value.GetProperty("tests").EnumerateArray())
            {
                string probe = t[0].GetString()!;
                string prev = "", next = "";
                foreach (string k in keys)
                {
                    if (string.CompareOrdinal(k, probe) < 0) prev = k;
                    else if (string.CompareOrdinal(k, probe) > 0 && next.Length == 0) next = k;
                }
                Assert.Equal(t[1].GetString(), prev);
                Assert.Equal(t[2].GetString(), next);
            }
        }
    }
}
