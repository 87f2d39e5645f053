using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using XairrosX.Kernel.Boot;
using Xunit;

namespace XairrosX.Tests.Kernel;

public class Multiboot2Tests
{
    // Builds a Multiboot2 information structure the way GRUB lays it out.
    private static byte[] Build(params (uint Type, byte[] Payload)[] tags)
    {
        var bytes = new List<byte>(new byte[8]);
        foreach (var (type, payload) in tags)
        {
            var header = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(header, type);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)(8 + payload.Length));
            bytes.AddRange(header);
            bytes.AddRange(payload);
            while (bytes.Count % 8 != 0) bytes.Add(0);
        }
        bytes.AddRange(new byte[] { 0, 0, 0, 0, 8, 0, 0, 0 });
        byte[] result = bytes.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result, (uint)result.Length);
        return result;
    }

    private static byte[] MemoryMap(params (ulong Base, ulong Length, uint Kind)[] entries)
    {
        var payload = new byte[8 + 24 * entries.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, 24);
        for (int i = 0; i < entries.Length; i++)
        {
            Span<byte> e = payload.AsSpan(8 + 24 * i);
            BinaryPrimitives.WriteUInt64LittleEndian(e, entries[i].Base);
            BinaryPrimitives.WriteUInt64LittleEndian(e.Slice(8), entries[i].Length);
            BinaryPrimitives.WriteUInt32LittleEndian(e.Slice(16), entries[i].Kind);
        }
        return payload;
    }

    private static byte[] CString(string s) => [.. System.Text.Encoding.UTF8.GetBytes(s), 0];

    [Fact]
    public void ParsesCommandLineLoaderAndMemoryMap()
    {
        byte[] info = Build(
            (1, CString("console=serial quiet")),
            (2, CString("GRUB 2.06")),
            (6, MemoryMap((0, 0x9FC00, 1), (0x9FC00, 0x400, 2), (0x100000, 0x7EE0000, 1), (0xFFFC0000, 0x40000, 2))));
        BootInfo boot = Multiboot2.Parse(info, 0x10000);
        Assert.Equal("console=serial quiet", boot.CommandLine);
        Assert.Equal("GRUB 2.06", boot.BootLoader);
        Assert.Equal(4, boot.MemoryMap.Count);
        Assert.Equal(0x9FC00UL + 0x7EE0000UL, boot.AvailableBytes);
        Assert.Equal(MemoryKind.Reserved, boot.MemoryMap[3].Kind);
        Assert.Equal(0x100000UL + 0x7EE0000UL, boot.MemoryMap[2].End);
    }

    [Fact]
    public void RsdpAddressPointsIntoTheStructureAndPrefersAcpi2()
    {
        byte[] info = Build((14, new byte[20]), (15, new byte[36]));
        BootInfo boot = Multiboot2.Parse(info, 0x20000);
        // header 8 + tag14 (8 + 20 → 32 aligned) → tag15 payload at 8 + 32 + 8
        Assert.Equal(0x20000UL + 48, boot.RsdpAddress);
    }

    private static unsafe List<(ulong, ulong)> AvailableRanges(byte[] info, out bool ok)
    {
        s_ranges.Clear();
        ok = Multiboot2.ForEachAvailableRegion(info, &Collect);
        return new List<(ulong, ulong)>(s_ranges);
    }

    private static readonly List<(ulong, ulong)> s_ranges = new();
    private static void Collect(ulong start, ulong end) => s_ranges.Add((start, end));

    [Fact]
    public void AllocationFreeWalkReportsOnlyAvailableRam()
    {
        byte[] info = Build((6, MemoryMap((0, 0x9FC00, 1), (0x9FC00, 0x400, 2), (0x100000, 0x100000, 1))));
        var ranges = AvailableRanges(info, out bool ok);
        Assert.True(ok);
        Assert.Equal([(0UL, 0x9FC00UL), (0x100000UL, 0x200000UL)], ranges);
    }

    [Fact]
    public void TruncatedOrCorruptStructuresAreRejected()
    {
        byte[] good = Build((1, CString("x")), (6, MemoryMap((0x100000, 0x1000, 1))));
        Assert.Throws<FormatException>(() => Multiboot2.Parse(good.AsSpan(0, 12)));
        byte[] badTag = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(badTag.AsSpan(12), 0xFFFF); // first tag's size runs past the end
        Assert.Throws<FormatException>(() => Multiboot2.Parse(badTag));
        byte[] badEntrySize = Build((6, MemoryMap((0x100000, 0x1000, 1))));
        BinaryPrimitives.WriteUInt32LittleEndian(badEntrySize.AsSpan(16), 3);
        Assert.Throws<FormatException>(() => Multiboot2.Parse(badEntrySize));
        AvailableRanges(badTag, out bool ok);
        Assert.False(ok);
    }

    [Fact]
    public void RandomBytesNeverEscapeAsAnythingButFormatException()
    {
        var rng = new Random(1234);
        byte[] good = Build((1, CString("console")), (6, MemoryMap((0x100000, 0x1000, 1), (0, 0x9000, 1))));
        for (int i = 0; i < 5000; i++)
        {
            byte[] mutated = (byte[])good.Clone();
            int flips = rng.Next(1, 6);
            for (int f = 0; f < flips; f++) mutated[rng.Next(mutated.Length)] ^= (byte)(1 << rng.Next(8));
            if (rng.Next(4) == 0) Array.Resize(ref mutated, rng.Next(mutated.Length));
            try
            {
                BootInfo boot = Multiboot2.Parse(mutated);
                Assert.NotNull(boot.MemoryMap);
            }
            catch (FormatException) { }
            AvailableRanges(mutated, out _);
        }
    }

    // GRUB's layout: address, pitch, width, height, bpp, type, a 16-bit reserved field, then the RGB layout.
    private static byte[] FramebufferTag(ulong address, uint pitch, uint width, uint height, byte bpp, byte type, params byte[] layout)
    {
        var payload = new byte[24 + layout.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(payload, address);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(8), pitch);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(12), width);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(16), height);
        payload[20] = bpp;
        payload[21] = type;
        layout.CopyTo(payload, 24);
        return payload;
    }

    [Fact]
    public void ReadsAnRgbFramebufferWithItsColourLayout()
    {
        BootInfo boot = Multiboot2.Parse(Build((8, FramebufferTag(0xFD000000, 4096, 1024, 768, 32, 1, 16, 8, 8, 8, 0, 8))));
        Assert.Equal(new FramebufferInfo(0xFD000000, 4096, 1024, 768, 32, FramebufferType.Rgb, 16, 8, 8, 8, 0, 8), boot.Framebuffer);
        BootInfo text = Multiboot2.Parse(Build((8, FramebufferTag(0xB8000, 160, 80, 25, 16, 2))));
        Assert.Equal(FramebufferType.EgaText, text.Framebuffer?.Type);
        Assert.Contains("EgaText", DrawableReason(text));
    }

    private static string? DrawableReason(BootInfo boot)
    {
        XairrosX.Kernel.Boot.ScreenSetup.Drawable(boot.Framebuffer, out string reason);
        return reason;
    }

    [Fact]
    public void ScreenSetupAcceptsOnlyDrawableModes()
    {
        var rgb = new FramebufferInfo(0xFD000000, 4096, 1024, 768, 32, FramebufferType.Rgb, 16, 8, 8, 8, 0, 8);
        Assert.Equal(0xFD000000UL, XairrosX.Kernel.Boot.ScreenSetup.Drawable(rgb, out _)?.Address);
        Assert.Null(XairrosX.Kernel.Boot.ScreenSetup.Drawable(null, out string none));
        Assert.Contains("no framebuffer", none);
        Assert.Null(XairrosX.Kernel.Boot.ScreenSetup.Drawable(rgb with { BitsPerPixel = 8 }, out string bpp));
        Assert.Contains("8 bpp", bpp);
        Assert.Null(XairrosX.Kernel.Boot.ScreenSetup.Drawable(rgb with { Type = FramebufferType.Indexed }, out _));
        Assert.Null(XairrosX.Kernel.Boot.ScreenSetup.Drawable(rgb with { Address = ulong.MaxValue - 100 }, out string wrap));
        Assert.Contains("not usable", wrap);
    }

    [Fact]
    public void ShortFramebufferTagsAreFormatErrors()
    {
        Assert.Contains("framebuffer tag of 21 bytes", Assert.Throws<FormatException>(() => Multiboot2.Parse(Build((8, new byte[21])))).Message);
        byte[] rgbWithoutLayout = FramebufferTag(0xFD000000, 4096, 1024, 768, 32, 1);
        Assert.Contains("lacks its colour layout", Assert.Throws<FormatException>(() => Multiboot2.Parse(Build((8, rgbWithoutLayout)))).Message);
    }
}
