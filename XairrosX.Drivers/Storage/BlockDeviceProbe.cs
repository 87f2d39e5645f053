using System.Collections.Generic;
using XairrosX.Drivers.Pci;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Storage.Ata;
using XairrosX.Drivers.Storage.Virtio;

namespace XairrosX.Drivers.Storage;

/// <summary>
/// Finds the disks at boot: transitional virtio-blk functions on PCI (their legacy I/O BAR 0; I/O decoding and bus
/// mastering are switched on first), then the four IDE positions — the channels of a PCI IDE controller in native
/// mode at its BARs, else the legacy ports (probing them where no IDE exists only reads a floating 0xFF).
/// </summary>
public static class BlockDeviceProbe
{
    /// <summary>Registers every disk found; returns one log line per device and per device that was skipped.</summary>
    public static List<string> Probe(BlockDeviceRegistry registry, IPciConfigAccess pci, IReadOnlyList<PciDevice> functions,
        IPortIo io, IDmaAllocator dma)
    {
        var log = new List<string>();
        (ushort Io, ushort Control) primary = (0x1F0, 0x3F6), secondary = (0x170, 0x376);
        foreach (PciDevice f in functions)
        {
            if (f.VendorId == VirtioLegacyRegisters.PciVendor && f.DeviceId == VirtioLegacyRegisters.PciDeviceBlockTransitional)
                ProbeVirtio(registry, pci, f, io, dma, log);
            else if (f.VendorId == VirtioLegacyRegisters.PciVendor && f.DeviceId == VirtioLegacyRegisters.PciDeviceBlockModern)
                log.Add($"blk: virtio-blk at {f.Address} is modern-only (no legacy interface); not driven");
            else if (f.ClassCode == 0x01 && f.Subclass == 0x01 && f.Bars.Length >= 4)
            {
                // Prog-if bit 0 / bit 2: the primary / secondary channel runs in native mode at BARs 0–1 / 2–3.
                if ((f.ProgIf & 0x01) != 0 && IoBar(f.Bars[0]) is ushort p0 && IoBar(f.Bars[1]) is ushort p1) primary = (p0, (ushort)(p1 + 2));
                if ((f.ProgIf & 0x04) != 0 && IoBar(f.Bars[2]) is ushort s0 && IoBar(f.Bars[3]) is ushort s1) secondary = (s0, (ushort)(s1 + 2));
                PciCommand.Enable(pci, f, PciCommand.IoSpace);
            }
        }
        ProbeAta(registry, new AtaChannel(io, primary.Io, primary.Control), 0, log);
        ProbeAta(registry, new AtaChannel(io, secondary.Io, secondary.Control), 2, log);
        return log;
    }

    private static ushort? IoBar(uint bar) => (bar & 1) != 0 && (bar & ~3u) is > 0 and <= 0xFFFF ? (ushort)(bar & ~3u) : null;

    private static void ProbeVirtio(BlockDeviceRegistry registry, IPciConfigAccess pci, PciDevice f, IPortIo io, IDmaAllocator dma, List<string> log)
    {
        if (f.Bars.Length == 0 || IoBar(f.Bars[0]) is not ushort ioBase)
        {
            log.Add($"blk: virtio-blk at {f.Address} has no I/O BAR 0; not driven");
            return;
        }
        PciCommand.Enable(pci, f, PciCommand.IoSpace | PciCommand.BusMaster);
        string name = registry.NextName("vd");
        VirtioBlkDevice disk = VirtioBlkDevice.TryCreate(name, io, ioBase, dma, out string error);
        if (disk == null)
        {
            log.Add($"blk: virtio-blk at {f.Address}: {error}");
            return;
        }
        string flush = (disk.Features & (1u << VirtioBlk.FeatureFlush)) != 0 ? ", write cache" : "";
        registry.Register(disk, "virtio-blk", $"pci {f.Address}, queue {disk.VirtqueueSize}{flush}");
        log.Add(BlockDeviceRegistry.Describe(registry.FindEntry(name)));
    }

    private static void ProbeAta(BlockDeviceRegistry registry, AtaChannel channel, int firstPosition, List<string> log)
    {
        if (channel.IsFloating) return;
        for (int drive = 0; drive < 2; drive++)
        {
            string name = "hd" + (char)('a' + firstPosition + drive);
            switch (channel.Identify(drive, out AtaIdentity identity))
            {
                case AtaProbeResult.Disk:
                    var disk = new AtaDisk(name, channel, drive, identity);
                    registry.Register(disk, "ata-pio", $"{identity.Model}, {(identity.SupportsLba48 ? "LBA48" : "LBA28")}, ports 0x{channel.IoBase:x}");
                    log.Add(BlockDeviceRegistry.Describe(registry.FindEntry(name)));
                    break;
                case AtaProbeResult.Failed:
                    log.Add($"blk: {name}: the drive did not answer IDENTIFY; not driven");
                    break;
            }
        }
    }
}
