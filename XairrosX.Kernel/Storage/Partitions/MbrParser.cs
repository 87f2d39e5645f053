using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using XairrosX.Drivers.Storage;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.Storage.Partitions;

/// <summary>
/// The classic MBR in sector 0: four 16-byte entries at 446 (status, CHS start, type, CHS end, LBA start,
/// sector count) and 0x55 0xAA at 510. CHS fields are ignored (LBA only). A FAT boot sector also ends in 0x55AA,
/// so entries must look like entries (status 0x00 or 0x80, inside the disk, not overlapping) for the sector to
/// count as a table. An extended partition (type 0x05, 0x0F or 0x85) is listed as it is and its chain of extended
/// boot records is followed: each EBR holds one logical partition (start relative to the EBR) and a link to the next
/// EBR (relative to the extended partition); logical partitions are numbered from 5, as Linux does.
/// </summary>
internal static class MbrParser
{
    private const int EntriesOffset = 446;
    /// <summary>The type byte of a GPT protective entry.</summary>
    public const byte ProtectiveType = 0xEE;

    /// <summary>The most logical partitions followed, which also ends a looping EBR chain.</summary>
    public const int MaxLogicalPartitions = 128;

    /// <summary>Whether an MBR type byte marks an extended partition.</summary>
    public static bool IsExtended(byte type) => type is 0x05 or 0x0F or 0x85;

    /// <summary>Appends the logical partitions inside <paramref name="extended"/>; 0, -EINVAL with a reason, or the
    /// device's -errno.</summary>
    public static int ReadLogical(IBlockDevice device, PartitionInfo extended, List<PartitionInfo> partitions, out string error)
    {
        error = null;
        var ebr = new byte[device.SectorSize];
        long extStart = extended.FirstLba, extEnd = extended.FirstLba + extended.SectorCount;
        long next = 0;
        for (int n = 0; ; n++)
        {
            if (n == MaxLogicalPartitions) { error = $"more than {MaxLogicalPartitions} logical partitions (a looping EBR chain?)"; return -Errno.EINVAL; }
            long lba = extStart + next;
            if (lba >= extEnd) { error = $"EBR at {lba} outside the extended partition"; return -Errno.EINVAL; }
            int r = device.Read(lba, ebr);
            if (r < 0) { error = $"cannot read the EBR at {lba} ({r})"; return r; }
            if (ebr[510] != 0x55 || ebr[511] != 0xAA) { error = $"EBR at {lba} lacks the 0x55AA signature"; return -Errno.EINVAL; }
            byte type = ebr[EntriesOffset + 4];
            long start = lba + BinaryPrimitives.ReadUInt32LittleEndian(ebr.AsSpan(EntriesOffset + 8));
            long count = BinaryPrimitives.ReadUInt32LittleEndian(ebr.AsSpan(EntriesOffset + 12));
            if (type != 0)
            {
                if (count == 0 || start <= lba || start + count > extEnd)
                {
                    error = $"logical partition {5 + n} ({start}+{count}) outside the extended partition";
                    return -Errno.EINVAL;
                }
                partitions.Add(new PartitionInfo { Number = 5 + n, FirstLba = start, SectorCount = count, MbrType = type, Bootable = ebr[EntriesOffset] == 0x80 });
            }
            byte linkType = ebr[EntriesOffset + 16 + 4];
            long link = BinaryPrimitives.ReadUInt32LittleEndian(ebr.AsSpan(EntriesOffset + 16 + 8));
            if (!IsExtended(linkType) || link == 0) return 0;
            if (link <= next) { error = $"EBR chain goes backwards at {lba}"; return -Errno.EINVAL; }
            next = link;
        }
    }

    public static int Parse(ReadOnlySpan<byte> sector, long diskSectors, out List<PartitionInfo> partitions, out bool protective, out string error)
    {
        partitions = new List<PartitionInfo>(4);
        protective = false;
        error = null;
        if (sector.Length < 512 || sector[510] != 0x55 || sector[511] != 0xAA)
        {
            error = "no partition table (sector 0 lacks the 0x55AA signature)";
            return -Errno.EINVAL;
        }
        for (int i = 0; i < 4; i++)
        {
            ReadOnlySpan<byte> e = sector.Slice(EntriesOffset + 16 * i, 16);
            byte status = e[0], type = e[4];
            long start = BinaryPrimitives.ReadUInt32LittleEndian(e.Slice(8));
            long count = BinaryPrimitives.ReadUInt32LittleEndian(e.Slice(12));
            if (status != 0x00 && status != 0x80)
            {
                error = $"no partition table (entry {i + 1} has status 0x{status:X2}; a boot sector rather than an MBR?)";
                return -Errno.EINVAL;
            }
            if (type == 0) continue;
            if (type == ProtectiveType) { protective = true; continue; }
            if (count == 0 || start == 0 || start >= diskSectors || count > diskSectors - start)
            {
                error = $"MBR entry {i + 1} (type 0x{type:X2}, {start}+{count}) lies outside a disk of {diskSectors} sectors";
                return -Errno.EINVAL;
            }
            foreach (PartitionInfo other in partitions)
            {
                if (start < other.FirstLba + other.SectorCount && other.FirstLba < start + count)
                {
                    error = $"MBR entries {other.Number} and {i + 1} overlap";
                    return -Errno.EINVAL;
                }
            }
            partitions.Add(new PartitionInfo { Number = i + 1, FirstLba = start, SectorCount = count, MbrType = type, Bootable = status == 0x80 });
        }
        if (protective && partitions.Count > 0)
        {
            // A hybrid MBR: the GPT is authoritative, as in every UEFI implementation.
            partitions.Clear();
        }
        if (!protective && partitions.Count == 0)
        {
            error = "MBR has no partitions";
            return -Errno.EINVAL;
        }
        return 0;
    }
}
