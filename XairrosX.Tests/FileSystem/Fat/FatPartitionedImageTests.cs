using System;
using System.IO;
using XairrosX.Kernel.FileSystem;
using XairrosX.Kernel.FileSystem.Fat;
using XairrosX.Kernel.Storage.Partitions;
using XairrosX.Tests.Storage;
using Xunit;

namespace XairrosX.Tests.FileSystem.Fat;

/// <summary>(c) A disk partitioned by sfdisk with a FAT32 made by mkfs.vfat --offset mounts from its first
/// partition; what we write there mtools reads through the same offset, and the rest of the disk is untouched.</summary>
public class FatPartitionedImageTests
{
    [Theory]
    [InlineData("gpt", "type=EBD0A0A2-B9E5-4433-87C0-68B6B72699C7")]
    [InlineData("dos", "type=c")]
    public void MountsTheFirstPartitionAndWritesStayInside(string label, string type)
    {
        string image = Storage.PartitionTableTests.Sfdisk($"label: {label}\nstart=2048, size=81920, {type}\nsize=4096, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4\n".Replace("type=0FC63DAF-8483-4772-8E79-3D69D8477DE4", label == "dos" ? "type=83" : "type=0FC63DAF-8483-4772-8E79-3D69D8477DE4"));
        FatTools.MustRun("mkfs.vfat", "-F", "32", "-n", "PARTED", "--offset", "2048", image, "40960");
        string hostFile = Path.Combine(FatTools.TempDirectory("pf"), "from-mtools.txt");
        File.WriteAllText(hostFile, "written by mcopy\n");
        FatTools.MustRun("mcopy", "-i", image + "@@1M", hostFile, "::/");

        var disk = MemoryBlockDevice.FromFile(image, "vda");
        byte[] before = (byte[])disk.Image.Clone();
        Assert.Equal(0, PartitionTable.Read(disk, out PartitionTable table, out string error));
        PartitionInfo first = table.Partitions[0];
        Assert.True(first.LooksLikeFat);
        var partition = PartitionView.Of(disk, first);
        Assert.Equal("vda1", partition.Name);
        Assert.Equal(0, FatFileSystem.Mount(partition, out FatFileSystem fs, out error));
        Assert.Equal("PARTED", fs.Geometry.Label);
        Assert.Equal("written by mcopy\n", FatTools.Utf8(FatTools.ReadAll(fs.Root.Lookup("from-mtools.txt"))));

        Assert.Equal(0, fs.Root.Create("Written By XairrosX.txt", VfsNodeKind.File, 0x1B6, out VfsNode f));
        byte[] data = FatTools.RandomBytes(new Random(3), 123_456);
        Assert.Equal(data.Length, f.Write(0, data));
        Assert.Equal(0, fs.Sync());
        disk.SaveTo(image);

        string outFile = Path.Combine(FatTools.TempDirectory("po"), "back.bin");
        FatTools.MustRun("mcopy", "-n", "-i", image + "@@1M", "::/Written By XairrosX.txt", outFile);
        Assert.Equal(data, File.ReadAllBytes(outFile));
        // fsck.vfat has no offset option: check the partition's bytes on their own.
        string alone = Path.Combine(FatTools.TempDirectory("pa"), "part.img");
        File.WriteAllBytes(alone, disk.Image.AsSpan((int)(first.FirstLba * 512), (int)(first.SectorCount * 512)).ToArray());
        FatTools.AssertClean(alone);
        // Nothing outside the partition changed.
        long start = first.FirstLba * 512, end = start + first.SectorCount * 512;
        Assert.True(before.AsSpan(0, (int)start).SequenceEqual(disk.Image.AsSpan(0, (int)start)));
        Assert.True(before.AsSpan((int)end).SequenceEqual(disk.Image.AsSpan((int)end)));
    }
}
