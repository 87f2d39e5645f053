using System;

namespace XairrosX.Kernel.Storage.Partitions;

/// <summary>Which kind of table described a disk.</summary>
public enum PartitionScheme
{
    /// <summary>A classic MBR (four primary entries).</summary>
    Mbr,
    /// <summary>A GUID partition table (the MBR, if any, is protective).</summary>
    Gpt,
}

/// <summary>One partition: where it lies on its disk and what it says it holds.</summary>
public sealed class PartitionInfo
{
    /// <summary>1-based number (MBR slot 1–4, or GPT entry index + 1), as in <c>vda1</c>.</summary>
    public int Number { get; init; }
    /// <summary>First sector on the disk.</summary>
    public long FirstLba { get; init; }
    /// <summary>Length in sectors.</summary>
    public long SectorCount { get; init; }
    /// <summary>MBR type byte (0x0C FAT32 LBA, 0x83 Linux, …); 0 for GPT partitions.</summary>
    public byte MbrType { get; init; }
    /// <summary>Whether the MBR entry is marked bootable (status 0x80).</summary>
    public bool Bootable { get; init; }
    /// <summary>GPT partition type GUID; <see cref="Guid.Empty"/> for MBR partitions.</summary>
    public Guid TypeGuid { get; init; }
    /// <summary>GPT unique partition GUID; <see cref="Guid.Empty"/> for MBR partitions.</summary>
    public Guid UniqueGuid { get; init; }
    /// <summary>GPT attribute bits.</summary>
    public ulong Attributes { get; init; }
    /// <summary>GPT partition name (UTF-16 in the table); empty for MBR partitions.</summary>
    public string Label { get; init; } = "";

    /// <summary>The EFI system partition type.</summary>
    public static readonly Guid EfiSystemType = new("C12A7328-F81F-11D2-BA4B-00A0C93EC93B");
    /// <summary>The Microsoft basic data type (FAT, NTFS, exFAT).</summary>
    public static readonly Guid BasicDataType = new("EBD0A0A2-B9E5-4433-87C0-68B6B72699C7");
    /// <summary>The Linux file system data type.</summary>
    public static readonly Guid LinuxDataType = new("0FC63DAF-8483-4772-8E79-3D69D8477DE4");

    /// <summary>Whether the type says FAT (MBR 0x01/0x04/0x06/0x0B/0x0C/0x0E, or GPT basic data / EFI system).</summary>
    public bool LooksLikeFat => MbrType is 0x01 or 0x04 or 0x06 or 0x0B or 0x0C or 0x0E
        || TypeGuid == BasicDataType || TypeGuid == EfiSystemType;
}
