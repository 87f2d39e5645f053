using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace XairrosX.Kernel.Boot;

/// <summary>Kind of a physical memory range in the boot memory map.</summary>
public enum MemoryKind : uint
{
    /// <summary>Usable RAM.</summary>
    Available = 1,
    /// <summary>Reserved by firmware or devices.</summary>
    Reserved = 2,
    /// <summary>ACPI tables, reclaimable after reading them.</summary>
    AcpiReclaimable = 3,
    /// <summary>ACPI non-volatile storage.</summary>
    AcpiNvs = 4,
    /// <summary>Defective RAM.</summary>
    Bad = 5,
}

/// <summary>One range of the boot memory map.</summary>
public readonly record struct MemoryRegion(ulong Base, ulong Length, MemoryKind Kind)
{
    /// <summary>First address past the range.</summary>
    public ulong End => Base + Length;
}

/// <summary>Kind of display mode in the framebuffer tag.</summary>
public enum FramebufferType : byte
{
    /// <summary>Palette-indexed pixels.</summary>
    Indexed = 0,
    /// <summary>Direct RGB pixels (the channel layout is in <see cref="FramebufferInfo"/>).</summary>
    Rgb = 1,
    /// <summary>EGA text mode (width and height in characters): the VGA text console applies.</summary>
    EgaText = 2,
}

/// <summary>The framebuffer GRUB set up (Multiboot2 tag 8).</summary>
/// <param name="Address">Physical address.</param>
/// <param name="Pitch">Bytes per line.</param>
/// <param name="Width">Pixels (characters in text mode) per line.</param>
/// <param name="Height">Lines.</param>
/// <param name="BitsPerPixel">Bits per pixel.</param>
/// <param name="Type">Indexed, RGB or EGA text.</param>
/// <param name="RedPosition">RGB only: bit position of red.</param>
/// <param name="RedSize">RGB only: bits of red.</param>
/// <param name="GreenPosition">RGB only: bit position of green.</param>
/// <param name="GreenSize">RGB only: bits of green.</param>
/// <param name="BluePosition">RGB only: bit position of blue.</param>
/// <param name="BlueSize">RGB only: bits of blue.</param>
public readonly record struct FramebufferInfo(ulong Address, uint Pitch, uint Width, uint Height, byte BitsPerPixel, FramebufferType Type,
    byte RedPosition = 0, byte RedSize = 0, byte GreenPosition = 0, byte GreenSize = 0, byte BluePosition = 0, byte BlueSize = 0);

/// <summary>A file GRUB loaded beside the kernel (<c>module2</c>): its physical range and command line.</summary>
/// <param name="Start">Physical address of the first byte.</param>
/// <param name="End">Physical address past the last byte.</param>
/// <param name="CommandLine">What followed the file name on the module2 line (GRUB passes the path when nothing else).</param>
public readonly record struct BootModule(ulong Start, ulong End, string CommandLine)
{
    /// <summary>Size in bytes.</summary>
    public ulong Length => End - Start;
}

/// <summary>What the boot loader told the kernel, parsed from the Multiboot2 information structure.</summary>
public sealed class BootInfo
{
    /// <summary>The kernel command line ("" when none).</summary>
    public string CommandLine { get; init; } = "";
    /// <summary>The boot loader's name.</summary>
    public string BootLoader { get; init; } = "";
    /// <summary>The physical memory map.</summary>
    public IReadOnlyList<MemoryRegion> MemoryMap { get; init; } = Array.Empty<MemoryRegion>();
    /// <summary>The framebuffer, when GRUB set one up.</summary>
    public FramebufferInfo? Framebuffer { get; init; }
    /// <summary>Address of the ACPI RSDP copy inside the boot information (0 when absent; ACPI 2.0+ preferred).</summary>
    public ulong RsdpAddress { get; init; }
    /// <summary>Bytes of usable RAM in the map.</summary>
    public ulong AvailableBytes { get; init; }
    /// <summary>Modules (type-3 tags) in the order GRUB loaded them.</summary>
    public IReadOnlyList<BootModule> Modules { get; init; } = Array.Empty<BootModule>();
}

/// <summary>
/// Reads the Multiboot2 boot information: an 8-byte header (total size, reserved) then 8-aligned tags
/// {type, size, payload}, ended by a type-0 tag. Two entry points: <see cref="ForEachAvailableRegion"/>
/// walks the memory map without allocating (used before the heap exists) and <see cref="Parse"/> builds a
/// <see cref="BootInfo"/>. Malformed input (sizes past the end, misordered tags) is a FormatException.
/// </summary>
public static class Multiboot2
{
    /// <summary>The value GRUB passes in EAX for a Multiboot2 boot.</summary>
    public const uint BootloaderMagic = 0x36D76289;
    private const uint TagEnd = 0, TagCommandLine = 1, TagBootLoaderName = 2, TagModule = 3, TagMemoryMap = 6, TagFramebuffer = 8,
        TagAcpiOld = 14, TagAcpiNew = 15;

    /// <summary>Total size of the structure, read from its header (0 when too short).</summary>
    public static uint TotalSize(ReadOnlySpan<byte> header) => header.Length < 8 ? 0 : BinaryPrimitives.ReadUInt32LittleEndian(header);

    /// <summary>Calls <paramref name="visit"/> for each available RAM range; returns false when malformed.</summary>
    public static unsafe bool ForEachAvailableRegion(ReadOnlySpan<byte> info, delegate*<ulong, ulong, void> visit)
    {
        var tags = new TagEnumerator(info);
        while (tags.MoveNext(out uint type, out ReadOnlySpan<byte> payload))
        {
            if (type != TagMemoryMap) continue;
            if (!TryReadMemoryMapHeader(payload, out uint entrySize)) return false;
            for (int off = 8; off + 24 <= payload.Length; off += (int)entrySize)
            {
                ulong b = BinaryPrimitives.ReadUInt64LittleEndian(payload.Slice(off));
                ulong len = BinaryPrimitives.ReadUInt64LittleEndian(payload.Slice(off + 8));
                uint kind = BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(off + 16));
                if (kind == (uint)MemoryKind.Available && len != 0) visit(b, b + len);
            }
        }
        return !tags.Malformed;
    }

    /// <summary>
    /// Calls <paramref name="visit"/> with the physical range of each module (before the heap exists, so that
    /// the page allocator can be kept off them); returns false when malformed. Modules whose end precedes
    /// their start are skipped here and rejected by <see cref="Parse"/>.
    /// </summary>
    public static unsafe bool ForEachModule(ReadOnlySpan<byte> info, delegate*<ulong, ulong, void> visit)
    {
        var tags = new TagEnumerator(info);
        while (tags.MoveNext(out uint type, out ReadOnlySpan<byte> payload))
        {
            if (type != TagModule || payload.Length < 8) continue;
            uint start = BinaryPrimitives.ReadUInt32LittleEndian(payload), end = BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(4));
            if (end >= start) visit(start, end);
        }
        return !tags.Malformed;
    }

    /// <summary>Parses the whole structure, located at <paramref name="physicalAddress"/> in memory.</summary>
    /// <exception cref="FormatException">The structure is truncated or inconsistent.</exception>
    public static BootInfo Parse(ReadOnlySpan<byte> info, ulong physicalAddress = 0)
    {
        uint total = TotalSize(info);
        if (total < 16 || total > info.Length) throw new FormatException($"multiboot2: total size {total} does not fit the {info.Length}-byte buffer");
        info = info.Slice(0, (int)total);
        string commandLine = "", loader = "";
        var map = new List<MemoryRegion>();
        var modules = new List<BootModule>();
        FramebufferInfo? framebuffer = null;
        ulong rsdp = 0, available = 0;
        var tags = new TagEnumerator(info);
        while (tags.MoveNext(out uint type, out ReadOnlySpan<byte> payload))
        {
            switch (type)
            {
                case TagCommandLine: commandLine = CString(payload); break;
                case TagBootLoaderName: loader = CString(payload); break;
                case TagModule:
                    if (payload.Length < 8) throw new FormatException($"multiboot2: module tag of {payload.Length} bytes, expected at least 8");
                    uint modStart = BinaryPrimitives.ReadUInt32LittleEndian(payload), modEnd = BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(4));
                    if (modEnd < modStart) throw new FormatException($"multiboot2: module ends (0x{modEnd:X}) before it starts (0x{modStart:X})");
                    modules.Add(new BootModule(modStart, modEnd, CString(payload.Slice(8))));
                    break;
                case TagMemoryMap:
                    if (!TryReadMemoryMapHeader(payload, out uint entrySize)) throw new FormatException("multiboot2: bad memory map entry size");
                    for (int off = 8; off + 24 <= payload.Length; off += (int)entrySize)
                    {
                        var region = new MemoryRegion(
                            BinaryPrimitives.ReadUInt64LittleEndian(payload.Slice(off)),
                            BinaryPrimitives.ReadUInt64LittleEndian(payload.Slice(off + 8)),
                            (MemoryKind)BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(off + 16)));
                        map.Add(region);
                        if (region.Kind == MemoryKind.Available) available += region.Length;
                    }
                    break;
                case TagFramebuffer:
                    framebuffer = ReadFramebuffer(payload);
                    break;
                case TagAcpiOld when rsdp == 0:
                case TagAcpiNew:
                    rsdp = physicalAddress + (ulong)tags.LastPayloadOffset;
                    break;
            }
        }
        if (tags.Malformed) throw new FormatException("multiboot2: a tag runs past the end of the structure");
        return new BootInfo { CommandLine = commandLine, BootLoader = loader, MemoryMap = map, Framebuffer = framebuffer, RsdpAddress = rsdp, AvailableBytes = available, Modules = modules };
    }

    // Payload: address u64, pitch u32, width u32, height u32, bpp u8, type u8, reserved u16, then for RGB
    // the position and size of red, green and blue (u8 each). GRUB writes the reserved field as 16 bits.
    private static FramebufferInfo ReadFramebuffer(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 22) throw new FormatException($"multiboot2: framebuffer tag of {payload.Length} bytes, expected at least 22");
        var type = (FramebufferType)payload[21];
        if (type == FramebufferType.Rgb && payload.Length < 30)
            throw new FormatException($"multiboot2: RGB framebuffer tag of {payload.Length} bytes lacks its colour layout (30)");
        return new FramebufferInfo(
            BinaryPrimitives.ReadUInt64LittleEndian(payload),
            BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(8)),
            BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(12)),
            BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(16)),
            payload[20], type,
            type == FramebufferType.Rgb ? payload[24] : (byte)0, type == FramebufferType.Rgb ? payload[25] : (byte)0,
            type == FramebufferType.Rgb ? payload[26] : (byte)0, type == FramebufferType.Rgb ? payload[27] : (byte)0,
            type == FramebufferType.Rgb ? payload[28] : (byte)0, type == FramebufferType.Rgb ? payload[29] : (byte)0);
    }

    private static bool TryReadMemoryMapHeader(ReadOnlySpan<byte> payload, out uint entrySize)
    {
        entrySize = payload.Length >= 8 ? BinaryPrimitives.ReadUInt32LittleEndian(payload) : 0;
        return entrySize >= 24 && entrySize <= 4096;
    }

    private static string CString(ReadOnlySpan<byte> payload)
    {
        int n = payload.IndexOf((byte)0);
        return Encoding.UTF8.GetString(n < 0 ? payload : payload.Slice(0, n));
    }

    /// <summary>Walks the tags after the 8-byte header; stops at the end tag or at the first malformed one.</summary>
    private ref struct TagEnumerator
    {
        private readonly ReadOnlySpan<byte> _info;
        private int _offset;
        public bool Malformed;
        public int LastPayloadOffset;

        public TagEnumerator(ReadOnlySpan<byte> info)
        {
            uint total = TotalSize(info);
            _info = total >= 8 && total <= info.Length ? info.Slice(0, (int)total) : ReadOnlySpan<byte>.Empty;
            Malformed = _info.IsEmpty;
            _offset = 8;
            LastPayloadOffset = 0;
        }

        public bool MoveNext(out uint type, out ReadOnlySpan<byte> payload)
        {
            type = 0;
            payload = default;
            if (Malformed || _offset + 8 > _info.Length) return false;
            type = BinaryPrimitives.ReadUInt32LittleEndian(_info.Slice(_offset));
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(_info.Slice(_offset + 4));
            if (type == TagEnd) return false;
            if (size < 8 || size > _info.Length - _offset) { Malformed = true; return false; }
            payload = _info.Slice(_offset + 8, (int)size - 8);
            LastPayloadOffset = _offset + 8;
            _offset += (int)((size + 7) & ~7u);
            return true;
        }
    }
}
