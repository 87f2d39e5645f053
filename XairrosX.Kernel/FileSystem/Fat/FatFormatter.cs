using System;
using System.Buffers.Binary;
using XairrosX.Drivers.Storage;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem.Fat;

/// <summary>
/// Makes an empty FAT32 volume (what <c>mkfs.vfat -F 32</c> does): boot sector with its backup at sector 6, FSInfo
/// at 1 (backup at 7), 32 reserved sectors, two FATs sized by the Microsoft specification's formula, the root
/// directory in cluster 2, and a volume-label entry when a label is given. Cluster size follows the specification's
/// table (512 B up to 260 MiB, 4 KiB up to 8 GiB, then 8, 16, 32 KiB); volumes too small for 65525 clusters are
/// refused, so that every FAT implementation agrees the result is FAT32.
/// </summary>
public static class FatFormatter
{
    private const int ReservedSectors = 32, FatCopies = 2;
    /// <summary>Fewest clusters a FAT32 volume may have.</summary>
    public const uint MinClusters = 65525;

    /// <summary>Formats <paramref name="device"/> (512-byte sectors); 0, or -EINVAL with a reason (too small,
    /// bad label) / the device's -errno.</summary>
    public static int Format(IBlockDevice device, string label, out string error, uint volumeId = 0x58524F53)
    {
        error = null;
        if (device == null || device.SectorSize != 512) { error = "FAT32 formatting needs 512-byte sectors"; return -Errno.EINVAL; }
        if (device.IsReadOnly) { error = "device is read-only"; return -Errno.EROFS; }
        label = string.IsNullOrEmpty(label) ? null : label.ToUpperInvariant();
        if (label != null && (label.Length > 11 || !IsLabelText(label))) { error = $"bad volume label '{label}'"; return -Errno.EINVAL; }
        long total = Math.Min(device.SectorCount, uint.MaxValue);
        int spc = total <= 532480 ? 1 : total <= 16777216 ? 8 : total <= 33554432 ? 16 : total <= 67108864 ? 32 : 64;
        // Microsoft FAT specification: FATSz = ceil((TotSec - Rsvd) / ((256 * SecPerClus + NumFATs) / 2)).
        long divisor = (256L * spc + FatCopies) / 2;
        long fatSize = (total - ReservedSectors + divisor - 1) / divisor;
        long dataLba = ReservedSectors + FatCopies * fatSize;
        long clusters = (total - dataLba) / spc;
        if (clusters < MinClusters) { error = $"{total} sectors are too few for FAT32 ({clusters} clusters < {MinClusters})"; return -Errno.EINVAL; }

        var sector = new byte[512];
        WriteBootSector(sector, (uint)total, spc, (uint)fatSize, volumeId, label);
        int r = device.Write(0, sector);
        if (r == 0) r = device.Write(6, sector);
        if (r < 0) return Fail(r, "boot sector", out error);

        sector.AsSpan().Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(sector, 0x41615252);
        BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(484), 0x61417272);
        BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(488), (uint)clusters - 1);
        BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(492), 3);
        BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(508), 0xAA550000);
        r = device.Write(1, sector);
        if (r == 0) r = device.Write(7, sector);
        if (r < 0) return Fail(r, "FSInfo", out error);

        // The rest of the reserved area, the FATs and the root cluster start zeroed, in batches.
        var zeros = new byte[64 * 512];
        foreach ((long from, long count) in new[] { (2L, 4L), (8L, ReservedSectors - 8L), (ReservedSectors, FatCopies * fatSize), (dataLba, (long)spc) })
        {
            for (long done = 0; done < count;)
            {
                int n = (int)Math.Min(64, count - done);
                r = device.Write(from + done, zeros.AsSpan(0, n * 512));
                if (r < 0) return Fail(r, "zeroing", out error);
                done += n;
            }
        }
        sector.AsSpan().Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(sector, 0x0FFFFFF8); // media byte F8
        BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(4), 0x0FFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(8), 0x0FFFFFFF); // root directory: one cluster
        for (int copy = 0; copy < FatCopies && r == 0; copy++) r = device.Write(ReservedSectors + copy * fatSize, sector);
        if (r < 0) return Fail(r, "FAT", out error);
        if (label != null)
        {
            sector.AsSpan().Clear();
            var entry = new FatEntry { Attributes = FatEntry.AttrVolumeId };
            for (int i = 0; i < 11; i++) entry.ShortName[i] = i < label.Length ? (byte)label[i] : (byte)' ';
            entry.StampModified(FatFileSystem.Now());
            entry.Encode(sector);
            r = device.Write(dataLba, sector);
            if (r < 0) return Fail(r, "root directory", out error);
        }
        r = device.Flush();
        return r < 0 ? Fail(r, "flush", out error) : 0;
    }

    private static void WriteBootSector(Span<byte> s, uint total, int spc, uint fatSize, uint volumeId, string label)
    {
        s.Clear();
        s[0] = 0xEB; s[1] = 0x58; s[2] = 0x90;
        "XAIRROSX"u8.CopyTo(s.Slice(3));
        BinaryPrimitives.WriteUInt16LittleEndian(s.Slice(11), 512);
        s[13] = (byte)spc;
        BinaryPrimitives.WriteUInt16LittleEndian(s.Slice(14), ReservedSectors);
        s[16] = FatCopies;
        s[21] = 0xF8;
        BinaryPrimitives.WriteUInt16LittleEndian(s.Slice(24), 32); // sectors per track, heads: conventional values
        BinaryPrimitives.WriteUInt16LittleEndian(s.Slice(26), 64);
        BinaryPrimitives.WriteUInt32LittleEndian(s.Slice(32), total);
        BinaryPrimitives.WriteUInt32LittleEndian(s.Slice(36), fatSize);
        BinaryPrimitives.WriteUInt32LittleEndian(s.Slice(44), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(s.Slice(48), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(s.Slice(50), 6);
        s[64] = 0x80;
        s[66] = 0x29;
        BinaryPrimitives.WriteUInt32LittleEndian(s.Slice(67), volumeId);
        Span<byte> name = s.Slice(71, 11);
        name.Fill((byte)' ');
        string shown = label ?? "NO NAME";
        for (int i = 0; i < shown.Length; i++) name[i] = (byte)shown[i];
        "FAT32   "u8.CopyTo(s.Slice(82));
        // A boot program that says so and halts: F4 (hlt) EB FD (jmp back).
        s[90] = 0xF4; s[91] = 0xEB; s[92] = 0xFD;
        s[510] = 0x55; s[511] = 0xAA;
    }

    private static bool IsLabelText(string label)
    {
        foreach (char c in label)
            if (c < 0x20 || c > 0x7E || "\"*+,./:;<=>?[\\]|".IndexOf(c) >= 0) return false;
        return true;
    }

    private static int Fail(int r, string what, out string error)
    {
        error = $"format: writing the {what} failed ({r})";
        return r;
    }
}
