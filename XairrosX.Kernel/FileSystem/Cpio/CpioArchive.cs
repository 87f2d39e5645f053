using System;
using System.Collections.Generic;
using System.Text;

namespace XairrosX.Kernel.FileSystem.Cpio;

/// <summary>A cpio archive that cannot be read: bad magic, bad hex field, a name or data running past the end,
/// a missing trailer. The message names the byte offset of the offending header.</summary>
public sealed class CpioFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public CpioFormatException(string message) : base(message) { }
}

/// <summary>One member of a cpio archive; its data is <c>archive[DataOffset .. DataOffset + DataLength]</c>.</summary>
/// <param name="Path">Normalized relative path ("models/mnist/model.onnx"; no leading "./" or "/").</param>
/// <param name="Mode">st_mode: file type (S_IFMT bits) and permissions.</param>
/// <param name="ModifiedTime">Seconds since the Unix epoch.</param>
/// <param name="DataOffset">Offset of the data in the archive.</param>
/// <param name="DataLength">Bytes of data.</param>
public readonly record struct CpioEntry(string Path, uint Mode, uint ModifiedTime, int DataOffset, int DataLength)
{
    /// <summary>S_IFMT: the file-type bits of a mode.</summary>
    public const uint TypeMask = 0xF000;
    /// <summary>S_IFREG.</summary>
    public const uint RegularFile = 0x8000;
    /// <summary>S_IFDIR.</summary>
    public const uint Directory = 0x4000;

    /// <summary>A regular file.</summary>
    public bool IsFile => (Mode & TypeMask) == RegularFile;
    /// <summary>A directory.</summary>
    public bool IsDirectory => (Mode & TypeMask) == Directory;
}

/// <summary>
/// Reader of the SVR4 "newc" cpio format (magic 070701, or 070702 with checksums) that Linux initramfs and
/// <c>cpio -H newc</c> use: a 110-byte ASCII header of thirteen 8-digit hex fields, the NUL-terminated name,
/// padding to 4 bytes, the data, padding to 4 bytes; the member named "TRAILER!!!" ends the archive.
/// Everything is bounds-checked: a malformed archive is a <see cref="CpioFormatException"/>, never an
/// out-of-range access.
/// </summary>
public static class CpioArchive
{
    private const int HeaderSize = 110, MaxNameSize = 4096;
    private const string Trailer = "TRAILER!!!";

    /// <summary>Parses the members (the trailer excluded) in archive order.</summary>
    /// <exception cref="CpioFormatException">The archive is malformed or truncated.</exception>
    public static List<CpioEntry> Parse(ReadOnlySpan<byte> archive)
    {
        var entries = new List<CpioEntry>();
        long offset = 0;
        while (true)
        {
            if (archive.Length - offset < HeaderSize)
                throw new CpioFormatException($"cpio: truncated header at offset {offset} (archive of {archive.Length} bytes ends without {Trailer})");
            ReadOnlySpan<byte> header = archive.Slice((int)offset, HeaderSize);
            if (!header.StartsWith("07070"u8) || (header[5] != (byte)'1' && header[5] != (byte)'2'))
                throw new CpioFormatException($"cpio: bad magic at offset {offset} (expected 070701 or 070702, the newc format)");
            uint mode = Hex(header, 1, offset), mtime = Hex(header, 5, offset);
            uint fileSize = Hex(header, 6, offset), nameSize = Hex(header, 11, offset);
            if (nameSize < 2 || nameSize > MaxNameSize)
                throw new CpioFormatException($"cpio: name size {nameSize} at offset {offset} (must be 2..{MaxNameSize})");
            long nameStart = offset + HeaderSize;
            if (nameStart + nameSize > archive.Length)
                throw new CpioFormatException($"cpio: name of member at offset {offset} runs past the end of the archive");
            ReadOnlySpan<byte> rawName = archive.Slice((int)nameStart, (int)nameSize);
            if (rawName[^1] != 0 || rawName.Slice(0, rawName.Length - 1).IndexOf((byte)0) >= 0)
                throw new CpioFormatException($"cpio: name of member at offset {offset} is not a NUL-terminated string");
            string name = Encoding.UTF8.GetString(rawName.Slice(0, rawName.Length - 1));
            long dataStart = Align4(nameStart + nameSize);
            if (name == Trailer) return entries;
            if (dataStart + fileSize > archive.Length)
                throw new CpioFormatException($"cpio: data of '{name}' ({fileSize} bytes at offset {dataStart}) runs past the end of the archive ({archive.Length} bytes)");
            string path = NormalizeMemberPath(name, offset);
            if (path.Length > 0) entries.Add(new CpioEntry(path, mode, mtime, (int)dataStart, (int)fileSize));
            offset = Align4(dataStart + fileSize);
        }
    }

    private static long Align4(long value) => (value + 3) & ~3L;

    // Field `index` (0 = c_ino … 12 = c_check) of a header: eight hex digits.
    private static uint Hex(ReadOnlySpan<byte> header, int index, long headerOffset)
    {
        uint value = 0;
        ReadOnlySpan<byte> digits = header.Slice(6 + 8 * index, 8);
        foreach (byte c in digits)
        {
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) throw new CpioFormatException($"cpio: header field {index} at offset {headerOffset} is not hexadecimal");
            value = value << 4 | (uint)d;
        }
        return value;
    }

    // "./a//b/" -> "a/b"; "." -> "" (the root itself). ".." components would escape the root: rejected.
    private static string NormalizeMemberPath(string name, long headerOffset)
    {
        var parts = new List<string>();
        foreach (string part in name.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..") throw new CpioFormatException($"cpio: member '{name}' at offset {headerOffset} has a '..' component");
            parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
