using System;
using System.Buffers.Binary;
using XairrosX.Plugs.Pal;

namespace XairrosX.Kernel.FileSystem.Fat;

/// <summary>
/// FAT names: validation of long names, 8.3 short names (as stored: 11 bytes, space padded, upper case), the
/// short-name basis and numeric tail (<c>LONGFI~1.TXT</c>) for names that need a long-name entry, the checksum
/// that ties long-name slots to their short entry, and the UTF-16 long-name slots themselves.
/// </summary>
public static class FatNames
{
    /// <summary>Longest long name, in UTF-16 code units.</summary>
    public const int MaxLongName = 255;
    /// <summary>Characters of a long name per slot.</summary>
    public const int CharsPerSlot = 13;
    private static readonly int[] s_slotCharOffsets = [1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30];

    /// <summary>0 when <paramref name="name"/> can name a file, else -EINVAL/-ENAMETOOLONG.</summary>
    public static int Validate(string name)
    {
        if (string.IsNullOrEmpty(name) || name == "." || name == "..") return -Errno.EINVAL;
        if (name.Length > MaxLongName) return -Errno.ENAMETOOLONG;
        foreach (char c in name)
            if (c < 0x20 || c is '"' or '*' or '/' or ':' or '<' or '>' or '?' or '\\' or '|' or '\u007F') return -Errno.EINVAL;
        // Windows strips trailing dots and spaces, so such names could not be opened there.
        char last = name[^1];
        return last is '.' or ' ' ? -Errno.EINVAL : 0;
    }

    /// <summary>The stored short name when <paramref name="name"/> is exactly a valid upper-case 8.3 name (no long
    /// name needed), else false.</summary>
    public static bool TryExactShortName(string name, byte[] shortName)
    {
        int dot = name.IndexOf('.');
        string stem = dot < 0 ? name : name.Substring(0, dot);
        string ext = dot < 0 ? "" : name.Substring(dot + 1);
        if (stem.Length is 0 or > 8 || ext.Length > 3 || (dot >= 0 && ext.Length == 0) || ext.IndexOf('.') >= 0) return false;
        foreach (char c in name)
            if (c != '.' && !IsShortChar(c)) return false;
        Fill(shortName, stem, ext);
        return true;
    }

    /// <summary>A short name for a long one: the basis (upper case, invalid characters as '_', spaces and inner dots
    /// dropped, 8 + 3) with a numeric tail that <paramref name="taken"/> does not reject; false when none is free.</summary>
    public static bool Generate(string name, Func<byte[], bool> taken, byte[] shortName)
    {
        int lastDot = name.LastIndexOf('.');
        if (lastDot == 0) lastDot = -1; // ".profile": all stem
        Span<char> stem = stackalloc char[8];
        Span<char> ext = stackalloc char[3];
        int stemLength = Basis(lastDot < 0 ? name : name.Substring(0, lastDot), stem);
        int extLength = lastDot < 0 ? 0 : Basis(name.Substring(lastDot + 1), ext);
        if (stemLength == 0) { stem[0] = '_'; stemLength = 1; }
        string extension = new string(ext.Slice(0, extLength));
        // ~1 … ~4 on the basis, then (as Windows does) the first two basis characters, four hex digits of a hash
        // of the long name and ~1: a directory of many similar names then costs one probe per name, not one per
        // earlier name. A sequential search is the last resort.
        for (int n = 1; n <= 4; n++)
            if (TryTail(stem.Slice(0, stemLength), n, extension, taken, shortName)) return true;
        uint hash = 2166136261;
        foreach (char c in name) hash = (hash ^ c) * 16777619;
        Span<char> hashed = stackalloc char[6];
        int keep = Math.Min(stemLength, 2);
        stem.Slice(0, keep).CopyTo(hashed);
        for (uint attempt = 0; attempt < 64; attempt++)
        {
            uint h = (hash ^ (attempt * 0x9E3779B9u)) & 0xFFFF;
            h.TryFormat(hashed.Slice(keep), out _, "X4");
            if (TryTail(hashed.Slice(0, keep + 4), 1, extension, taken, shortName)) return true;
        }
        for (int n = 5; n < 1000000; n++)
            if (TryTail(stem.Slice(0, stemLength), n, extension, taken, shortName)) return true;
        return false;
    }

    // basis~n (the basis cut so that the whole stem stays within 8 characters); true when not taken.
    private static bool TryTail(ReadOnlySpan<char> stem, int n, string extension, Func<byte[], bool> taken, byte[] shortName)
    {
        Span<char> candidate = stackalloc char[8];
        Span<char> tail = stackalloc char[8];
        tail[0] = '~';
        n.TryFormat(tail.Slice(1), out int digits);
        int keep = Math.Min(stem.Length, 8 - (digits + 1));
        stem.Slice(0, keep).CopyTo(candidate);
        tail.Slice(0, digits + 1).CopyTo(candidate.Slice(keep));
        Fill(shortName, new string(candidate.Slice(0, keep + digits + 1)), extension);
        return !taken(shortName);
    }

    /// <summary>The display form of a stored short name, honouring the NT lower-case bits.</summary>
    public static string ShortToString(ReadOnlySpan<byte> shortName, byte caseFlags)
    {
        Span<char> chars = stackalloc char[12];
        int n = 0;
        for (int i = 0; i < 8 && shortName[i] != ' '; i++)
        {
            byte b = i == 0 && shortName[0] == 0x05 ? (byte)0xE5 : shortName[i];
            chars[n++] = ToChar(b, (caseFlags & FatEntry.LowerBase) != 0);
        }
        if (shortName[8] != ' ')
        {
            chars[n++] = '.';
            for (int i = 8; i < 11 && shortName[i] != ' '; i++) chars[n++] = ToChar(shortName[i], (caseFlags & FatEntry.LowerExtension) != 0);
        }
        return new string(chars.Slice(0, n));
    }

    /// <summary>The checksum of a short name stored in each of its long-name slots.</summary>
    public static byte Checksum(ReadOnlySpan<byte> shortName)
    {
        byte sum = 0;
        for (int i = 0; i < 11; i++) sum = (byte)(((sum & 1) << 7) + (sum >> 1) + shortName[i]);
        return sum;
    }

    /// <summary>Long-name slots needed for <paramref name="name"/>.</summary>
    public static int SlotsFor(string name) => (name.Length + CharsPerSlot - 1) / CharsPerSlot;

    /// <summary>Writes long-name slot number <paramref name="ordinal"/> (1-based; the last one gets 0x40).</summary>
    public static void EncodeSlot(Span<byte> slot, string name, int ordinal, byte checksum)
    {
        slot.Slice(0, 32).Clear();
        bool last = ordinal == SlotsFor(name);
        slot[0] = (byte)(ordinal | (last ? 0x40 : 0));
        slot[11] = FatEntry.AttrLongName;
        slot[13] = checksum;
        int start = (ordinal - 1) * CharsPerSlot;
        for (int i = 0; i < CharsPerSlot; i++)
        {
            int k = start + i;
            ushort unit = k < name.Length ? name[k] : k == name.Length ? (ushort)0 : (ushort)0xFFFF;
            BinaryPrimitives.WriteUInt16LittleEndian(slot.Slice(s_slotCharOffsets[i]), unit);
        }
    }

    /// <summary>Copies the characters of a long-name slot into <paramref name="name"/> at its place (the buffer holds
    /// 20 × 13 units); returns how many characters end before the NUL (13 when the slot is full).</summary>
    public static int DecodeSlot(ReadOnlySpan<byte> slot, Span<char> name, int ordinal)
    {
        int start = (ordinal - 1) * CharsPerSlot;
        for (int i = 0; i < CharsPerSlot; i++)
        {
            char c = (char)BinaryPrimitives.ReadUInt16LittleEndian(slot.Slice(s_slotCharOffsets[i]));
            if (c == '\0') return i;
            name[start + i] = c;
        }
        return CharsPerSlot;
    }

    private static bool IsShortChar(char c) =>
        c is >= 'A' and <= 'Z' or >= '0' and <= '9' || "!#$%&'()-@^_`{}~".IndexOf(c) >= 0;

    // Upper-cases into the basis, replacing what a short name cannot hold by '_' and dropping spaces and dots.
    private static int Basis(string part, Span<char> into)
    {
        int n = 0;
        foreach (char ch in part)
        {
            if (n == into.Length) break;
            if (ch is ' ' or '.') continue;
            char c = ch is >= 'a' and <= 'z' ? (char)(ch - 32) : ch;
            into[n++] = IsShortChar(c) ? c : '_';
        }
        return n;
    }

    private static void Fill(byte[] shortName, string stem, string ext)
    {
        shortName.AsSpan().Fill((byte)' ');
        for (int i = 0; i < stem.Length; i++) shortName[i] = (byte)stem[i];
        for (int i = 0; i < ext.Length; i++) shortName[8 + i] = (byte)ext[i];
        if (shortName[0] == 0xE5) shortName[0] = 0x05;
    }

    // Short names are OEM code page bytes; bytes above 0x7F are shown as their Latin-1 value (code page 437 is not
    // modelled).
    private static char ToChar(byte b, bool lower) => lower && b is >= (byte)'A' and <= (byte)'Z' ? (char)(b + 32) : (char)b;
}
