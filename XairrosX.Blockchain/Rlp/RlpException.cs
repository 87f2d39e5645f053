using System;

namespace XairrosX.Blockchain.Rlp;

/// <summary>Raised for any RLP input that is malformed or not in canonical form.</summary>
public sealed class RlpException : FormatException
{
    /// <summary>Creates the exception with a short, human-readable reason.</summary>
    public RlpException(string reason) : base("rlp: " + reason) => Reason = reason;

    /// <summary>Why the input was rejected (for example "leading zero in length").</summary>
    public string Reason { get; }
}
