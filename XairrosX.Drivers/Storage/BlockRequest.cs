using System;

namespace XairrosX.Drivers.Storage;

/// <summary>What a queued block request does.</summary>
public enum BlockOperation : byte
{
    /// <summary>Read sectors into the buffer.</summary>
    Read,
    /// <summary>Write the buffer's sectors.</summary>
    Write,
    /// <summary>Make completed writes durable (the buffer is ignored).</summary>
    Flush,
}

/// <summary>
/// One submission-queue entry: an operation on <c>Buffer.Length / SectorSize</c> sectors from <paramref name="Lba"/>.
/// The buffer must stay untouched until the request's completion is reaped (the device may DMA into it).
/// </summary>
/// <param name="Operation">Read, write or flush.</param>
/// <param name="Lba">First sector.</param>
/// <param name="Buffer">Whole sectors to read into or write from.</param>
/// <param name="Token">Caller's value, returned unchanged in the completion (io_uring's user_data).</param>
public readonly record struct BlockRequest(BlockOperation Operation, long Lba, Memory<byte> Buffer, ulong Token);

/// <summary>One completion-queue entry.</summary>
/// <param name="Token">The request's token.</param>
/// <param name="Result">0, or a negative errno (<see cref="BlockErrno"/>).</param>
public readonly record struct BlockCompletion(ulong Token, int Result);

/// <summary>
/// A block device that keeps several requests in flight (virtio-blk: one descriptor chain each). Requests reach it
/// already checked by <see cref="BlockQueue"/>; it answers in any order. <see cref="Reap"/> is the only place
/// completions are collected, so an interrupt handler can later call it instead of a polling loop.
/// </summary>
public interface IQueuedBlockDevice : IBlockDevice
{
    /// <summary>How many requests the device can hold at once.</summary>
    int QueueDepth { get; }

    /// <summary>Starts a checked request; false when the device has no room now (reap first).</summary>
    bool TryStart(in BlockRequest request);

    /// <summary>Moves finished requests into <paramref name="completions"/>; returns how many.</summary>
    int Reap(Span<BlockCompletion> completions);
}
