using System;
using System.Collections.Generic;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Storage.Virtio;
using static XairrosX.Drivers.Storage.Virtio.VirtioLegacyRegisters;

namespace XairrosX.Tests.Drivers.Storage;

/// <summary>
/// A legacy virtio-blk device simulated from the specification (not from the driver): registers at an I/O base, the
/// split ring read from the "physical" (= host) addresses the driver programs. With <see cref="Deferred"/> it takes
/// requests on notify but completes them only when the test calls <see cref="CompleteDeferred"/>, in any order.
/// </summary>
public sealed unsafe class FakeVirtioBlk : IPortIo
{
    private readonly ushort _base;
    private readonly byte[] _disk;
    private uint _driverFeatures, _pfn;
    private ushort _lastAvail, _usedIndex;
    private readonly List<(ushort Head, byte Status)> _deferred = new();

    public FakeVirtioBlk(ushort basePort, int sectors, ushort queueSize = 256, uint features = (1u << VirtioBlk.FeatureFlush) | (1u << 28))
    {
        _base = basePort;
        _disk = new byte[sectors * 512];
        QueueSize = queueSize;
        OfferedFeatures = features;
    }

    public byte[] Disk => _disk;
    public ushort QueueSize { get; }
    public uint OfferedFeatures { get; }
    public uint AcceptedFeatures => _driverFeatures;
    public byte Status { get; private set; }
    public bool Deferred { get; set; }
    public int Notifications { get; private set; }
    public int Flushes { get; private set; }
    public int MaxOutstanding { get; private set; }
    public long FailingSector { get; set; } = -1;
    public int DeferredCount => _deferred.Count;
    public List<string> Violations { get; } = new();

    public byte In8(ushort port) => (ushort)(port - _base) switch
    {
        DeviceStatus => Status,
        IsrStatus => 0,
        var o when o >= DeviceConfig && o < DeviceConfig + 8 => (byte)(Capacity >> (8 * (o - DeviceConfig))),
        _ => 0,
    };

    private ulong Capacity => (ulong)(_disk.Length / 512);

    public ushort In16(ushort port) => (ushort)(port - _base) switch
    {
        VirtioLegacyRegisters.QueueSize => QueueSize,
        _ => 0,
    };

    public uint In32(ushort port) => (ushort)(port - _base) switch
    {
        DeviceFeatures => OfferedFeatures,
        QueueAddress => _pfn,
        DeviceConfig => (uint)Capacity,
        (ushort)(DeviceConfig + 4) => (uint)(Capacity >> 32),
        _ => 0,
    };

    public void Out8(ushort port, byte value)
    {
        if (port - _base != DeviceStatus) return;
        Status = value;
        if (value == 0) { _pfn = 0; _lastAvail = 0; _usedIndex = 0; _deferred.Clear(); }
    }

    public void Out16(ushort port, ushort value)
    {
        if (port - _base == QueueNotify)
        {
            Notifications++;
            if ((Status & StatusDriverOk) == 0) Violations.Add("notify before DRIVER_OK");
            Process();
        }
    }

    public void Out32(ushort port, uint value)
    {
        switch ((ushort)(port - _base))
        {
            case DriverFeatures:
                if ((value & ~OfferedFeatures) != 0) Violations.Add($"driver accepted unoffered features {value & ~OfferedFeatures:x}");
                _driverFeatures = value;
                break;
            case QueueAddress: _pfn = value; break;
        }
    }

    private byte* Ring => (byte*)((ulong)_pfn << 12);
    private byte* Avail => Ring + 16 * QueueSize;
    // Legacy layout (virtio 0.9.5 §2.3): the used ring starts at the first 4 KiB boundary after the available ring.
    private byte* Used => Ring + ((16 * QueueSize + 6 + 2 * QueueSize + 4095) & ~4095);

    private void Process()
    {
        ushort availIndex = *(ushort*)(Avail + 2);
        while (_lastAvail != availIndex)
        {
            ushort head = *(ushort*)(Avail + 4 + 2 * (_lastAvail % QueueSize));
            _lastAvail++;
            byte status = Execute(head, out byte* statusByte);
            if (Deferred) _deferred.Add((head, status));
            else Finish(head, status, statusByte);
            MaxOutstanding = Math.Max(MaxOutstanding, Deferred ? _deferred.Count : 1);
        }
    }

    // Completes deferred requests in the order given by indices into the deferred list (all, reversed, when null).
    public void CompleteDeferred(IList<int>? order = null)
    {
        var items = new List<(ushort Head, byte Status)>(_deferred);
        _deferred.Clear();
        if (order == null) { items.Reverse(); foreach (var (h, s) in items) Finish(h, s, StatusPointer(h)); return; }
        foreach (int i in order) Finish(items[i].Head, items[i].Status, StatusPointer(items[i].Head));
    }

    private byte* Descriptor(int i) => Ring + 16 * i;

    private byte* StatusPointer(ushort head)
    {
        int d = head;
        while ((*(ushort*)(Descriptor(d) + 12) & Virtqueue.DescriptorNext) != 0) d = *(ushort*)(Descriptor(d) + 14);
        return (byte*)*(ulong*)Descriptor(d);
    }

    // Walks the chain: header (device-readable, 16 bytes), optional data, status (device-writable, 1 byte).
    private byte Execute(ushort head, out byte* statusByte)
    {
        var chain = new List<(ulong Address, uint Length, ushort Flags)>();
        int d = head;
        while (true)
        {
            byte* desc = Descriptor(d);
            ushort flags = *(ushort*)(desc + 12);
            chain.Add((*(ulong*)desc, *(uint*)(desc + 8), flags));
            if ((flags & Virtqueue.DescriptorNext) == 0 || chain.Count > QueueSize) break;
            d = *(ushort*)(desc + 14);
        }
        var last = chain[^1];
        statusByte = (byte*)last.Address;
        if (chain.Count < 2 || chain[0].Length != 16 || (chain[0].Flags & Virtqueue.DescriptorWrite) != 0
            || last.Length != 1 || (last.Flags & Virtqueue.DescriptorWrite) == 0)
        {
            Violations.Add("malformed chain");
            return VirtioBlk.StatusIoError;
        }
        byte* header = (byte*)chain[0].Address;
        uint type = *(uint*)header;
        ulong sector = *(ulong*)(header + 8);
        if (type == VirtioBlk.RequestFlush) { Flushes++; return VirtioBlk.StatusOk; }
        if (chain.Count != 3) { Violations.Add("data request without one data descriptor"); return VirtioBlk.StatusIoError; }
        var data = chain[1];
        bool read = type == VirtioBlk.RequestIn;
        if (read != ((data.Flags & Virtqueue.DescriptorWrite) != 0)) Violations.Add("data direction flag wrong");
        if (data.Length % 512 != 0 || sector + data.Length / 512 > Capacity) return VirtioBlk.StatusIoError;
        if (FailingSector >= 0 && (ulong)FailingSector >= sector && (ulong)FailingSector < sector + data.Length / 512) return VirtioBlk.StatusIoError;
        var disk = _disk.AsSpan((int)sector * 512, (int)data.Length);
        var memory = new Span<byte>((void*)data.Address, (int)data.Length);
        if (read) disk.CopyTo(memory); else if (type == VirtioBlk.RequestOut) memory.CopyTo(disk); else return VirtioBlk.StatusUnsupported;
        return VirtioBlk.StatusOk;
    }

    private void Finish(ushort head, byte status, byte* statusByte)
    {
        *statusByte = status;
        byte* entry = Used + 4 + 8 * (_usedIndex % QueueSize);
        *(uint*)entry = head;
        *(uint*)(entry + 4) = 1;
        _usedIndex++;
        *(ushort*)(Used + 2) = _usedIndex;
    }
}
