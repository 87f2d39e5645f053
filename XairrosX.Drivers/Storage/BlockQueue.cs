using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace XairrosX.Drivers.Storage;

/// <summary>
/// An io_uring-shaped interface to one block device: callers fill a submission queue (<see cref="TryEnqueue(in BlockRequest)"/>),
/// hand it over with <see cref="Submit"/>, and reap {token, result} pairs from the completion queue
/// (<see cref="TryGetCompletion"/>, <see cref="WaitOne"/>). Over an <see cref="IQueuedBlockDevice"/> many requests are
/// in flight at once and finish in any order; over a plain <see cref="IBlockDevice"/> each request runs during
/// <see cref="Submit"/> and its completion is queued at once. Requests are checked here (range, whole sectors,
/// read-only), so a malformed one completes with its errno and never reaches a driver.
/// Not thread-safe: one owner drives a queue (the kernel has one CPU thread today).
/// </summary>
public sealed class BlockQueue
{
    private readonly IBlockDevice _device;
    private readonly IQueuedBlockDevice _queued;
    private readonly BlockRequest[] _submissions;
    private int _submissionHead, _submissionCount;
    private readonly Queue<BlockCompletion> _completions;
    private readonly BlockCompletion[] _reaped;
    private int _inFlight;

    /// <summary>A queue of up to <paramref name="submissionCapacity"/> not yet submitted requests on <paramref name="device"/>.</summary>
    public BlockQueue(IBlockDevice device, int submissionCapacity = 64)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfLessThan(submissionCapacity, 1);
        _device = device;
        _queued = device as IQueuedBlockDevice;
        _submissions = new BlockRequest[submissionCapacity];
        _completions = new Queue<BlockCompletion>(submissionCapacity);
        _reaped = new BlockCompletion[Math.Max(1, _queued?.QueueDepth ?? 1)];
    }

    /// <summary>The device underneath.</summary>
    public IBlockDevice Device => _device;

    /// <summary>Requests enqueued but not yet handed to the device.</summary>
    public int Pending => _submissionCount;

    /// <summary>Requests the device holds.</summary>
    public int InFlight => _inFlight;

    /// <summary>Completions waiting to be reaped.</summary>
    public int Completed => _completions.Count;

    /// <summary>Adds a request to the submission queue; false when it is full (submit and reap first).</summary>
    public bool TryEnqueue(in BlockRequest request)
    {
        if (_submissionCount == _submissions.Length) return false;
        _submissions[(_submissionHead + _submissionCount) % _submissions.Length] = request;
        _submissionCount++;
        return true;
    }

    /// <summary>Shorthand for <see cref="TryEnqueue(in BlockRequest)"/>.</summary>
    public bool TryEnqueue(BlockOperation operation, long lba, Memory<byte> buffer, ulong token) =>
        TryEnqueue(new BlockRequest(operation, lba, buffer, token));

    /// <summary>
    /// Hands queued requests to the device in order, as far as it has room; returns how many left the submission queue
    /// (rejected ones included: they complete at once with their errno).
    /// </summary>
    public int Submit()
    {
        int handed = 0;
        while (_submissionCount > 0)
        {
            ref BlockRequest request = ref _submissions[_submissionHead];
            int check = Check(request);
            if (check != 0) _completions.Enqueue(new BlockCompletion(request.Token, check));
            else if (request.Operation != BlockOperation.Flush && request.Buffer.Length == 0)
                _completions.Enqueue(new BlockCompletion(request.Token, 0)); // nothing to transfer
            else if (_queued != null)
            {
                if (!_queued.TryStart(request)) break;
                _inFlight++;
            }
            else _completions.Enqueue(new BlockCompletion(request.Token, Execute(request)));
            request = default; // drop the buffer reference: the queue must not keep caller memory alive
            _submissionHead = (_submissionHead + 1) % _submissions.Length;
            _submissionCount--;
            handed++;
        }
        return handed;
    }

    /// <summary>Collects what the device finished; returns the number of completions now waiting.</summary>
    public int Poll()
    {
        if (_queued != null && _inFlight > 0)
        {
            int n = _queued.Reap(_reaped);
            for (int i = 0; i < n; i++) _completions.Enqueue(_reaped[i]);
            _inFlight -= n;
        }
        return _completions.Count;
    }

    /// <summary>Takes the oldest waiting completion (polling the device first); false when there is none yet.</summary>
    public bool TryGetCompletion(out BlockCompletion completion)
    {
        if (_completions.Count == 0) Poll();
        return _completions.TryDequeue(out completion);
    }

    /// <summary>
    /// Submits what is pending and spins until one completion is available, then returns it. Throws
    /// <see cref="InvalidOperationException"/> when nothing is pending or in flight, and <see cref="TimeoutException"/>
    /// when the device does not finish within <paramref name="timeout"/> (default 10 s).
    /// </summary>
    public BlockCompletion WaitOne(TimeSpan? timeout = null)
    {
        long limit = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (_submissionCount > 0) Submit();
            if (TryGetCompletion(out BlockCompletion completion)) return completion;
            if (_inFlight == 0 && _submissionCount == 0)
                throw new InvalidOperationException("WaitOne on a block queue with nothing submitted");
            if (Stopwatch.GetTimestamp() > limit)
                throw new TimeoutException($"{_device.Name}: no block request completed in time ({_inFlight} in flight)");
        }
    }

    private int Check(in BlockRequest request) => request.Operation switch
    {
        BlockOperation.Read => BlockErrno.CheckRange(_device, request.Lba, request.Buffer.Length, write: false),
        BlockOperation.Write => BlockErrno.CheckRange(_device, request.Lba, request.Buffer.Length, write: true),
        BlockOperation.Flush => 0,
        _ => -BlockErrno.EINVAL,
    };

    private int Execute(in BlockRequest request) => request.Operation switch
    {
        BlockOperation.Read => _device.Read(request.Lba, request.Buffer.Span),
        BlockOperation.Write => _device.Write(request.Lba, request.Buffer.Span),
        _ => _device.Flush(),
    };
}
