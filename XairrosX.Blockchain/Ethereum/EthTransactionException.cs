using System;

namespace XairrosX.Blockchain.Ethereum;

/// <summary>A transaction, receipt or block that is malformed or breaks a ledger rule.</summary>
public sealed class EthTransactionException : FormatException
{
    /// <summary>Creates the exception with its reason.</summary>
    public EthTransactionException(string reason) : base(reason) => Reason = reason;

    /// <summary>Why the input was rejected.</summary>
    public string Reason { get; }
}
