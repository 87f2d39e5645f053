using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using XairrosX.Drivers.Storage;
using Xunit;

namespace XairrosX.Tests.Integration;

/// <summary>
/// One boot with two disks built on the host: a 64 MiB virtio-blk image (vda, pattern seed 1) and a 4 MiB IDE image
/// (hda, seed 9). The kernel lists, dumps and verifies them, writes known data, meets malformed requests; after
/// power-off the tests read the image files back.
/// </summary>
public sealed class BlockDeviceSessionFixture : IAsyncLifetime
{
    public const int VirtioSectors = 131072, IdeSectors = 8192;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"xairrosx-blk-{Guid.NewGuid():N}");

    public BootTranscript Transcript { get; private set; } = null!;
    public byte[] VirtioAfter { get; private set; } = null!;
    public byte[] IdeAfter { get; private set; } = null!;

    public static byte[] PatternImage(int sectors, ulong seed)
    {
        var image = new byte[sectors * 512];
        for (int i = 0; i < sectors; i++) SectorPattern.Fill(seed, i, image.AsSpan(i * 512, 512));
        return image;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        string vd = Path.Combine(_directory, "vd.img"), hd = Path.Combine(_directory, "hd.img");
        await File.WriteAllBytesAsync(vd, PatternImage(VirtioSectors, 1));
        await File.WriteAllBytesAsync(hd, PatternImage(IdeSectors, 9));
        string script = string.Join('\n',
            "lsblk",
            "blkread vda 0",
            "blkread hda 1 2",
            $"blkcheck vda 0 {VirtioSectors} 1",
            $"blkcheck hda 0 {IdeSectors} 9",
            "blkwrite vda 7 written by the XairrosX kernel",
            "blkfill vda 4000 64 2",
            "blkcheck vda 4000 64 2",
            "blkfill hda 100 8 3",
            $"blkread vda {VirtioSectors}",
            $"blkread vda {VirtioSectors - 1} 2",
            "blkread nosuchdisk 0",
            "blkread vda -5",
            "blkread vda 0 65",
            $"blkcheck vda {VirtioSectors - 100} 200 1",
            $"blkwrite hda {IdeSectors} x",
            "blkfill vda 0 0",
            "selftest block",
            "shutdown") + "\n";
        Transcript = await QemuSession.RunAsync(script, timeoutSeconds: 240, disks:
            [new QemuDisk(vd, QemuDiskInterface.Virtio), new QemuDisk(hd, QemuDiskInterface.Ide)]);
        VirtioAfter = await File.ReadAllBytesAsync(vd);
        IdeAfter = await File.ReadAllBytesAsync(hd);
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

[Collection("qemu")]
public class BlockDeviceSessionTests(BlockDeviceSessionFixture session) : IClassFixture<BlockDeviceSessionFixture>
{
    private string Text => session.Transcript.Text;

    [Fact]
    public void BootProbesBothDisksAndPowersOffCleanly()
    {
        Assert.Matches(new Regex(@"^blk: vda virtio-blk 64 MiB \(pci 00:[0-9a-f]{2}\.0, queue \d+", RegexOptions.Multiline), Text);
        Assert.Matches(new Regex(@"^blk: hda ata-pio 4 MiB \(QEMU HARDDISK, LBA48, ports 0x1f0\)$", RegexOptions.Multiline), Text);
        Assert.DoesNotContain("PANIC", Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, session.Transcript.ExitCode);
    }

    [Fact]
    public void LsblkListsNameDriverSizeAndReadOnly()
    {
        Assert.Matches(new Regex(@"^vda\s+virtio-blk\s+64 MiB\s+131072\s+0\s", RegexOptions.Multiline), Text);
        Assert.Matches(new Regex(@"^hda\s+ata-pio\s+4 MiB\s+8192\s+0\s", RegexOptions.Multiline), Text);
    }

    private static string HexLine(byte[] image, long offset)
    {
        var sb = new StringBuilder().Append(offset.ToString("x8")).Append("  ");
        for (int i = 0; i < 16; i++) sb.Append(image[offset + i].ToString("x2")).Append(i == 7 ? "  " : " ");
        return sb.ToString().TrimEnd();
    }

    [Fact]
    public void BlkreadDumpsTheBytesOfTheImages()
    {
        byte[] vd = BlockDeviceSessionFixture.PatternImage(1, 1);
        byte[] hd = BlockDeviceSessionFixture.PatternImage(3, 9);
        Assert.Contains(HexLine(vd, 0), Text);
        Assert.Contains(HexLine(vd, 0x1f0), Text);
        Assert.Contains(HexLine(hd, 0x200), Text);
        Assert.Contains(HexLine(hd, 0x5f0), Text); // the second sector of the two-sector read
    }

    [Fact]
    public void EverySectorReadsBackThroughTheQueue()
    {
        Match m = Regex.Match(Text, @"blkcheck: vda sectors 0\.\.131071 match seed 1 \(at most (\d+) in flight\)");
        Assert.True(m.Success, "vda verified");
        Assert.True(int.Parse(m.Groups[1].Value) > 1, "virtio-blk kept several requests in flight");
        Assert.Contains("blkcheck: hda sectors 0..8191 match seed 9", Text);
        Assert.Contains("blkcheck: vda sectors 4000..4063 match seed 2", Text);
    }

    [Fact]
    public void KernelWritesReachTheImageFiles()
    {
        byte[] vd = session.VirtioAfter, hd = session.IdeAfter;
        Assert.Equal(BlockDeviceSessionFixture.VirtioSectors * 512, vd.Length);
        byte[] text = Encoding.ASCII.GetBytes("written by the XairrosX kernel");
        Assert.True(vd.AsSpan(7 * 512, text.Length).SequenceEqual(text));
        Assert.True(vd.AsSpan(7 * 512 + text.Length, 512 - text.Length).IndexOfAnyExcept((byte)0) < 0, "rest of the sector zeroed");
        for (int lba = 4000; lba < 4064; lba++) Assert.True(SectorPattern.Matches(2, lba, vd.AsSpan(lba * 512, 512)), $"vda sector {lba}");
        foreach (int lba in new[] { 6, 8, 3999, 4064, 131071 }) Assert.True(SectorPattern.Matches(1, lba, vd.AsSpan(lba * 512, 512)), $"vda sector {lba} untouched");
        for (int lba = 100; lba < 108; lba++) Assert.True(SectorPattern.Matches(3, lba, hd.AsSpan(lba * 512, 512)), $"hda sector {lba}");
        foreach (int lba in new[] { 99, 108 }) Assert.True(SectorPattern.Matches(9, lba, hd.AsSpan(lba * 512, 512)), $"hda sector {lba} untouched");
    }

    [Fact]
    public void MalformedRequestsGetErrorLines()
    {
        Assert.Contains("error: blkread vda lba 131072 count 1: EINVAL (bad range or length)", Text);
        Assert.Contains("error: blkread vda lba 131071 count 2: EINVAL (bad range or length)", Text);
        Assert.Contains("error: no block device 'nosuchdisk' (see lsblk)", Text);
        Assert.Contains("error: lba must be a number from 0 to", Text);
        Assert.Contains("error: count must be a number from 0 to 64", Text);
        Assert.Contains("error: blkcheck vda lba 131068: EINVAL (bad range or length)", Text);
        Assert.Contains("error: blkwrite hda lba 8192: EINVAL (bad range or length)", Text);
        Assert.Contains("error: count must be at least 1", Text);
    }

    [Fact]
    public void InKernelBlockSelfTestsPassOnRealDisks()
    {
        Assert.Contains("PASS block.disks_read_consistently", Text);
        Assert.Contains("PASS block.queue_matches_synchronous_reads", Text);
        Assert.Contains("selftest: 4 passed, 0 failed", Text);
    }
}
