using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using XairrosX.Drivers.Storage;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.Storage.Partitions;

/// <summary>
/// The GUID partition table (UEFI spec 2.10 §5.3): header at LBA 1 ("EFI PART", CRC32 over HeaderSize bytes with
/// its own CRC field zeroed, MyLBA, AlternateLBA, usable range, entry array LBA/count/size and the array's CRC32),
/// a backup header at the last sector. The primary is used when it and its entry array check out, else the
/// backup at the disk's last sector (the primary's AlternateLBA is not trusted: the primary is the corrupt one).
/// </summary>
internal static class GptParser
{
    private const ulong Signature = 0x5452415020494645; // "EFI PART"
    // Bounds that keep a hostile header from making us allocate or read much: 1 MiB of entries at most.
    private const int MaxEntryArrayBytes = 1 << 20;

    public static int Read(IBlockDevice device, out PartitionTable table, out string error)
    {
        table = null;
        int r = TryHeader(device, 1, out GptHeader primary, out List<PartitionInfo> parts, out string primaryError);
        if (r == 0)
        {
            table = new PartitionTable(PartitionScheme.Gpt, parts, primary.DiskGuid);
            error = null;
            return 0;
        }
        long backupLba = device.SectorCount - 1;
        r = TryHeader(device, backupLba, out GptHeader backup, out parts, out string backupError);
        if (r == 0)
        {
            table = new PartitionTable(PartitionScheme.Gpt, parts, backup.DiskGuid, usedBackupGpt: true);
            error = null;
            return 0;
        }
        error = $"GPT unusable: primary {primaryError}; backup {backupError}";
        return r == -Errno.EIO ? r : -Errno.EINVAL;
    }

    private static int TryHeader(IBlockDevice device, long lba, out GptHeader header, out List<PartitionInfo> partitions, out string error)
    {
        header = default;
        partitions = null;
        int size = device.SectorSize;
        if (lba < 1 || lba >= device.SectorCount) { error = $"header LBA {lba} outside the disk"; return -Errno.EINVAL; }
        var sector = new byte[size];
        int r = device.Read(lba, sector);
        if (r < 0) { error = $"cannot read LBA {lba} ({r})"; return r; }
        if (!GptHeader.TryParse(sector, lba, device.SectorCount, out header, out error)) return -Errno.EINVAL;
        long arrayBytes = (long)header.EntryCount * header.EntrySize;
        long arraySectors = (arrayBytes + size - 1) / size;
        if (header.EntryArrayLba < 1 || header.EntryArrayLba >= device.SectorCount || arraySectors > device.SectorCount - header.EntryArrayLba)
        {
            error = $"entry array at LBA {header.EntryArrayLba} ({arraySectors} sectors) outside the disk";
            return -Errno.EINVAL;
        }
        var array = new byte[arraySectors * size];
        r = device.Read(header.EntryArrayLba, array);
        if (r < 0) { error = $"cannot read the entry array ({r})"; return r; }
        uint crc = Crc32.Compute(array.AsSpan(0, (int)arrayBytes));
        if (crc != header.EntryArrayCrc)
        {
            error = $"entry array CRC32 0x{crc:X8} != 0x{header.EntryArrayCrc:X8}";
            return -Errno.EINVAL;
        }
        partitions = new List<PartitionInfo>();
        for (int i = 0; i < header.EntryCount; i++)
        {
            ReadOnlySpan<byte> e = array.AsSpan(i * header.EntrySize, header.EntrySize);
            var type = new Guid(e.Slice(0, 16));
            if (type == Guid.Empty) continue;
            long first = (long)BinaryPrimitives.ReadUInt64LittleEndian(e.Slice(32));
            long last = (long)BinaryPrimitives.ReadUInt64LittleEndian(e.Slice(40));
            if (first < header.FirstUsableLba || last > header.LastUsableLba || first > last)
            {
                error = $"entry {i + 1} spans {first}..{last}, outside the usable {header.FirstUsableLba}..{header.LastUsableLba}";
                partitions = null;
                return -Errno.EINVAL;
            }
            foreach (PartitionInfo other in partitions)
            {
                if (first < other.FirstLba + other.SectorCount && other.FirstLba <= last)
                {
                    error = $"entries {other.Number} and {i + 1} overlap";
                    partitions = null;
                    return -Errno.EINVAL;
                }
            }
            partitions.Add(new PartitionInfo
            {
                Number = i + 1,
                FirstLba = first,
                SectorCount = last - first + 1,
                TypeGuid = type,
                UniqueGuid = new Guid(e.Slice(16, 16)),
                Attributes = BinaryPrimitives.ReadUInt64LittleEndian(e.Slice(48)),
                Label = DecodeName(e.Slice(56, 72)),
            });
        }
        error = null;
        return 0;
    }

    // UTF-16LE, up to 36 code units, ending at the first NUL; unpaired surrogates become U+FFFD.
    private static string DecodeName(ReadOnlySpan<byte> raw)
    {
        Span<char> chars = stackalloc char[36];
        int n = 0;
        for (; n < 36; n++)
        {
            char c = (char)BinaryPrimitives.ReadUInt16LittleEndian(raw.Slice(2 * n));
            if (c == '\0') break;
            chars[n] = c;
        }
        for (int i = 0; i < n; i++)
        {
            bool high = char.IsHighSurrogate(chars[i]), low = char.IsLowSurrogate(chars[i]);
            if (high && i + 1 < n && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (high || low) chars[i] = '\uFFFD';
        }
        return new string(chars.Slice(0, n));
    }

    /// <summary>The fields of a GPT header that the parser uses.</summary>
    internal struct GptHeader
    {
        public long AlternateLba, FirstUsableLba, LastUsableLba, EntryArrayLba;
        public int EntryCount, EntrySize;
        public uint EntryArrayCrc;
        public Guid DiskGuid;

        public static bool TryParse(ReadOnlySpan<byte> s, long myLba, long diskSectors, out GptHeader h, out string error)
        {
            h = default;
            if (BinaryPrimitives.ReadUInt64LittleEndian(s) != Signature) { error = "no \"EFI PART\" signature"; return false; }
            uint headerSize = BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(12));
            if (headerSize < 92 || headerSize > s.Length) { error = $"header size {headerSize}"; return false; }
            uint stored = BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(16));
            uint crc = Crc32.Append(Crc32.Compute(s.Slice(0, 16)), stackalloc byte[4]);
            crc = Crc32.Append(crc, s.Slice(20, (int)headerSize - 20));
            if (crc != stored) { error = $"header CRC32 0x{crc:X8} != 0x{stored:X8}"; return false; }
            ulong mine = BinaryPrimitives.ReadUInt64LittleEndian(s.Slice(24));
            if (mine != (ulong)myLba) { error = $"MyLBA {mine} but read from {myLba}"; return false; }
            ulong alternate = BinaryPrimitives.ReadUInt64LittleEndian(s.Slice(32));
            ulong firstUsable = BinaryPrimitives.ReadUInt64LittleEndian(s.Slice(40));
            ulong lastUsable = BinaryPrimitives.ReadUInt64LittleEndian(s.Slice(48));
            if (firstUsable > lastUsable || lastUsable >= (ulong)diskSectors) { error = $"usable range {firstUsable}..{lastUsable} on a disk of {diskSectors} sectors"; return false; }
            ulong arrayLba = BinaryPrimitives.ReadUInt64LittleEndian(s.Slice(72));
            uint count = BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(80));
            uint entrySize = BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(84));
            if (entrySize < 128 || (entrySize & (entrySize - 1)) != 0 || (ulong)count * entrySize > MaxEntryArrayBytes)
            {
                error = $"entry array of {count} x {entrySize} bytes";
                return false;
            }
            if (arrayLba >= (ulong)diskSectors) { error = $"entry array LBA {arrayLba}"; return false; }
            h = new GptHeader
            {
                AlternateLba = (long)Math.Min(alternate, long.MaxValue),
                FirstUsableLba = (long)firstUsable,
                LastUsableLba = (long)lastUsable,
                EntryArrayLba = (long)arrayLba,
                EntryCount = (int)count,
                EntrySize = (int)entrySize,
                EntryArrayCrc = BinaryPrimitives.ReadUInt32LittleEndian(s.Slice(88)),
                DiskGuid = new Guid(s.Slice(56, 16)),
            };
            error = null;
            return true;
        }
    }
}
