using System;
using XairrosX.Blockchain.Crypto;
using XairrosX.Blockchain.Primitives;
using XairrosX.Blockchain.Rlp;

namespace XairrosX.Blockchain.Trie;

/// <summary>
/// An immutable trie node. Updates build new nodes along the changed path (copy-on-write), so the
/// encoding and hash cached in a node never go stale and old roots stay valid snapshots.
/// </summary>
internal abstract class TrieNode
{
    private byte[]? _encoding;
    private Hash32 _hash;
    private bool _hashed;

    /// <summary>The node's RLP encoding (computed once).</summary>
    public byte[] Encoding
    {
        get
        {
            if (_encoding != null) return _encoding;
            RlpWriter writer = new(64);
            Write(writer);
            _encoding = writer.ToArray();
            return _encoding;
        }
    }

    /// <summary>Keccak-256 of the encoding.</summary>
    public virtual Hash32 Hash
    {
        get
        {
            if (_hashed) return _hash;
            Span<byte> h = stackalloc byte[32];
            Keccak256.Hash(Encoding, h);
            _hash = new Hash32(h);
            _hashed = true;
            return _hash;
        }
    }

    /// <summary>True if a parent refers to this node by hash rather than embedding it.</summary>
    public virtual bool IsReferencedByHash => Encoding.Length >= 32;

    /// <summary>Writes the node's RLP.</summary>
    protected abstract void Write(RlpWriter writer);

    /// <summary>Writes how a parent refers to this node: inline if short, else its hash.</summary>
    public void WriteReference(RlpWriter writer)
    {
        if (!IsReferencedByHash)
        {
            writer.WriteEncoded(Encoding);
            return;
        }
        Span<byte> h = stackalloc byte[32];
        Hash.CopyTo(h);
        writer.WriteBytes(h);
    }

    /// <summary>Seeds the cache for nodes decoded from known bytes.</summary>
    internal void SeedEncoding(byte[] encoding) => _encoding = encoding;
}

/// <summary>Terminal node: remaining key path and value.</summary>
internal sealed class LeafNode : TrieNode
{
    public LeafNode(byte[] path, byte[] value)
    {
        Path = path;
        Value = value;
    }

    public byte[] Path { get; }

    public byte[] Value { get; }

    protected override void Write(RlpWriter writer)
    {
        int mark = writer.StartList();
        writer.WriteBytes(Nibbles.EncodeHexPrefix(Path, true));
        writer.WriteBytes(Value);
        writer.EndList(mark);
    }
}

/// <summary>Shared path segment leading to a single branch.</summary>
internal sealed class ExtensionNode : TrieNode
{
    public ExtensionNode(byte[] path, TrieNode child)
    {
        Path = path;
        Child = child;
    }

    public byte[] Path { get; }

    public TrieNode Child { get; }

    protected override void Write(RlpWriter writer)
    {
        int mark = writer.StartList();
        writer.WriteBytes(Nibbles.EncodeHexPrefix(Path, false));
        Child.WriteReference(writer);
        writer.EndList(mark);
    }
}

/// <summary>Sixteen-way fork plus an optional value for a key ending here.</summary>
internal sealed class BranchNode : TrieNode
{
    public BranchNode(TrieNode?[] children, byte[]? value)
    {
        Children = children;
        Value = value;
    }

    public TrieNode?[] Children { get; }

    public byte[]? Value { get; }

    public BranchNode With(int index, TrieNode? child)
    {
        TrieNode?[] copy = (TrieNode?[])Children.Clone();
        copy[index] = child;
        return new BranchNode(copy, Value);
    }

    public BranchNode WithValue(byte[]? value) => new((TrieNode?[])Children.Clone(), value);

    protected override void Write(RlpWriter writer)
    {
        int mark = writer.StartList();
        foreach (TrieNode? child in Children)
        {
            if (child == null) writer.WriteBytes([]);
            else child.WriteReference(writer);
        }
        writer.WriteBytes(Value ?? []);
        writer.EndList(mark);
    }
}

/// <summary>A child known only by hash; resolved from the node store when a walk reaches it.</summary>
internal sealed class HashNode : TrieNode
{
    private readonly Hash32 _target;

    public HashNode(Hash32 target) => _target = target;

    public override Hash32 Hash => _target;

    public override bool IsReferencedByHash => true;

    protected override void Write(RlpWriter writer) =>
        throw new InvalidOperationException("an unresolved hash node has no encoding of its own");
}
