using XairrosX.Blockchain.Primitives;

namespace XairrosX.Blockchain.Trie;

/// <summary>Where a trie finds nodes that it knows only by hash.</summary>
public interface ITrieNodeStore
{
    /// <summary>Returns the encoding of the node with this hash, or false if it is not stored.</summary>
    bool TryGetNode(Hash32 hash, out byte[]? encoding);
}
