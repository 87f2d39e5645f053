using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using XairrosX.Drivers.Platform;

namespace XairrosX.Drivers.Acpi;

/// <summary>One ACPI system description table: its signature, where it is, and its bytes.</summary>
public sealed record AcpiTable(string Signature, ulong Address, byte Revision, string OemId, byte[] Data);

/// <summary>
/// Finds the ACPI tables from the RSDP: validates the RSDP (and its extended checksum for ACPI 2.0+),
/// walks the XSDT (or the RSDT on ACPI 1.0), and keeps every table whose length and checksum are sound.
/// Tables that fail validation are listed in <see cref="Rejected"/> with the reason instead of being used.
/// </summary>
public sealed class AcpiTables
{
    private const int HeaderLength = 36;
    private readonly List<AcpiTable> _tables = new();
    private readonly List<string> _rejected = new();

    /// <summary>The valid tables, in the order the root table lists them.</summary>
    public IReadOnlyList<AcpiTable> Tables => _tables;
    /// <summary>Tables that were skipped, with the reason.</summary>
    public IReadOnlyList<string> Rejected => _rejected;
    /// <summary>ACPI revision from the RSDP (0 = ACPI 1.0).</summary>
    public byte Revision { get; private set; }

    /// <summary>Reads the tables reachable from the RSDP at <paramref name="rsdpAddress"/>.</summary>
    /// <exception cref="FormatException">The RSDP itself is missing or invalid.</exception>
    public static AcpiTables Load(IPhysicalMemory memory, ulong rsdpAddress)
    {
        ReadOnlySpan<byte> rsdp = memory.Read(rsdpAddress, 20);
        if (rsdp.Length < 20 || !rsdp.Slice(0, 8).SequenceEqual("RSD PTR "u8)) throw new FormatException("acpi: no RSDP signature");
        if (Sum(rsdp) != 0) throw new FormatException("acpi: RSDP checksum mismatch");
        var result = new AcpiTables { Revision = rsdp[15] };
        ulong root = BinaryPrimitives.ReadUInt32LittleEndian(rsdp.Slice(16));
        int entrySize = 4;
        if (result.Revision >= 2)
        {
            ReadOnlySpan<byte> extended = memory.Read(rsdpAddress, 36);
            if (extended.Length == 36 && Sum(extended) == 0 && BinaryPrimitives.ReadUInt64LittleEndian(extended.Slice(24)) != 0)
            {
                root = BinaryPrimitives.ReadUInt64LittleEndian(extended.Slice(24));
                entrySize = 8;
            }
        }
        byte[] rootTable = result.ReadTable(memory, root, entrySize == 8 ? "XSDT" : "RSDT") ?? throw new FormatException("acpi: root table invalid");
        for (int offset = HeaderLength; offset + entrySize <= rootTable.Length; offset += entrySize)
        {
            ulong address = entrySize == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(rootTable.AsSpan(offset)) : BinaryPrimitives.ReadUInt32LittleEndian(rootTable.AsSpan(offset));
            byte[] table = result.ReadTable(memory, address, null);
            if (table != null) result._tables.Add(Describe(address, table));
        }
        // The DSDT is reached through the FADT, not the root table.
        AcpiTable fadt = result.Find("FACP");
        if (fadt != null)
        {
            ulong dsdt = fadt.Data.Length >= 148 ? BinaryPrimitives.ReadUInt64LittleEndian(fadt.Data.AsSpan(140)) : 0;
            if (dsdt == 0 && fadt.Data.Length >= 44) dsdt = BinaryPrimitives.ReadUInt32LittleEndian(fadt.Data.AsSpan(40));
            byte[] dsdtTable = dsdt == 0 ? null : result.ReadTable(memory, dsdt, "DSDT");
            if (dsdtTable != null) result._tables.Add(Describe(dsdt, dsdtTable));
        }
        return result;
    }

    /// <summary>The first table with a signature, or null.</summary>
    public AcpiTable Find(string signature) => _tables.Find(t => t.Signature == signature);

    private byte[] ReadTable(IPhysicalMemory memory, ulong address, string expected)
    {
        ReadOnlySpan<byte> header = memory.Read(address, HeaderLength);
        if (header.Length < HeaderLength) { _rejected.Add($"0x{address:x}: unreadable"); return null; }
        string signature = Encoding.ASCII.GetString(header.Slice(0, 4));
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(4));
        if (expected != null && signature != expected) { _rejected.Add($"0x{address:x}: expected {expected}, found '{signature}'"); return null; }
        if (length < HeaderLength || length > 1 << 20) { _rejected.Add($"{signature} at 0x{address:x}: bad length {length}"); return null; }
        ReadOnlySpan<byte> bytes = memory.Read(address, (int)length);
        if (bytes.Length != length) { _rejected.Add($"{signature} at 0x{address:x}: truncated"); return null; }
        if (Sum(bytes) != 0) { _rejected.Add($"{signature} at 0x{address:x}: checksum mismatch"); return null; }
        return bytes.ToArray();
    }

    private static AcpiTable Describe(ulong address, byte[] table) =>
        new(Encoding.ASCII.GetString(table, 0, 4), address, table[8], Encoding.ASCII.GetString(table, 10, 6).TrimEnd(' ', '\0'), table);

    private static byte Sum(ReadOnlySpan<byte> bytes)
    {
        byte sum = 0;
        foreach (byte b in bytes) sum += b;
        return sum;
    }
}
