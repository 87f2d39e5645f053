using System;
using System.Buffers.Binary;

namespace XairrosX.Kernel.FileSystem.Fat;

/// <summary>
/// What a directory says about one file or subdirectory: its names, attributes, first cluster, size and times,
/// and where its slots are (the long-name slots, then the short entry, all in one run). A node keeps its entry
/// for life; rename moves the slots and updates the entry in place.
/// </summary>
public sealed class FatEntry
{
    /// <summary>Read-only attribute.</summary>
    public const byte AttrReadOnly = 0x01;
    /// <summary>Hidden attribute.</summary>
    public const byte AttrHidden = 0x02;
    /// <summary>System attribute.</summary>
    public const byte AttrSystem = 0x04;
    /// <summary>Volume label attribute.</summary>
    public const byte AttrVolumeId = 0x08;
    /// <summary>Directory attribute.</summary>
    public const byte AttrDirectory = 0x10;
    /// <summary>Archive attribute (set on every write).</summary>
    public const byte AttrArchive = 0x20;
    /// <summary>The attribute value of a long-name slot.</summary>
    public const byte AttrLongName = 0x0F;
    /// <summary>NT reserved byte: the base of the short name is lower case.</summary>
    public const byte LowerBase = 0x08;
    /// <summary>NT reserved byte: the extension is lower case.</summary>
    public const byte LowerExtension = 0x10;

    /// <summary>The name the VFS shows (the long name, else the short one).</summary>
    public string Name { get; set; }
    /// <summary>The 11-byte short name as stored (space padded, 0x05 for a leading 0xE5).</summary>
    public byte[] ShortName { get; set; } = new byte[11];
    /// <summary>Attribute bits.</summary>
    public byte Attributes { get; set; }
    /// <summary>NT case bits.</summary>
    public byte CaseFlags { get; set; }
    /// <summary>First cluster (0 for an empty file).</summary>
    public uint FirstCluster { get; set; }
    /// <summary>Bytes of a file (0 for directories).</summary>
    public uint Size { get; set; }
    /// <summary>Creation time (DOS date &lt;&lt; 16 | time) and its 10 ms part.</summary>
    public uint Created { get; set; }
    /// <summary>10 ms units of the creation time (0–199).</summary>
    public byte CreatedTenths { get; set; }
    /// <summary>Last write time (DOS date &lt;&lt; 16 | time).</summary>
    public uint Modified { get; set; }
    /// <summary>Last access date.</summary>
    public ushort Accessed { get; set; }
    /// <summary>Index of the first slot of the run (a long-name slot, or the short entry) in the parent.</summary>
    public int FirstSlot { get; set; }
    /// <summary>Index of the short entry in the parent.</summary>
    public int ShortSlot { get; set; }

    /// <summary>Whether this is a directory.</summary>
    public bool IsDirectory => (Attributes & AttrDirectory) != 0;

    /// <summary>Reads the short entry fields of a 32-byte slot.</summary>
    public static FatEntry Decode(ReadOnlySpan<byte> slot, bool fat32)
    {
        var e = new FatEntry();
        slot.Slice(0, 11).CopyTo(e.ShortName);
        e.Attributes = slot[11];
        e.CaseFlags = slot[12];
        e.CreatedTenths = slot[13];
        e.Created = (uint)BinaryPrimitives.ReadUInt16LittleEndian(slot.Slice(16)) << 16 | BinaryPrimitives.ReadUInt16LittleEndian(slot.Slice(14));
        e.Accessed = BinaryPrimitives.ReadUInt16LittleEndian(slot.Slice(18));
        uint high = fat32 ? BinaryPrimitives.ReadUInt16LittleEndian(slot.Slice(20)) : 0u;
        e.Modified = (uint)BinaryPrimitives.ReadUInt16LittleEndian(slot.Slice(24)) << 16 | BinaryPrimitives.ReadUInt16LittleEndian(slot.Slice(22));
        e.FirstCluster = high << 16 | BinaryPrimitives.ReadUInt16LittleEndian(slot.Slice(26));
        e.Size = BinaryPrimitives.ReadUInt32LittleEndian(slot.Slice(28));
        return e;
    }

    /// <summary>Writes the short entry into a 32-byte slot.</summary>
    public void Encode(Span<byte> slot)
    {
        ShortName.CopyTo(slot);
        slot[11] = Attributes;
        slot[12] = CaseFlags;
        slot[13] = CreatedTenths;
        BinaryPrimitives.WriteUInt16LittleEndian(slot.Slice(14), (ushort)Created);
        BinaryPrimitives.WriteUInt16LittleEndian(slot.Slice(16), (ushort)(Created >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(slot.Slice(18), Accessed);
        BinaryPrimitives.WriteUInt16LittleEndian(slot.Slice(20), (ushort)(FirstCluster >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(slot.Slice(22), (ushort)Modified);
        BinaryPrimitives.WriteUInt16LittleEndian(slot.Slice(24), (ushort)(Modified >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(slot.Slice(26), (ushort)FirstCluster);
        BinaryPrimitives.WriteUInt32LittleEndian(slot.Slice(28), IsDirectory ? 0 : Size);
    }

    /// <summary>Sets creation, modification and access times to <paramref name="unixSeconds"/>.</summary>
    public void StampCreated(long unixSeconds)
    {
        Created = DosTime.FromUnix(unixSeconds);
        CreatedTenths = (byte)(unixSeconds % 2 * 100);
        StampModified(unixSeconds);
    }

    /// <summary>Sets modification and access times to <paramref name="unixSeconds"/>.</summary>
    public void StampModified(long unixSeconds)
    {
        Modified = DosTime.FromUnix(unixSeconds);
        Accessed = (ushort)(Modified >> 16);
    }
}

/// <summary>DOS date/time words (date: years since 1980, month, day; time: hours, minutes, seconds / 2), taken as UTC.</summary>
public static class DosTime
{
    /// <summary>date &lt;&lt; 16 | time for a Unix time (clamped to 1980–2107).</summary>
    public static uint FromUnix(long seconds)
    {
        DateTime t = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 315532800L, 4354819198L)).UtcDateTime;
        uint date = (uint)((t.Year - 1980) << 9 | t.Month << 5 | t.Day);
        uint time = (uint)(t.Hour << 11 | t.Minute << 5 | t.Second / 2);
        return date << 16 | time;
    }

    /// <summary>Unix seconds of a date/time pair; nonsense fields (month 0, day 0) give 1980-01-01.</summary>
    public static long ToUnix(uint dateTime)
    {
        int date = (int)(dateTime >> 16), time = (int)(dateTime & 0xFFFF);
        int year = 1980 + (date >> 9), month = (date >> 5) & 15, day = date & 31;
        int hour = time >> 11, minute = (time >> 5) & 63, second = (time & 31) * 2;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return 315532800L;
        return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).ToUnixTimeSeconds();
    }
}
