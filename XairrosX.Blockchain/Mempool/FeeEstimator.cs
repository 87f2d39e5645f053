using System;
using System.Collections.Generic;

namespace XairrosX.Blockchain.Mempool;

/// <summary>
/// Fee estimation from recently included transactions: keeps the fee rates (sat/vB) or priority
/// tips (wei/gas) of the last N blocks and answers percentile queries over them.
/// </summary>
public sealed class FeeEstimator
{
    private readonly Queue<ulong[]> _blocks = new();
    private readonly int _window;

    /// <summary>Remembers the last <paramref name="window"/> blocks.</summary>
    public FeeEstimator(int window = 20)
    {
        if (window <= 0) throw new ArgumentOutOfRangeException(nameof(window));
        _window = window;
    }

    /// <summary>Number of blocks currently remembered.</summary>
    public int BlockCount => _blocks.Count;

    /// <summary>Records the fee rates of one block's transactions (coinbase excluded).</summary>
    public void AddBlock(IEnumerable<ulong> feeRates)
    {
        _blocks.Enqueue(new List<ulong>(feeRates).ToArray());
        while (_blocks.Count > _window) _blocks.Dequeue();
    }

    /// <summary>
    /// The <paramref name="percentile"/> (0-100) fee rate over the window, nearest-rank method;
    /// null when no transactions were seen.
    /// </summary>
    public ulong? Estimate(double percentile)
    {
        if (percentile < 0 || percentile > 100 || double.IsNaN(percentile)) throw new ArgumentOutOfRangeException(nameof(percentile));
        List<ulong> all = new();
        foreach (ulong[] b in _blocks) all.AddRange(b);
        if (all.Count == 0) return null;
        all.Sort();
        int rank = (int)Math.Ceiling(percentile / 100.0 * all.Count);
        return all[Math.Clamp(rank - 1, 0, all.Count - 1)];
    }
}
