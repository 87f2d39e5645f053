using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using XairrosX.Drivers.Platform;

namespace XairrosX.Tests.Drivers.Storage;

/// <summary>DMA memory for host tests: process memory whose "physical" address is its pointer, so a simulated device
/// can follow the addresses the driver writes. Rings come from an arena mapped below 16 TiB because a legacy virtio
/// device takes the ring as a 32-bit page number. <see cref="Translate"/> off forces the driver's bounce path.</summary>
public sealed unsafe partial class HostDma : IDmaAllocator, IDisposable
{
    private const int ArenaBytes = 16 << 20;
    private const int ProtRead = 1, ProtWrite = 2, MapPrivate = 2, MapAnonymous = 0x20, MapFixedNoReplace = 0x100000;
    private static long s_nextHint = 0x100_0000_0000; // 1 TiB, below the 16 TiB a page number reaches
    private byte* _arena;
    private int _used;

    [LibraryImport("libc", EntryPoint = "mmap")]
    private static partial IntPtr Mmap(IntPtr address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Munmap(IntPtr address, nuint length);

    public bool Translate { get; set; } = true;

    public DmaBuffer? Allocate(int bytes)
    {
        if (_arena == null)
        {
            for (int attempt = 0; attempt < 64 && _arena == null; attempt++)
            {
                IntPtr hint = (IntPtr)System.Threading.Interlocked.Add(ref s_nextHint, 1L << 32);
                IntPtr p = Mmap(hint, ArenaBytes, ProtRead | ProtWrite, MapPrivate | MapAnonymous | MapFixedNoReplace, -1, 0);
                if (p != new IntPtr(-1)) _arena = (byte*)p;
            }
            if (_arena == null) throw new InvalidOperationException("could not map a DMA arena below 16 TiB");
        }
        int size = (bytes + 4095) & ~4095;
        if (_used + size > ArenaBytes) return null;
        byte* block = _arena + _used;
        _used += size;
        return new DmaBuffer(block, bytes, (ulong)block); // anonymous mappings are zeroed
    }

    public bool TryTranslate(void* pointer, int length, out ulong physicalAddress)
    {
        physicalAddress = (ulong)pointer;
        return Translate;
    }

    public void Dispose()
    {
        if (_arena != null) Munmap((IntPtr)_arena, ArenaBytes);
        _arena = null;
    }
}

/// <summary>An I/O port space for tests: ranges dispatched to simulated devices, everything else floats (0xFF…).</summary>
public sealed class FakePortSpace : IPortIo
{
    private readonly List<(ushort Base, int Length, IPortIo Device)> _devices = new();

    public void Map(ushort basePort, int length, IPortIo device) => _devices.Add((basePort, length, device));

    private IPortIo? Find(ushort port)
    {
        foreach (var (b, l, d) in _devices) if (port >= b && port < b + l) return d;
        return null;
    }

    public byte In8(ushort port) => Find(port)?.In8(port) ?? 0xFF;
    public ushort In16(ushort port) => Find(port)?.In16(port) ?? 0xFFFF;
    public uint In32(ushort port) => Find(port)?.In32(port) ?? 0xFFFFFFFF;
    public void Out8(ushort port, byte value) => Find(port)?.Out8(port, value);
    public void Out16(ushort port, ushort value) => Find(port)?.Out16(port, value);
    public void Out32(ushort port, uint value) => Find(port)?.Out32(port, value);
}
