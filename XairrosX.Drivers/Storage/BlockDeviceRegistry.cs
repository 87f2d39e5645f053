using System;
using System.Collections.Generic;

namespace XairrosX.Drivers.Storage;

/// <summary>A registered block device and the driver that runs it.</summary>
/// <param name="Device">The device.</param>
/// <param name="Driver">Short driver name for listings (<c>virtio-blk</c>, <c>ata-pio</c>, <c>ram</c>).</param>
/// <param name="Detail">One free-form line about the hardware (model, queue size), may be empty.</param>
public sealed record BlockDeviceEntry(IBlockDevice Device, string Driver, string Detail);

/// <summary>
/// The kernel's block devices by name. Names follow Linux: <c>vda</c>, <c>vdb</c> … for virtio-blk in probe order,
/// <c>hda</c>–<c>hdd</c> for the IDE positions (primary master, primary slave, secondary master, secondary slave),
/// so a name says where the disk is attached. <see cref="BlockDeviceProbe"/> fills it at boot; partitions and RAM
/// disks may be registered later.
/// </summary>
public sealed class BlockDeviceRegistry
{
    private readonly List<BlockDeviceEntry> _entries = new();

    /// <summary>Registered devices in registration order.</summary>
    public IReadOnlyList<BlockDeviceEntry> Entries => _entries;

    /// <summary>Adds a device; <see cref="ArgumentException"/> when its name is taken or empty.</summary>
    public void Register(IBlockDevice device, string driver, string detail = "")
    {
        ArgumentNullException.ThrowIfNull(device);
        if (string.IsNullOrEmpty(device.Name)) throw new ArgumentException("a block device needs a name", nameof(device));
        if (Find(device.Name) != null) throw new ArgumentException($"block device name '{device.Name}' is already registered", nameof(device));
        _entries.Add(new BlockDeviceEntry(device, driver ?? "", detail ?? ""));
    }

    /// <summary>The device called <paramref name="name"/>, or null.</summary>
    public IBlockDevice Find(string name) => FindEntry(name)?.Device;

    /// <summary>The entry of the device called <paramref name="name"/>, or null.</summary>
    public BlockDeviceEntry FindEntry(string name)
    {
        foreach (BlockDeviceEntry e in _entries)
            if (string.Equals(e.Device.Name, name, StringComparison.Ordinal)) return e;
        return null;
    }

    /// <summary>The first free name <paramref name="prefix"/> + a, b, … z, aa, ab … (Linux's scheme).</summary>
    public string NextName(string prefix)
    {
        for (int index = 0; ; index++)
        {
            string name = prefix + Suffix(index);
            if (Find(name) == null) return name;
        }
    }

    // 0 → a, 25 → z, 26 → aa: bijective base 26.
    private static string Suffix(int index)
    {
        string s = "";
        for (index++; index > 0; index = (index - 1) / 26) s = (char)('a' + (index - 1) % 26) + s;
        return s;
    }

    /// <summary>A size for humans: whole GiB when exact, else MiB, else KiB.</summary>
    public static string FormatSize(long bytes)
    {
        const long KiB = 1024, MiB = KiB * 1024, GiB = MiB * 1024;
        if (bytes >= GiB && bytes % GiB == 0) return $"{bytes / GiB} GiB";
        if (bytes >= MiB) return $"{bytes / MiB} MiB";
        return $"{bytes / KiB} KiB";
    }

    /// <summary>The boot-log line for an entry: <c>blk: vda virtio-blk 64 MiB (…)</c>.</summary>
    public static string Describe(BlockDeviceEntry entry)
    {
        IBlockDevice d = entry.Device;
        string line = $"blk: {d.Name} {entry.Driver} {FormatSize(d.SectorCount * d.SectorSize)}";
        if (d.IsReadOnly) line += " ro";
        return entry.Detail.Length > 0 ? $"{line} ({entry.Detail})" : line;
    }
}
