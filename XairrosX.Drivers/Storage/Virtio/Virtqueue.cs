using System;
using System.Threading;
using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Storage.Virtio;

/// <summary>One buffer of a descriptor chain: where it is on the bus, how long, and who writes it.</summary>
/// <param name="Address">Bus (physical) address.</param>
/// <param name="Length">Bytes.</param>
/// <param name="DeviceWrites">The device writes it (VIRTQ_DESC_F_WRITE); otherwise it reads it.</param>
public readonly record struct VirtqueueSegment(ulong Address, uint Length, bool DeviceWrites);

/// <summary>
/// The driver's side of a split virtqueue (virtio 1.x §2.7, legacy layout): the descriptor table, the available
/// ring the driver fills and the used ring the device fills, laid out in one physically contiguous block with the
/// used ring on the next 4 KiB boundary (the layout a legacy device computes from the queue's page number).
/// Free descriptors form a list threaded through their <c>next</c> fields. The ring indices are free-running
/// 16-bit counters (slot = index mod size), so they wrap at 65536 by design.
/// Pure logic over a <see cref="DmaBuffer"/>: host tests play the device on the same memory.
/// </summary>
public sealed unsafe class Virtqueue
{
    /// <summary>Descriptor flag: the chain continues at <c>next</c>.</summary>
    public const ushort DescriptorNext = 1;
    /// <summary>Descriptor flag: the device writes this buffer.</summary>
    public const ushort DescriptorWrite = 2;
    /// <summary>Available-ring flag: the driver does not want interrupts.</summary>
    public const ushort AvailNoInterrupt = 1;
    /// <summary>Used-ring flag: the device does not need notifications.</summary>
    public const ushort UsedNoNotify = 1;

    private const int DescriptorSize = 16, Alignment = 4096;
    private readonly DmaBuffer _memory;
    private readonly byte* _descriptors, _avail, _used;
    private readonly bool[] _inUse;
    private ushort _freeHead;
    private ushort _availShadow, _lastUsed;

    /// <summary>Lays out a queue of <paramref name="size"/> entries (a power of two ≤ 32768) in <paramref name="memory"/>
    /// (at least <see cref="RequiredBytes"/>, 4 KiB-aligned) and threads every descriptor onto the free list.</summary>
    public Virtqueue(DmaBuffer memory, int size)
    {
        ArgumentNullException.ThrowIfNull(memory);
        if (size < 1 || size > 32768 || (size & (size - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(size), "a virtqueue size is a power of two up to 32768");
        if (memory.Length < RequiredBytes(size) || (memory.PhysicalAddress & (Alignment - 1)) != 0)
            throw new ArgumentException("virtqueue memory is too small or not 4 KiB-aligned", nameof(memory));
        _memory = memory;
        Size = size;
        _descriptors = memory.Pointer;
        _avail = memory.Pointer + DescriptorSize * size;
        _used = memory.Pointer + UsedRingOffset(size);
        _inUse = new bool[size];
        new Span<byte>(memory.Pointer, RequiredBytes(size)).Clear();
        for (int i = 0; i < size; i++) SetDescriptor(i, 0, 0, 0, (ushort)(i + 1 < size ? i + 1 : 0));
        _freeHead = 0;
        FreeCount = size;
    }

    /// <summary>Bytes a legacy queue of <paramref name="size"/> entries occupies.</summary>
    public static int RequiredBytes(int size) => UsedRingOffset(size) + AlignUp(6 + 8 * size);

    private static int UsedRingOffset(int size) => AlignUp(DescriptorSize * size + 6 + 2 * size);
    private static int AlignUp(int n) => (n + Alignment - 1) & ~(Alignment - 1);

    /// <summary>Number of descriptors (and ring slots).</summary>
    public int Size { get; }

    /// <summary>Descriptors not part of any chain the device holds.</summary>
    public int FreeCount { get; private set; }

    /// <summary>Physical address of the descriptor table (legacy devices take it as a page number).</summary>
    public ulong PhysicalAddress => _memory.PhysicalAddress;

    /// <summary>Used entries the device returned that named no outstanding chain (a device bug; they are skipped).</summary>
    public int ProtocolErrors { get; private set; }

    /// <summary>Whether the device asks for interrupts to be left off (we poll; set before the device runs).</summary>
    public bool SuppressInterrupts
    {
        get => (Volatile.Read(ref *(ushort*)_avail) & AvailNoInterrupt) != 0;
        set => Volatile.Write(ref *(ushort*)_avail, value ? AvailNoInterrupt : (ushort)0);
    }

    /// <summary>Whether the device wants a notification after <see cref="Publish"/> (it clears VIRTQ_USED_F_NO_NOTIFY).</summary>
    public bool NotifyNeeded => (Volatile.Read(ref *(ushort*)_used) & UsedNoNotify) == 0;

    /// <summary>
    /// Builds a chain from free descriptors and queues its head on the available ring (not yet visible to the device:
    /// see <see cref="Publish"/>). Returns the head descriptor, or -1 when there are not enough free descriptors or
    /// <paramref name="segments"/> is empty.
    /// </summary>
    public int TryAddChain(ReadOnlySpan<VirtqueueSegment> segments)
    {
        if (segments.Length == 0 || segments.Length > FreeCount) return -1;
        ushort head = _freeHead, current = head;
        for (int i = 0; i < segments.Length; i++)
        {
            ushort nextFree = ReadNext(current);
            bool last = i == segments.Length - 1;
            ushort flags = (ushort)((last ? 0 : DescriptorNext) | (segments[i].DeviceWrites ? DescriptorWrite : 0));
            // A middle descriptor's next is the next free one, which is exactly where the chain continues.
            SetDescriptor(current, segments[i].Address, segments[i].Length, flags, last ? (ushort)0 : nextFree);
            if (last) _freeHead = nextFree;
            current = nextFree;
        }
        FreeCount -= segments.Length;
        _inUse[head] = true;
        *(ushort*)(_avail + 4 + 2 * (_availShadow % Size)) = head;
        _availShadow++;
        return head;
    }

    /// <summary>Makes every chain added so far visible to the device (store of avail.idx after the ring entries).</summary>
    public void Publish() => Volatile.Write(ref *(ushort*)(_avail + 2), _availShadow);

    /// <summary>Chains published but not yet taken back from the used ring.</summary>
    public int Outstanding => (ushort)(_availShadow - _lastUsed);

    /// <summary>
    /// Takes the next chain the device finished: its head and the bytes the device wrote; the chain's descriptors
    /// return to the free list. False when the device has finished nothing new.
    /// </summary>
    public bool TryTakeUsed(out int head, out uint written)
    {
        while (_lastUsed != Volatile.Read(ref *(ushort*)(_used + 2)))
        {
            byte* entry = _used + 4 + 8 * (_lastUsed % Size);
            uint id = *(uint*)entry;
            written = *(uint*)(entry + 4);
            _lastUsed++;
            if (id >= (uint)Size || !_inUse[id])
            {
                ProtocolErrors++;
                continue;
            }
            head = (int)id;
            FreeChain((ushort)id);
            return true;
        }
        head = -1;
        written = 0;
        return false;
    }

    private void FreeChain(ushort head)
    {
        _inUse[head] = false;
        ushort tail = head;
        int count = 1;
        while ((ReadFlags(tail) & DescriptorNext) != 0 && count < Size)
        {
            tail = ReadNext(tail);
            count++;
        }
        WriteNext(tail, _freeHead);
        _freeHead = head;
        FreeCount += count;
    }

    private byte* Descriptor(int index) => _descriptors + DescriptorSize * index;

    private void SetDescriptor(int index, ulong address, uint length, ushort flags, ushort next)
    {
        byte* d = Descriptor(index);
        *(ulong*)d = address;
        *(uint*)(d + 8) = length;
        *(ushort*)(d + 12) = flags;
        *(ushort*)(d + 14) = next;
    }

    private ushort ReadFlags(int index) => *(ushort*)(Descriptor(index) + 12);
    private ushort ReadNext(int index) => *(ushort*)(Descriptor(index) + 14);

    private void WriteNext(int index, ushort next)
    {
        byte* d = Descriptor(index);
        *(ushort*)(d + 12) = 0;
        *(ushort*)(d + 14) = next;
    }
}
