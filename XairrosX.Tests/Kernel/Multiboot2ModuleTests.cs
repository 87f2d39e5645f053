using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using XairrosX.Kernel.Boot;
using Xunit;

namespace XairrosX.Tests.Kernel;

public class Multiboot2ModuleTests
{
    private static byte[] Info(params (uint Type, byte[] Payload)[] tags)
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

    private static byte[] Module(uint start, uint end, string commandLine)
    {
        var payload = new byte[8 + commandLine.Length + 1];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, start);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(4), end);
        System.Text.Encoding.ASCII.GetBytes(commandLine).CopyTo(payload, 8);
        return payload;
    }

    [Fact]
    public void ParsesModuleTags()
    {
        BootInfo boot = Multiboot2.Parse(Info((3, Module(0x733000, 0x73C794, "initrd")), (3, Module(0x800000, 0x800010, ""))));
        Assert.Equal(2, boot.Modules.Count);
        Assert.Equal(new BootModule(0x733000, 0x73C794, "initrd"), boot.Modules[0]);
        Assert.Equal(0x9794UL, boot.Modules[0].Length);
        Assert.Equal("", boot.Modules[1].CommandLine);
    }

    [Fact]
    public void MalformedModuleTagsAreFormatErrors()
    {
        Assert.Throws<FormatException>(() => Multiboot2.Parse(Info((3, Module(0x2000, 0x1000, "x")))));
        Assert.Throws<FormatException>(() => Multiboot2.Parse(Info((3, new byte[4]))));
    }

    private static readonly List<(ulong, ulong)> s_seen = new();
    private static void Record(ulong start, ulong end) => s_seen.Add((start, end));

    [Fact]
    public unsafe void EarlyWalkReportsModuleRangesWithoutAllocating()
    {
        lock (s_seen)
        {
            s_seen.Clear();
            byte[] info = Info((3, Module(0x100000, 0x180000, "initrd")), (3, Module(0x5000, 0x4000, "bad")));
            Assert.True(Multiboot2.ForEachModule(info, &Record));
            Assert.Equal([(0x100000UL, 0x180000UL)], s_seen);
            info[12] = 0xFF; // first tag's size runs past the end
            Assert.False(Multiboot2.ForEachModule(info, &Record));
        }
    }
}
