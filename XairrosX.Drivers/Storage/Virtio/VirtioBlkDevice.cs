using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using XairrosX.Drivers.Platform;
using static XairrosX.Drivers.Storage.Virtio.VirtioLegacyRegisters;

namespace XairrosX.Drivers.Storage.Virtio;

/// <summary>
/// A virtio-blk disk driven through the legacy PCI interface (I/O BAR 0) with one request virtqueue. Each request is
/// a three-descriptor chain — 16-byte header (type, sector), the data, a status byte the device writes — so up to
/// a third of the queue size is in flight at once. Completion is polled from the used ring by <see cref="Reap"/>
/// (the single place an interrupt handler would call later); interrupts are suppressed. Data moves by DMA straight
/// into the caller's memory when the allocator can translate it (the identity-mapped first 4 GiB), else through a
/// 64 KiB bounce buffer. A synchronous request that does not finish within <see cref="Timeout"/> resets the device and
/// makes it answer -EIO from then on, so a dead device cannot write into memory that was handed back.
/// </summary>
public sealed unsafe class VirtioBlkDevice : IQueuedBlockDevice
{
    /// <summary>The default <see cref="Timeout"/>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private const int HeaderStride = 32, StatusOffset = 16, BounceBytes = 64 * 1024, MaxSyncChunk = 256 * 1024;
    private const byte StatusUnwritten = 0xFF;

    private struct Slot
    {
        public bool Busy, Synchronous, Done, Bounced, Read;
        public ulong Token;
        public int Result;
        public MemoryHandle Pin;
        public Memory<byte> CopyBack;
    }

    private readonly IPortIo _io;
    private readonly ushort _base;
    private readonly IDmaAllocator _dma;
    private readonly Virtqueue _queue;
    private readonly DmaBuffer _headers, _bounce;
    private readonly Slot[] _slots;
    private readonly int[] _slotOfHead, _freeSlots;
    private int _freeSlotCount;
    private int _bounceOwner = -1;
    private readonly Queue<BlockCompletion> _done = new();
    private readonly bool _flushSupported;

    private VirtioBlkDevice(string name, IPortIo io, ushort ioBase, IDmaAllocator dma, Virtqueue queue, DmaBuffer headers,
        DmaBuffer bounce, int slots, uint features, ulong capacity, TimeSpan timeout)
    {
        Timeout = timeout;
        Name = name;
        _io = io;
        _base = ioBase;
        _dma = dma;
        _queue = queue;
        _headers = headers;
        _bounce = bounce;
        _slots = new Slot[slots];
        _freeSlots = new int[slots];
        for (int i = 0; i < slots; i++) _freeSlots[i] = slots - 1 - i;
        _freeSlotCount = slots;
        _slotOfHead = new int[queue.Size];
        Features = features;
        IsReadOnly = (features & (1u << VirtioBlk.FeatureReadOnly)) != 0;
        _flushSupported = (features & (1u << VirtioBlk.FeatureFlush)) != 0;
        SectorCount = capacity > long.MaxValue ? long.MaxValue : (long)capacity;
    }

    /// <summary>
    /// Resets the device at I/O base <paramref name="ioBase"/>, negotiates features (read-only, block size, flush),
    /// sets up queue 0 and reads the capacity. Returns null with <paramref name="error"/> set when the device
    /// cannot be driven (no queue, bad queue size, no DMA memory). <paramref name="timeout"/> bounds each synchronous
    /// request (default <see cref="DefaultTimeout"/>).
    /// </summary>
    public static VirtioBlkDevice TryCreate(string name, IPortIo io, ushort ioBase, IDmaAllocator dma, out string error, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(dma);
        io.Out8((ushort)(ioBase + DeviceStatus), 0);
        io.Out8((ushort)(ioBase + DeviceStatus), StatusAcknowledge);
        io.Out8((ushort)(ioBase + DeviceStatus), StatusAcknowledge | StatusDriver);
        uint offered = io.In32((ushort)(ioBase + DeviceFeatures));
        uint accepted = offered & ((1u << VirtioBlk.FeatureReadOnly) | (1u << VirtioBlk.FeatureBlockSize) | (1u << VirtioBlk.FeatureFlush));
        io.Out32((ushort)(ioBase + DriverFeatures), accepted);
        io.Out16((ushort)(ioBase + QueueSelect), 0);
        int size = io.In16((ushort)(ioBase + QueueSize));
        error = size == 0 ? "the device has no request queue"
            : (size & (size - 1)) != 0 || size > 32768 ? $"queue size {size} is not a power of two" : null;
        DmaBuffer ring = null, headers = null, bounce = null;
        int slots = Math.Min(size / 3, 128);
        if (error == null)
        {
            ring = dma.Allocate(Virtqueue.RequiredBytes(size));
            headers = dma.Allocate(slots * HeaderStride);
            bounce = dma.Allocate(BounceBytes);
            if (ring == null || headers == null || bounce == null) error = "out of DMA memory";
            else if ((ring.PhysicalAddress >> 12) > uint.MaxValue) error = "queue memory above the 16 TiB a legacy device reaches";
            else if (slots == 0) error = $"queue size {size} is too small for a request";
        }
        if (error != null)
        {
            io.Out8((ushort)(ioBase + DeviceStatus), StatusFailed);
            return null;
        }
        var queue = new Virtqueue(ring, size) { SuppressInterrupts = true };
        io.Out32((ushort)(ioBase + QueueAddress), (uint)(ring.PhysicalAddress >> 12));
        io.Out8((ushort)(ioBase + DeviceStatus), StatusAcknowledge | StatusDriver | StatusDriverOk);
        ulong capacity = io.In32((ushort)(ioBase + DeviceConfig)) | ((ulong)io.In32((ushort)(ioBase + DeviceConfig + 4)) << 32);
        return new VirtioBlkDevice(name, io, ioBase, dma, queue, headers, bounce, slots, accepted, capacity, timeout ?? DefaultTimeout);
    }

    /// <summary>How long a synchronous request may take before the device is declared dead.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc/>
    public string Name { get; }
    /// <inheritdoc/>
    public int SectorSize => VirtioBlk.SectorSize;
    /// <inheritdoc/>
    public long SectorCount { get; }
    /// <inheritdoc/>
    public bool IsReadOnly { get; }
    /// <inheritdoc/>
    public int QueueDepth => _slots.Length;

    /// <summary>The feature bits both sides accepted.</summary>
    public uint Features { get; }

    /// <summary>Entries in the virtqueue.</summary>
    public int VirtqueueSize => _queue.Size;

    /// <summary>Set after a timeout reset the device: every request then fails with -EIO.</summary>
    public bool IsFailed { get; private set; }

    /// <inheritdoc/>
    public int Read(long lba, Span<byte> destination)
    {
        int check = BlockErrno.CheckRange(this, lba, destination.Length, write: false);
        if (check != 0) return check;
        fixed (byte* p = destination) return TransferSynchronously(BlockOperation.Read, lba, p, destination.Length);
    }

    /// <inheritdoc/>
    public int Write(long lba, ReadOnlySpan<byte> source)
    {
        int check = BlockErrno.CheckRange(this, lba, source.Length, write: true);
        if (check != 0) return check;
        fixed (byte* p = source) return TransferSynchronously(BlockOperation.Write, lba, p, source.Length);
    }

    /// <inheritdoc/>
    public int Flush() => _flushSupported ? TransferSynchronously(BlockOperation.Flush, 0, null, 0) : (IsFailed ? -BlockErrno.EIO : 0);

    /// <inheritdoc/>
    public bool TryStart(in BlockRequest request)
    {
        if (IsFailed || (request.Operation == BlockOperation.Flush && !_flushSupported))
        {
            _done.Enqueue(new BlockCompletion(request.Token, IsFailed ? -BlockErrno.EIO : 0));
            return true;
        }
        if (_freeSlotCount == 0 || _queue.FreeCount < 3) return false;
        if (request.Operation == BlockOperation.Flush)
            return Start(BlockOperation.Flush, 0, null, 0, 0, false, request.Token, default, default, bounced: false) >= 0;
        MemoryHandle pin = request.Buffer.Pin();
        byte* data = (byte*)pin.Pointer;
        int length = request.Buffer.Length;
        if (_dma.TryTranslate(data, length, out ulong physical))
            return Start(request.Operation, request.Lba, data, length, physical, false, request.Token, pin, default, bounced: false) >= 0;
        pin.Dispose();
        if (length > BounceBytes)
        {
            _done.Enqueue(new BlockCompletion(request.Token, -BlockErrno.EINVAL)); // only reachable with RAM above 4 GiB
            return true;
        }
        if (_bounceOwner >= 0) return false;
        if (request.Operation == BlockOperation.Write) request.Buffer.Span.CopyTo(_bounce.Span);
        return Start(request.Operation, request.Lba, _bounce.Pointer, length, _bounce.PhysicalAddress, false, request.Token,
            default, request.Buffer, bounced: true) >= 0;
    }

    /// <inheritdoc/>
    public int Reap(Span<BlockCompletion> completions)
    {
        CollectUsed();
        int n = 0;
        while (n < completions.Length && _done.TryDequeue(out BlockCompletion c)) completions[n++] = c;
        return n;
    }

    // Splits a synchronous transfer into chunks, each one request waited for; asynchronous requests of a BlockQueue on
    // the same device may be in flight meanwhile (their completions are parked in _done).
    private int TransferSynchronously(BlockOperation operation, long lba, byte* data, int length)
    {
        if (length == 0 && operation != BlockOperation.Flush) return IsFailed ? -BlockErrno.EIO : 0; // no zero-length descriptors
        long deadline = Stopwatch.GetTimestamp() + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);
        int offset = 0;
        do
        {
            if (IsFailed) return -BlockErrno.EIO;
            int chunk = Math.Min(length - offset, MaxSyncChunk);
            bool direct = _dma.TryTranslate(data + offset, chunk, out ulong physical);
            if (!direct) chunk = Math.Min(chunk, BounceBytes);
            while (_freeSlotCount == 0 || _queue.FreeCount < 3 || (!direct && _bounceOwner >= 0))
            {
                CollectUsed();
                if (Stopwatch.GetTimestamp() > deadline) return Fail();
            }
            if (!direct)
            {
                if (operation == BlockOperation.Write) new ReadOnlySpan<byte>(data + offset, chunk).CopyTo(_bounce.Span);
                physical = _bounce.PhysicalAddress;
            }
            int slot = Start(operation, lba + offset / SectorSize, direct ? data + offset : _bounce.Pointer, chunk, physical,
                true, 0, default, default, bounced: !direct);
            while (!_slots[slot].Done)
            {
                CollectUsed();
                if (Stopwatch.GetTimestamp() > deadline) return Fail();
            }
            int result = _slots[slot].Result;
            if (!direct)
            {
                if (result == 0 && operation == BlockOperation.Read) new ReadOnlySpan<byte>(_bounce.Pointer, chunk).CopyTo(new Span<byte>(data + offset, chunk));
                _bounceOwner = -1;
            }
            ReleaseSlot(slot);
            if (result != 0) return result;
            offset += chunk;
        }
        while (offset < length);
        return 0;
    }

    // Fills the slot's header, queues header → data → status, publishes and notifies. Returns the slot (the caller
    // checked that a slot and three descriptors are free).
    private int Start(BlockOperation operation, long lba, byte* data, int length, ulong physical, bool synchronous,
        ulong token, MemoryHandle pin, Memory<byte> copyBack, bool bounced)
    {
        int slot = _freeSlots[--_freeSlotCount];
        byte* header = _headers.Pointer + slot * HeaderStride;
        *(uint*)header = operation switch { BlockOperation.Read => VirtioBlk.RequestIn, BlockOperation.Write => VirtioBlk.RequestOut, _ => VirtioBlk.RequestFlush };
        *(uint*)(header + 4) = 0;
        *(ulong*)(header + 8) = (ulong)lba;
        header[StatusOffset] = StatusUnwritten;
        ulong headerPhysical = _headers.PhysicalAddress + (ulong)(slot * HeaderStride);
        Span<VirtqueueSegment> chain = stackalloc VirtqueueSegment[3];
        int n = 0;
        chain[n++] = new VirtqueueSegment(headerPhysical, 16, DeviceWrites: false);
        if (operation != BlockOperation.Flush) chain[n++] = new VirtqueueSegment(physical, (uint)length, DeviceWrites: operation == BlockOperation.Read);
        chain[n++] = new VirtqueueSegment(headerPhysical + StatusOffset, 1, DeviceWrites: true);
        int head = _queue.TryAddChain(chain[..n]);
        _slotOfHead[head] = slot;
        _slots[slot] = new Slot
        {
            Busy = true, Synchronous = synchronous, Token = token, Pin = pin, CopyBack = copyBack, Bounced = bounced,
            Read = operation == BlockOperation.Read,
        };
        if (bounced) _bounceOwner = slot;
        _queue.Publish();
        if (_queue.NotifyNeeded) _io.Out16((ushort)(_base + QueueNotify), 0);
        return slot;
    }

    // Drains the used ring: each finished chain's status byte becomes 0 or -EIO; asynchronous completions are parked
    // for Reap, synchronous ones are marked for their waiter (which releases the slot).
    private void CollectUsed()
    {
        while (_queue.TryTakeUsed(out int head, out _))
        {
            int slot = _slotOfHead[head];
            ref Slot s = ref _slots[slot];
            byte status = _headers.Pointer[slot * HeaderStride + StatusOffset];
            s.Result = status == VirtioBlk.StatusOk ? 0 : -BlockErrno.EIO;
            s.Pin.Dispose();
            s.Pin = default;
            if (s.Synchronous)
            {
                s.Done = true;
                continue;
            }
            if (s.Bounced)
            {
                if (s.Result == 0 && s.Read) new ReadOnlySpan<byte>(_bounce.Pointer, s.CopyBack.Length).CopyTo(s.CopyBack.Span);
                _bounceOwner = -1;
            }
            _done.Enqueue(new BlockCompletion(s.Token, s.Result));
            ReleaseSlot(slot);
        }
    }

    private void ReleaseSlot(int slot)
    {
        _slots[slot] = default;
        _freeSlots[_freeSlotCount++] = slot;
    }

    // The device did not answer in time: reset it (stopping its DMA) and fail every outstanding request.
    private int Fail()
    {
        _io.Out8((ushort)(_base + DeviceStatus), 0);
        IsFailed = true;
        for (int i = 0; i < _slots.Length; i++)
        {
            ref Slot s = ref _slots[i];
            if (!s.Busy || s.Synchronous) continue; // a synchronous waiter returns -EIO itself
            s.Pin.Dispose();
            _done.Enqueue(new BlockCompletion(s.Token, -BlockErrno.EIO));
            ReleaseSlot(i);
        }
        return -BlockErrno.EIO;
    }
}
