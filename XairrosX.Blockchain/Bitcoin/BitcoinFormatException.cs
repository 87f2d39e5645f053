using System;

namespace XairrosX.Blockchain.Bitcoin;

/// <summary>Malformed Bitcoin data (transaction, block, undo record) or a broken consensus rule.</summary>
public sealed class BitcoinFormatException : FormatException
{
    /// <summary>Creates the exception with its reason.</summary>
    public BitcoinFormatException(string reason) : base(reason) => Reason = reason;

    /// <summary>Why the data was rejected.</summary>
    public string Reason { get; }
}
