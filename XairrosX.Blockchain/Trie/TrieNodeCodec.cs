using System;
using System.Collections.Generic;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Rlp;

namespace XairrosX.Blockchain.Trie;

/// <summary>Decodes node encodings from a store or a proof back into nodes, rejecting anything malformed.</summary>
internal static class TrieNodeCodec
{
    /// <summary>Decodes a node; children referenced by hash become <see cref="HashNode"/>s.</summary>
    public static TrieNode Decode(byte[] encoding)
    {
        try
        {
            RlpReader outer = new(encoding);
            RlpReader items = outer.ReadList();
            outer.ExpectEnd();
            TrieNode node = DecodeList(items);
            node.SeedEncoding(encoding);
            return node;
        }
        catch (RlpException ex)
        {
            throw new TrieException("malformed node: " + ex.Reason);
        }
    }

    private static TrieNode DecodeList(RlpReader items)
    {
        int count = items.CountRemaining();
        TrieNode node;
        if (count == 2)
        {
            byte[] path = Nibbles.DecodeHexPrefix(items.ReadBytes(), out bool isLeaf);
            if (isLeaf)
            {
                node = new LeafNode(path, items.ReadBytes().ToArray());
            }
            else
            {
                if (path.Length == 0) throw new TrieException("extension with empty path");
                TrieNode child = DecodeReference(ref items) ?? throw new TrieException("extension without child");
                node = new ExtensionNode(path, child);
            }
        }
        else if (count == 17)
        {
            TrieNode?[] children = new TrieNode?[16];
            for (int i = 0; i < 16; i++) children[i] = DecodeReference(ref items);
            ReadOnlySpan<byte> value = items.ReadBytes();
            node = new BranchNode(children, value.IsEmpty ? null : value.ToArray());
        }
        else
        {
            throw new TrieException($"node list has {count} items, expected 2 or 17");
        }
        return node;
    }

    private static TrieNode? DecodeReference(ref RlpReader items)
    {
        if (items.NextIsList)
        {
            ReadOnlySpan<byte> inline = items.ReadEncodedItem();
            if (inline.Length >= 32) throw new TrieException("embedded node of 32 bytes or more");
            RlpReader r = new(inline);
            return DecodeList(r.ReadList());
        }
        ReadOnlySpan<byte> bytes = items.ReadBytes();
        if (bytes.IsEmpty) return null;
        if (bytes.Length != 32) throw new TrieException("child reference is neither empty, a hash, nor an embedded node");
        return new HashNode(new Hash32(bytes));
    }

    /// <summary>Hashes of the children a stored node refers to (embedded nodes hold no hash references).</summary>
    public static void CollectHashChildren(byte[] encoding, List<Hash32> into)
    {
        TrieNode node = Decode(encoding);
        switch (node)
        {
            case ExtensionNode e when e.Child is HashNode h:
                into.Add(h.Hash);
                break;
            case BranchNode b:
                foreach (TrieNode? c in b.Children)
                    if (c is HashNode h2) into.Add(h2.Hash);
                break;
        }
    }
}
