using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using XairrosX.Kernel.Storage.Partitions;
using XairrosX.Plugs.Pal;
using XairrosX.Tests.FileSystem.Fat;
using Xunit;

namespace XairrosX.Tests.Storage;

/// <summary>MBR and GPT tables written by util-linux sfdisk (package fdisk) are read as sfdisk itself reports them;
/// corrupt tables fall back to the GPT backup or give a clear error.</summary>
public class PartitionTableTests
{
    private const string GptScript =
        "label: gpt\n" +
        "start=2048, size=81920, type=EBD0A0A2-B9E5-4433-87C0-68B6B72699C7, name=\"Data ✓ part\"\n" +
        "size=8192, type=0FC63DAF-8483-4772-8E79-3D69D8477DE4\n" +
        "size=4096, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name=\"ESP\"\n";

    private const string MbrScript =
        "label: dos\n" +
        "start=2048, size=40960, type=c, bootable\n" +
        "size=20480, type=83\n" +
        "size=8192, type=6\n";

    /// <summary>A zeroed image of <paramref name="mib"/> MiB partitioned by sfdisk.</summary>
    internal static string Sfdisk(string script, int mib = 48)
    {
        string image = Path.Combine(FatTools.TempDirectory("part"), "disk.img");
        using (var f = File.Create(image)) f.SetLength(mib * 1024L * 1024);
        FatTools.MustRun("sh", "-c", $"printf '%s' '{script}' | sfdisk -q '{image}'");
        return image;
    }

    private static JsonElement SfdiskJson(string image)
    {
        Assert.Equal(0, FatTools.Run("sfdisk", ["--json", image], out string json));
        return JsonDocument.Parse(json).RootElement.GetProperty("partitiontable");
    }

    private static void AssertMatchesSfdisk(PartitionTable table, JsonElement reference)
    {
        JsonElement[] parts = [.. reference.GetProperty("partitions").EnumerateArray()];
        Assert.Equal(parts.Length, table.Partitions.Count);
        for (int i = 0; i < parts.Length; i++)
        {
            PartitionInfo p = table.Partitions[i];
            Assert.Equal(parts[i].GetProperty("start").GetInt64(), p.FirstLba);
            Assert.Equal(parts[i].GetProperty("size").GetInt64(), p.SectorCount);
            string node = parts[i].GetProperty("node").GetString()!;
            Assert.Equal(int.Parse(node.Substring(node.LastIndexOf("img", StringComparison.Ordinal) + 3)), p.Number);
            string type = parts[i].GetProperty("type").GetString()!;
            if (table.Scheme == PartitionScheme.Gpt)
            {
                Assert.Equal(Guid.Parse(type), p.TypeGuid);
                Assert.Equal(Guid.Parse(parts[i].GetProperty("uuid").GetString()!), p.UniqueGuid);
                string name = parts[i].TryGetProperty("name", out JsonElement n) ? n.GetString()! : "";
                Assert.Equal(name, p.Label);
            }
            else
            {
                Assert.Equal(Convert.ToByte(type, 16), p.MbrType);
                Assert.Equal(parts[i].TryGetProperty("bootable", out JsonElement b) && b.GetBoolean(), p.Bootable);
            }
        }
    }

    [Fact]
    public void Crc32MatchesTheStandardCheckValue() => Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Fact]
    public void GptWrittenBySfdiskIsReadAsSfdiskReportsIt()
    {
        string image = Sfdisk(GptScript);
        var device = MemoryBlockDevice.FromFile(image, "vda");
        Assert.Equal(0, PartitionTable.Read(device, out PartitionTable table, out string error));
        Assert.Null(error);
        Assert.Equal(PartitionScheme.Gpt, table.Scheme);
        Assert.False(table.UsedBackupGpt);
        JsonElement reference = SfdiskJson(image);
        Assert.Equal(Guid.Parse(reference.GetProperty("id").GetString()!), table.DiskGuid);
        AssertMatchesSfdisk(table, reference);
        Assert.True(table.Partitions[0].LooksLikeFat);
        Assert.False(table.Partitions[1].LooksLikeFat);
        Assert.Equal(PartitionInfo.EfiSystemType, table.Partitions[2].TypeGuid);
    }

    [Fact]
    public void MbrWrittenBySfdiskIsReadAsSfdiskReportsIt()
    {
        string image = Sfdisk(MbrScript);
        var device = MemoryBlockDevice.FromFile(image, "hda");
        Assert.Equal(0, PartitionTable.Read(device, out PartitionTable table, out string error));
        Assert.Equal(PartitionScheme.Mbr, table.Scheme);
        AssertMatchesSfdisk(table, SfdiskJson(image));
        Assert.True(table.Partitions[0].LooksLikeFat);
    }

    [Fact]
    public void LogicalPartitionsInAnExtendedPartitionAreFollowed()
    {
        string image = Sfdisk("label: dos\nstart=2048, size=20480, type=c\nstart=24576, size=61440, type=5\n" +
            "start=26624, size=10240, type=83\nstart=38912, size=8192, type=c\nstart=49152, size=4096, type=7\n");
        var device = MemoryBlockDevice.FromFile(image, "sda");
        Assert.Equal(0, PartitionTable.Read(device, out PartitionTable table, out string error));
        AssertMatchesSfdisk(table, SfdiskJson(image));
        Assert.Equal([1, 2, 5, 6, 7], table.Partitions.Select(p => p.Number));
        // sfdisk puts each EBR 2048 sectors before its logical partition; the links are relative to the extended start.
        int ebr6 = (int)((table.Partitions[3].FirstLba - 2048) * 512);
        BitConverter.GetBytes(0u).CopyTo(device.Image, ebr6 + 446 + 16 + 8);
        Assert.Equal(0, PartitionTable.Read(device, out table, out _)); // a link of 0 ends the chain
        Assert.Equal(4, table.Partitions.Count);
        // An EBR whose link points at itself is a clear error, not a loop.
        BitConverter.GetBytes((uint)(ebr6 / 512 - 24576)).CopyTo(device.Image, ebr6 + 446 + 16 + 8);
        Assert.Equal(-Errno.EINVAL, PartitionTable.Read(device, out _, out error));
        Assert.Contains("EBR", error);
    }

    [Theory]
    [InlineData(1, 40)]    // primary header (first usable LBA)
    [InlineData(2, 5)]     // primary entry array
    public void CorruptPrimaryGptFallsBackToTheBackup(long lba, int offset)
    {
        var device = MemoryBlockDevice.FromFile(Sfdisk(GptScript));
        device.Image[lba * 512 + offset] ^= 0x5A;
        Assert.Equal(0, PartitionTable.Read(device, out PartitionTable table, out _));
        Assert.True(table.UsedBackupGpt);
        Assert.Equal(3, table.Partitions.Count);
        Assert.Equal("Data ✓ part", table.Partitions[0].Label);
    }

    [Fact]
    public void BothGptHeadersCorruptIsAClearError()
    {
        var device = MemoryBlockDevice.FromFile(Sfdisk(GptScript));
        device.Image[512 + 20] ^= 1;
        device.Image[(device.SectorCount - 1) * 512 + 20] ^= 1;
        Assert.Equal(-Errno.EINVAL, PartitionTable.Read(device, out PartitionTable table, out string error));
        Assert.Null(table);
        Assert.Contains("CRC32", error);
    }

    [Fact]
    public void NoTableOrAFatBootSectorIsNotAPartitionTable()
    {
        Assert.Equal(-Errno.EINVAL, PartitionTable.Read(new MemoryBlockDevice(100), out _, out string error));
        Assert.Contains("0x55AA", error);
        string image = Path.Combine(FatTools.TempDirectory("sf"), "f.img");
        FatTools.MakeFat(image, 2048, 12);
        Assert.Equal(-Errno.EINVAL, PartitionTable.Read(MemoryBlockDevice.FromFile(image), out _, out error));
        Assert.NotNull(error);
    }

    [Fact]
    public void OutOfRangeOrOverlappingMbrEntriesAreRejected()
    {
        var device = MemoryBlockDevice.FromFile(Sfdisk(MbrScript));
        device.Image[446 + 16 + 8 + 3] = 0x7F; // partition 2 starts far past the end
        Assert.Equal(-Errno.EINVAL, PartitionTable.Read(device, out _, out string error));
        Assert.Contains("outside", error);
        device = MemoryBlockDevice.FromFile(Sfdisk(MbrScript));
        BitConverter.GetBytes(3000u).CopyTo(device.Image, 446 + 16 + 8); // partition 2 starts inside partition 1
        Assert.Equal(-Errno.EINVAL, PartitionTable.Read(device, out _, out error));
        Assert.Contains("overlap", error);
    }

    [Fact]
    public void OverlappingGptEntriesAreRejected()
    {
        var device = MemoryBlockDevice.FromFile(Sfdisk(GptScript));
        foreach (long header in new[] { 1L, device.SectorCount - 1 })
        {
            long arrayLba = BitConverter.ToInt64(device.Image, (int)(header * 512 + 72));
            int entry2 = (int)(arrayLba * 512 + 128);
            BitConverter.GetBytes(4000L).CopyTo(device.Image, entry2 + 32); // partition 2 now starts inside partition 1
            FixCrcs(device.Image, header);
        }
        Assert.Equal(-Errno.EINVAL, PartitionTable.Read(device, out _, out string error));
        Assert.Contains("overlap", error);
    }

    private static void FixCrcs(byte[] image, long headerLba)
    {
        int h = (int)(headerLba * 512);
        long arrayLba = BitConverter.ToInt64(image, h + 72);
        int count = BitConverter.ToInt32(image, h + 80), size = BitConverter.ToInt32(image, h + 84);
        BitConverter.GetBytes(Crc32.Compute(image.AsSpan((int)(arrayLba * 512), count * size))).CopyTo(image, h + 88);
        BitConverter.GetBytes(0u).CopyTo(image, h + 16);
        BitConverter.GetBytes(Crc32.Compute(image.AsSpan(h, BitConverter.ToInt32(image, h + 12)))).CopyTo(image, h + 16);
    }

    [Fact]
    public void DeviceErrorsPropagate()
    {
        var device = MemoryBlockDevice.FromFile(Sfdisk(GptScript));
        device.FailFrom = 0;
        Assert.Equal(-Errno.EIO, PartitionTable.Read(device, out _, out string error));
        Assert.NotNull(error);
    }

    [Fact]
    public void PartitionViewIsBoundsCheckedAndNamed()
    {
        var disk = new MemoryBlockDevice(1000, "vda");
        var view = PartitionView.Of(disk, new PartitionInfo { Number = 1, FirstLba = 100, SectorCount = 50 });
        Assert.Equal("vda1", view.Name);
        Assert.Equal("nvme0n1p2", PartitionView.Of(new MemoryBlockDevice(1000, "nvme0n1"), new PartitionInfo { Number = 2, FirstLba = 1, SectorCount = 1 }).Name);
        var sector = new byte[512];
        sector[0] = 0xAB;
        Assert.Equal(0, view.Write(49, sector));
        Assert.Equal(0xAB, disk.Image[149 * 512]);
        Assert.Equal(0, view.Read(0, new byte[50 * 512]));
        Assert.Equal(-Errno.EINVAL, view.Read(50, sector));
        Assert.Equal(-Errno.EINVAL, view.Read(49, new byte[1024]));
        Assert.Equal(-Errno.EINVAL, view.Read(-1, sector));
        Assert.Equal(-Errno.EINVAL, view.Read(0, new byte[100]));
        disk.IsReadOnly = true;
        Assert.Equal(-Errno.EROFS, view.Write(0, sector));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartitionView(disk, 990, 20, "x"));
    }

    [Fact]
    public void RandomAndMutatedTablesNeverThrow()
    {
        var random = new Random(7);
        byte[] gpt = MemoryBlockDevice.FromFile(Sfdisk(GptScript.Replace("81920", "4096").Replace("8192", "2048").Replace("4096, type=C", "1024, type=C"), 8)).Image;
        byte[] mbr = MemoryBlockDevice.FromFile(Sfdisk(MbrScript.Replace("40960", "4096").Replace("20480", "2048").Replace("8192", "1024"), 8)).Image;
        byte[] gptHead = gpt.AsSpan(0, 1536).ToArray(), mbrHead = mbr.AsSpan(0, 1536).ToArray();
        int ok = 0, errors = 0;
        for (int i = 0; i < 3000; i++)
        {
            byte[] image;
            if (i % 3 == 2)
            {
                image = new byte[512 * random.Next(1, 40)];
                random.NextBytes(image);
                image[510] = 0x55; image[511] = 0xAA;
                if (random.Next(2) == 0) image[450] = 0xEE;
            }
            else
            {
                // Mutations stay in the first sectors, which are restored afterwards (copying 8 MiB per case is slow).
                image = i % 3 == 0 ? gpt : mbr;
                (i % 3 == 0 ? gptHead : mbrHead).CopyTo(image, 0);
                for (int k = random.Next(1, 8); k > 0; k--) image[random.Next(3 * 512)] = (byte)random.Next(256);
                // The GPT checksums would reject most flips: sometimes recompute them so the fields are reached.
                if (i % 3 == 0 && random.Next(2) == 0) FixGptCrcs(image);
            }
            var device = new MemoryBlockDevice(image);
            int r = PartitionTable.Read(device, out PartitionTable table, out string error);
            if (r == 0)
            {
                ok++;
                foreach (PartitionInfo p in table.Partitions) Assert.True(p.FirstLba >= 0 && p.FirstLba + p.SectorCount <= device.SectorCount);
            }
            else
            {
                errors++;
                Assert.True(r == -Errno.EINVAL || r == -Errno.EIO, $"unexpected {r}");
                Assert.False(string.IsNullOrEmpty(error));
            }
        }
        Assert.True(ok > 0 && errors > 0, $"{ok} ok, {errors} errors");
    }

    private static void FixGptCrcs(byte[] image)
    {
        int count = BitConverter.ToInt32(image, 512 + 80), size = BitConverter.ToInt32(image, 512 + 84);
        long arrayLba = BitConverter.ToInt64(image, 512 + 72);
        if (count > 0 && size > 0 && (long)count * size <= 128 * 128 && arrayLba is > 0 and < 8 && arrayLba * 512 + (long)count * size <= image.Length)
            BitConverter.GetBytes(Crc32.Compute(image.AsSpan((int)arrayLba * 512, count * size))).CopyTo(image, 512 + 88);
        int headerSize = BitConverter.ToInt32(image, 512 + 12);
        if (headerSize is < 92 or > 512) return;
        BitConverter.GetBytes(0u).CopyTo(image, 512 + 16);
        BitConverter.GetBytes(Crc32.Compute(image.AsSpan(512, headerSize))).CopyTo(image, 512 + 16);
    }
}
