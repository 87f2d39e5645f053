using System;
using XairrosX.Drivers.Pci;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Storage;
using XairrosX.Plugs.Memory;

namespace XairrosX.Kernel.Storage;

/// <summary>
/// The kernel's disks: probed once at boot (virtio-blk on PCI, then the IDE positions), one boot-log line each, kept in
/// <see cref="Registry"/> for the shell and for the file systems the lead mounts on them.
/// </summary>
public static class BlockStorage
{
    /// <summary>Every block device the kernel drives.</summary>
    public static BlockDeviceRegistry Registry { get; } = new();

    /// <summary>Probes the hardware, registers what it finds and prints a line per device (nothing when there is none).</summary>
    public static void ProbeAndLog()
    {
        foreach (string line in BlockDeviceProbe.Probe(Registry, PciConfigPorts.Instance, PciEnumerator.Enumerate(PciConfigPorts.Instance),
                     MachinePorts.Instance, PageDmaAllocator.Instance))
            Console.WriteLine(line);
    }
}

/// <summary>DMA memory from the physical page allocator; the identity map makes every address below 4 GiB a bus address.</summary>
internal sealed unsafe class PageDmaAllocator : IDmaAllocator
{
    public static readonly PageDmaAllocator Instance = new();
    private const ulong IdentityMappedLimit = 4UL << 30;

    public DmaBuffer Allocate(int bytes)
    {
        if (bytes <= 0) return null;
        byte* p = (byte*)PageAllocator.AllocatePages((nuint)bytes);
        return p == null ? null : new DmaBuffer(p, bytes, (ulong)p);
    }

    public bool TryTranslate(void* pointer, int length, out ulong physicalAddress)
    {
        physicalAddress = (ulong)pointer;
        return physicalAddress >= 0x1000 && length >= 0 && physicalAddress + (ulong)length <= IdentityMappedLimit;
    }
}
