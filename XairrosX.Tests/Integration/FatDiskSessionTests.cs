using System;
using System.Buffers.Binary;
using System.IO;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using XairrosX.Tests.FileSystem.Fat;
using Xunit;

namespace XairrosX.Tests.Integration;

/// <summary>
/// One boot with a FAT32 image made on the host by mkfs.vfat and mcopy, attached as virtio-blk and mounted by the
/// kernel at /disk: the kernel reads the host's files, writes, copies, moves, creates and deletes, runs sync — and the
/// VM is then killed, not shut down. The facts check the image afterwards with mtools and fsck.vfat.
/// </summary>
public sealed class FatDiskSessionFixture : IAsyncLifetime
{
    public const string LongDirectory = "Some Long Directory Name";
    public BootTranscript Transcript { get; private set; } = null!;
    public string Image { get; private set; } = null!;
    public byte[] Blob { get; private set; } = null!;
    public string BlobSha256 => Convert.ToHexStringLower(SHA256.HashData(Blob));

    public async Task InitializeAsync()
    {
        string dir = FatTools.TempDirectory("disk-session");
        Image = Path.Combine(dir, "fat32.img");
        FatTools.MakeFat(Image, 64 * 1024, 32);
        Blob = new byte[300_001];
        new Random(20261125).NextBytes(Blob);
        string hello = Path.Combine(dir, "hello.txt"), blob = Path.Combine(dir, "blob.bin");
        File.WriteAllText(hello, "hello from the host\n");
        File.WriteAllBytes(blob, Blob);
        FatTools.MustRun("mcopy", "-i", Image, hello, "::/hello.txt");
        FatTools.MustRun("mmd", "-i", Image, "::/" + LongDirectory);
        FatTools.MustRun("mcopy", "-i", Image, blob, $"::/{LongDirectory}/blob.bin");

        string script = string.Join('\n',
            "ls /disk",
            "cat /disk/hello.txt",
            $"sha256sum \"/disk/{LongDirectory}/blob.bin\"",
            "write /disk/kernel.txt written by the kernel",
            "mkdir \"/disk/made by kernel\"",
            $"cp \"/disk/{LongDirectory}/blob.bin\" \"/disk/made by kernel/blob copy.bin\"",
            "mv /disk/hello.txt \"/disk/made by kernel/renamed hello.txt\"",
            "write /disk/doomed.txt short-lived",
            "rm /disk/doomed.txt",
            "cat /disk/nonexistent.txt",
            "df",
            "sync",
            "echo synced-marker") + "\n";
        Transcript = await QemuSession.RunAsync(script, timeoutSeconds: 240, disks: [new QemuDisk(Image, QemuDiskInterface.Virtio)],
            killWhen: @"^synced-marker\r?$");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[Collection("qemu")]
public class FatDiskSessionTests(FatDiskSessionFixture session) : IClassFixture<FatDiskSessionFixture>
{
    private string Text => session.Transcript.Text;

    [Fact]
    public void TheDiskIsMountedAtBoot()
    {
        Assert.Matches(new Regex(@"^disk: vda: Fat32 \(whole disk\), \d+ KiB, label 'XXTEST' mounted on /disk", RegexOptions.Multiline), Text);
        Assert.Matches(new Regex(@"^\s+<dir>  Some Long Directory Name/", RegexOptions.Multiline), Text);
        Assert.Matches(new Regex(@"^\s+\d+\s+\d+\s+\d+  vfat\s+/disk", RegexOptions.Multiline), Text);
    }

    [Fact]
    public void TheKernelReadsTheHostsFilesByteForByte()
    {
        Assert.Contains("hello from the host", Text);
        Assert.Contains($"{session.BlobSha256}  /disk/{FatDiskSessionFixture.LongDirectory}/blob.bin", Text);
    }

    [Fact]
    public void AMissingFileIsAnErrorLine() => Assert.Matches(new Regex(@"^error: .*nonexistent\.txt", RegexOptions.Multiline), Text);

    [Fact]
    public void TheVmWasKilledAfterSyncNotShutDown()
    {
        Assert.Equal(-1, session.Transcript.ExitCode);
        Assert.False(session.Transcript.TimedOut);
        Assert.DoesNotContain("powering off", Text);
        Assert.DoesNotContain("PANIC", Text);
    }

    [Fact]
    public void FsckFindsTheImageCleanAfterTheKill() => FatTools.AssertClean(session.Image);

    [Fact]
    public void MtoolsReadsWhatTheKernelWrote()
    {
        string dir = FatTools.ExtractAll(session.Image);
        Assert.Equal("written by the kernel\n", File.ReadAllText(Path.Combine(dir, "kernel.txt")));
        Assert.Equal(session.Blob, File.ReadAllBytes(Path.Combine(dir, "made by kernel", "blob copy.bin")));
        Assert.Equal(session.Blob, File.ReadAllBytes(Path.Combine(dir, FatDiskSessionFixture.LongDirectory, "blob.bin")));
        Assert.Equal("hello from the host\n", File.ReadAllText(Path.Combine(dir, "made by kernel", "renamed hello.txt")));
        Assert.False(File.Exists(Path.Combine(dir, "hello.txt")), "moved away");
        Assert.False(File.Exists(Path.Combine(dir, "doomed.txt")), "deleted");
    }
}

/// <summary>
/// Damaged disks: a FAT32 image whose allocation tables are overwritten with random bytes, and one cut to its first
/// 2 MiB. The kernel reports errors for what it cannot read and keeps running; nothing panics.
/// </summary>
[Collection("qemu")]
public class DamagedFatDiskTests
{
    [Fact]
    public async Task RandomBytesInTheFatGiveErrorsNotAPanic()
    {
        string image = MakeImageWithFiles("corrupt-fat");
        byte[] bytes = File.ReadAllBytes(image);
        int reserved = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(14));
        int fatCount = bytes[16];
        int fatSectors = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(36));
        new Random(7).NextBytes(bytes.AsSpan(reserved * 512, fatCount * fatSectors * 512));
        File.WriteAllBytes(image, bytes);

        BootTranscript t = await QemuSession.RunAsync(
            "ls /disk\ncat /disk/hello.txt\nsha256sum /disk/dir/blob.bin\nwrite /disk/new.txt data\nmkdir /disk/newdir\nsync\necho still-alive\nshutdown\n",
            timeoutSeconds: 180, disks: [new QemuDisk(image, QemuDiskInterface.Virtio)]);
        Assert.Contains("still-alive", t.Text);
        Assert.DoesNotContain("PANIC", t.Text);
        Assert.Matches(new Regex(@"^error: ", RegexOptions.Multiline), t.Text);
        Assert.Equal(0, t.ExitCode);
    }

    [Fact]
    public async Task ATruncatedImageGivesErrorsNotAPanic()
    {
        string image = MakeImageWithFiles("truncated");
        using (var f = new FileStream(image, FileMode.Open)) f.SetLength(2 * 1024 * 1024);

        BootTranscript t = await QemuSession.RunAsync("ls /disk\ncat /disk/hello.txt\nsha256sum /disk/dir/blob.bin\necho still-alive\nshutdown\n",
            timeoutSeconds: 180, disks: [new QemuDisk(image, QemuDiskInterface.Virtio)]);
        Assert.Contains("still-alive", t.Text);
        Assert.DoesNotContain("PANIC", t.Text);
        Assert.Matches(new Regex(@"^(disk: vda not mounted|error: )", RegexOptions.Multiline), t.Text);
        Assert.Equal(0, t.ExitCode);
    }

    private static string MakeImageWithFiles(string tag)
    {
        string dir = FatTools.TempDirectory(tag);
        string image = Path.Combine(dir, "fat32.img");
        FatTools.MakeFat(image, 64 * 1024, 32);
        string hello = Path.Combine(dir, "hello.txt"), blob = Path.Combine(dir, "blob.bin");
        File.WriteAllText(hello, "hello\n");
        var data = new byte[200_000];
        new Random(3).NextBytes(data);
        File.WriteAllBytes(blob, data);
        FatTools.MustRun("mcopy", "-i", image, hello, "::/hello.txt");
        FatTools.MustRun("mmd", "-i", image, "::/dir");
        FatTools.MustRun("mcopy", "-i", image, blob, "::/dir/blob.bin");
        return image;
    }
}

/// <summary>
/// The shell's chain on the FAT disk: a chain is created and mined in one boot that ends in a power cut, and the next
/// boot restores it at the same head block.
/// </summary>
[Collection("qemu")]
public class ChainOnDiskTests
{
    [Fact]
    public async Task TheShellsChainIsKeptOnTheDiskAcrossAPowerCut()
    {
        string dir = FatTools.TempDirectory("chain-cmd");
        string image = Path.Combine(dir, "fat32.img");
        FatTools.MakeFat(image, 64 * 1024, 32);
        QemuDisk[] disks = [new QemuDisk(image, QemuDiskInterface.Virtio)];

        BootTranscript first = await QemuSession.RunAsync("chain init\nchain mine 2\necho chain-marker\n",
            timeoutSeconds: 240, disks: disks, killWhen: @"^chain-marker\r?$");
        Assert.Contains("chain: kept in /disk/xairrosx-chain.log, 0 blocks restored, head 0", first.Text);
        Match mined = Regex.Match(first.Text, @"^block 2 ([0-9a-f]{64}) txs 0", RegexOptions.Multiline);
        Assert.True(mined.Success, first.Text);
        Assert.Equal(-1, first.ExitCode);

        BootTranscript second = await QemuSession.RunAsync("chain init\nchain block 2\nchain mine\nshutdown\n", timeoutSeconds: 240, disks: disks);
        Assert.Contains("chain: kept in /disk/xairrosx-chain.log, 2 blocks restored, head 2", second.Text);
        Assert.Matches(new Regex("^block 2 " + mined.Groups[1].Value + "\r?$", RegexOptions.Multiline), second.Text);
        Assert.Matches(new Regex(@"^block 3 [0-9a-f]{64} txs 0", RegexOptions.Multiline), second.Text);
        Assert.Equal(0, second.ExitCode);
        FatTools.AssertClean(image);
    }
}
