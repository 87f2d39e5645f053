using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.Storage.Partitions;

/// <summary>
/// The classic MBR in sector 0: four 16-byte entries at 446 (status, CHS start, type, CHS end, LBA start,
/// sector count) and 0x55 0xAA at 510. CHS fields are ignored (LBA only). A FAT boot sector also ends in 0x55AA,
/// so entries must look like entries (status 0x00 or 0x80, inside the disk, not overlapping) for the sector to
/// count as a table. Extended partitions are listed as they are; their logical partitions are not followed.
/// </summary>
internal static class MbrParser
{
    private const int EntriesOffset = 446;
    /// <summary>The type byte of a GPT protective entry.</summary>
    public const byte ProtectiveType = 0xEE;

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
