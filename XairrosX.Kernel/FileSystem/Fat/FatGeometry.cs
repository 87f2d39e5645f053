using System;
using System.Buffers.Binary;
using System.Text;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem.Fat;

/// <summary>FAT width (see <see cref="FatGeometry.TryParse"/> for how it is decided).</summary>
public enum FatType
{
    /// <summary>12-bit entries (fewer than 4085 clusters).</summary>
    Fat12 = 12,
    /// <summary>16-bit entries (fewer than 65525 clusters).</summary>
    Fat16 = 16,
    /// <summary>28-bit entries in 32-bit words.</summary>
    Fat32 = 32,
}

/// <summary>
/// The layout of a FAT volume, from its BIOS parameter block (sector 0): reserved sectors, the FAT copies, the
/// FAT12/16 fixed root directory, then the data area of clusters numbered from 2. <see cref="TryParse"/>
/// validates every field the layout depends on, so later arithmetic cannot leave the volume.
/// </summary>
public sealed class FatGeometry
{
    /// <summary>FAT12, FAT16 or FAT32.</summary>
    public FatType Type { get; private init; }
    /// <summary>Bytes per sector (equal to the device's).</summary>
    public int BytesPerSector { get; private init; }
    /// <summary>Sectors per cluster (a power of two).</summary>
    public int SectorsPerCluster { get; private init; }
    /// <summary>Bytes per cluster.</summary>
    public int ClusterBytes => BytesPerSector * SectorsPerCluster;
    /// <summary>Sectors before the first FAT.</summary>
    public int ReservedSectors { get; private init; }
    /// <summary>Number of FAT copies.</summary>
    public int FatCount { get; private init; }
    /// <summary>Sectors per FAT copy.</summary>
    public long FatSectors { get; private init; }
    /// <summary>First sector of the FAT12/16 root directory (0 on FAT32).</summary>
    public long RootDirectoryLba { get; private init; }
    /// <summary>Sectors of the FAT12/16 root directory (0 on FAT32).</summary>
    public int RootDirectorySectors { get; private init; }
    /// <summary>First sector of cluster 2.</summary>
    public long DataLba { get; private init; }
    /// <summary>Sectors of the volume.</summary>
    public long TotalSectors { get; private init; }
    /// <summary>Number of data clusters; valid cluster numbers are 2 .. ClusterCount + 1.</summary>
    public uint ClusterCount { get; private init; }
    /// <summary>FAT32 root directory cluster.</summary>
    public uint RootCluster { get; private init; }
    /// <summary>FAT32 FSInfo sector (0 when absent).</summary>
    public int FsInfoSector { get; private init; }
    /// <summary>Which FAT is live when mirroring is off (FAT32 ExtFlags), else -1 (all copies mirrored).</summary>
    public int ActiveFat { get; private init; }
    /// <summary>Volume serial number.</summary>
    public uint VolumeId { get; private init; }
    /// <summary>Volume label from the boot sector (trimmed).</summary>
    public string Label { get; private init; }

    /// <summary>Highest valid cluster number.</summary>
    public uint MaxCluster => ClusterCount + 1;
    /// <summary>First sector of <paramref name="cluster"/> (which must be valid).</summary>
    public long ClusterLba(uint cluster) => DataLba + (long)(cluster - 2) * SectorsPerCluster;

    /// <summary>
    /// Parses and validates the boot sector; false with a one-line reason when it is not a usable FAT volume on a
    /// device of <paramref name="deviceSectors"/> sectors of <paramref name="deviceSectorSize"/> bytes.
    /// <paramref name="errno"/> is EINVAL for a bad BPB and EIO for a volume larger than its device (a truncated image).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> s, int deviceSectorSize, long deviceSectors, out FatGeometry geometry, out int errno, out string error)
    {
        geometry = null;
        errno = -Errno.EINVAL;
        if (s.Length < 512) { error = "boot sector shorter than 512 bytes"; return false; }
        if (s[510] != 0x55 || s[511] != 0xAA) { error = "no 0x55AA boot signature"; return false; }
        int bps = BinaryPrimitives.ReadUInt16LittleEndian(s.Slice(11));
        if (bps is not (512 or 1024 or 2048 or 4096)) { error = $"bytes per sector {bps}"; return false; }
        if (bps != deviceSectorSize) { error = $"bytes per sector {bps} but the device has {deviceSectorSize}"; return false; }
        int spc = s[13];
        if (spc == 0 || (spc & (spc - 1)) != 0) { error = $"sectors per cluster {spc} is not a power of two"; return false; }
        int reserved = BinaryPrimitives.ReadUInt16LittleEndian(s.Slice(14));
        if (reserved == 0) { error = "no reserved sectors"; return false; }
        int fats = s[16];
        if (fats is < 1 or > 4) { error = $"{fats} FAT copies"; return false; }
        int rootEntries = BinaryPrimitives.ReadUInt16LittleEndian(s.Slice(17));
        long total = BinaryPrimitives.ReadUInt16LittleEndian(s.Slice(19));
        if (total == 0) total = BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(32));
        long fatSize = BinaryPrimitives.ReadUInt16LittleEndian(s.Slice(22));
        bool fat32Layout = fatSize == 0;
        if (fat32Layout) fatSize = BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(36));
        if (fatSize == 0) { error = "FAT size 0"; return false; }
        int rootSectors = (rootEntries * 32 + bps - 1) / bps;
        long dataLba = reserved + fats * fatSize + rootSectors;
        if (total <= dataLba) { error = $"{total} sectors leave no data area after {dataLba} metadata sectors"; return false; }
        long clusters = (total - dataLba) / spc;
        // FAT32 is told by its layout (a zero 16-bit FAT size), as Linux does: mkfs.vfat -F 32 makes small FAT32
        // volumes below the specification's 65525 clusters. FAT12 and FAT16 are told apart by the count.
        FatType type = fat32Layout ? FatType.Fat32 : clusters < 4085 ? FatType.Fat12 : FatType.Fat16;
        if (type == FatType.Fat16 && clusters >= 65525) { error = $"{clusters} clusters in a FAT16 layout"; return false; }
        if (type == FatType.Fat32 && rootEntries != 0) { error = "FAT32 with a fixed root directory"; return false; }
        if (type != FatType.Fat32 && rootEntries == 0) { error = $"{type} without root directory entries"; return false; }
        if (clusters > 0x0FFFFFF5) { error = $"{clusters} clusters"; return false; }
        long entriesInFat = fatSize * bps * 8 / (int)type;
        if (entriesInFat < clusters + 2) { error = $"FAT of {fatSize} sectors too small for {clusters} clusters"; return false; }
        uint rootCluster = 0;
        int fsInfo = 0, activeFat = -1;
        if (type == FatType.Fat32)
        {
            rootCluster = BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(44));
            if (rootCluster < 2 || rootCluster > clusters + 1) { error = $"root cluster {rootCluster} out of range"; return false; }
            if (BinaryPrimitives.ReadUInt16LittleEndian(s.Slice(42)) != 0) { error = "unknown FAT32 version"; return false; }
            fsInfo = BinaryPrimitives.ReadUInt16LittleEndian(s.Slice(48));
            if (fsInfo == 0xFFFF || fsInfo >= reserved) fsInfo = 0;
            ushort extFlags = BinaryPrimitives.ReadUInt16LittleEndian(s.Slice(40));
            if ((extFlags & 0x80) != 0) activeFat = Math.Min(extFlags & 0xF, fats - 1);
        }
        if (total > deviceSectors)
        {
            errno = -Errno.EIO;
            error = $"volume of {total} sectors on a device of {deviceSectors} (truncated image?)";
            return false;
        }
        int labelOffset = type == FatType.Fat32 ? 71 : 43;
        int serialOffset = labelOffset - 4;
        bool extended = s[labelOffset - 5] == 0x29;
        geometry = new FatGeometry
        {
            Type = type,
            BytesPerSector = bps,
            SectorsPerCluster = spc,
            ReservedSectors = reserved,
            FatCount = fats,
            FatSectors = fatSize,
            RootDirectoryLba = type == FatType.Fat32 ? 0 : reserved + fats * fatSize,
            RootDirectorySectors = rootSectors,
            DataLba = dataLba,
            TotalSectors = total,
            ClusterCount = (uint)clusters,
            RootCluster = rootCluster,
            FsInfoSector = fsInfo,
            ActiveFat = activeFat,
            VolumeId = extended ? BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(serialOffset)) : 0,
            Label = extended ? Encoding.ASCII.GetString(s.Slice(labelOffset, 11)).TrimEnd(' ') : "",
        };
        errno = 0;
        error = null;
        return true;
    }
}
