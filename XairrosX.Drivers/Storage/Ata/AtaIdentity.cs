using System;
using System.Text;

namespace XairrosX.Drivers.Storage.Ata;

/// <summary>
/// The fields of an ATA IDENTIFY DEVICE block (256 words, ATA8-ACS §7.16) the driver needs: whether the device is a
/// plain ATA disk, its LBA28 and LBA48 capacities, and the model and serial strings (stored byte-swapped per word).
/// </summary>
public sealed class AtaIdentity
{
    private AtaIdentity(string model, string serial, long lba28Sectors, bool supportsLba48, long lba48Sectors)
    {
        Model = model;
        Serial = serial;
        Lba28Sectors = lba28Sectors;
        SupportsLba48 = supportsLba48;
        Lba48Sectors = lba48Sectors;
    }

    /// <summary>Model number (words 27–46), trimmed.</summary>
    public string Model { get; }
    /// <summary>Serial number (words 10–19), trimmed.</summary>
    public string Serial { get; }
    /// <summary>Sectors addressable with 28-bit LBA (words 60–61).</summary>
    public long Lba28Sectors { get; }
    /// <summary>Whether the 48-bit feature set is supported (word 83 bit 10).</summary>
    public bool SupportsLba48 { get; }
    /// <summary>Sectors addressable with 48-bit LBA (words 100–103; 0 without LBA48).</summary>
    public long Lba48Sectors { get; }

    /// <summary>The capacity the driver uses: LBA48's when supported, else LBA28's.</summary>
    public long SectorCount => SupportsLba48 && Lba48Sectors > 0 ? Lba48Sectors : Lba28Sectors;

    /// <summary>
    /// Decodes a 512-byte IDENTIFY block. Returns null when it does not describe a usable ATA disk (word 0 bit 15 set:
    /// not ATA; no LBA support in word 49 bit 9; zero capacity).
    /// </summary>
    public static AtaIdentity TryParse(ReadOnlySpan<ushort> words)
    {
        if (words.Length < 256) return null;
        if ((words[0] & 0x8000) != 0 || (words[49] & 0x0200) == 0) return null;
        long lba28 = words[60] | ((long)words[61] << 16);
        bool lba48 = (words[83] & 0x0400) != 0;
        long lba48Count = lba48 ? words[100] | ((long)words[101] << 16) | ((long)words[102] << 32) | ((long)words[103] << 48) : 0;
        var identity = new AtaIdentity(Text(words.Slice(27, 20)), Text(words.Slice(10, 10)), lba28, lba48, lba48Count);
        return identity.SectorCount > 0 ? identity : null;
    }

    private static string Text(ReadOnlySpan<ushort> words)
    {
        var sb = new StringBuilder(words.Length * 2);
        foreach (ushort w in words)
        {
            sb.Append(Printable((byte)(w >> 8)));
            sb.Append(Printable((byte)w));
        }
        return sb.ToString().Trim();
    }

    private static char Printable(byte b) => b is >= 0x20 and < 0x7F ? (char)b : ' ';
}
