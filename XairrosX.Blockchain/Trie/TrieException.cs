using System;

namespace XairrosX.Blockchain.Trie;

/// <summary>A malformed trie node, a missing node in the store, or an invalid proof.</summary>
public sealed class TrieException : FormatException
{
    /// <summary>Creates the exception with its reason.</summary>
    public TrieException(string reason) : base("trie: " + reason) => Reason = reason;

    /// <summary>Why the operation failed.</summary>
    public string Reason { get; }
}
