using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using XairrosX.Kernel.FileSystem;
using XairrosX.Kernel.FileSystem.Fat;
using XairrosX.Tests.Storage;
using Xunit;

namespace XairrosX.Tests.FileSystem.Fat;

/// <summary>Short names, tails, checksums and long-name slots; the formatter's volume as mtools and fsck see it.</summary>
public class FatNamesTests
{
    private static string Stored(byte[] s) => Encoding.ASCII.GetString(s);

    [Theory]
    [InlineData("README.TXT", "README  TXT")]
    [InlineData("A", "A          ")]
    [InlineData("12345678.123", "12345678123")]
    public void ExactShortNamesNeedNoLongName(string name, string stored)
    {
        var s = new byte[11];
        Assert.True(FatNames.TryExactShortName(name, s));
        Assert.Equal(stored, Stored(s));
    }

    [Theory]
    [InlineData("readme.txt")]
    [InlineData("LONGFILENAME.TXT")]
    [InlineData("A.B.C")]
    [InlineData("with space")]
    [InlineData("A.LONG")]
    public void OtherNamesNeedALongName(string name) => Assert.False(FatNames.TryExactShortName(name, new byte[11]));

    [Theory]
    [InlineData("Long File Name.txt", "LONGFI~1TXT")]
    [InlineData("a.b.c.tar.gz", "ABCTAR~1GZ ")]
    [InlineData(".profile", "PROFIL~1   ")]
    [InlineData("名前.txt", "__~1    TXT")]
    [InlineData("x+y=z", "X_Y_Z~1    ")]
    public void GeneratedShortNamesFollowTheBasisAndTail(string name, string stored)
    {
        var s = new byte[11];
        Assert.True(FatNames.Generate(name, _ => false, s));
        Assert.Equal(stored, Stored(s));
    }

    [Fact]
    public void TailsCountUpPastTaken()
    {
        var taken = new HashSet<string>();
        var s = new byte[11];
        for (int i = 1; i <= 12; i++)
        {
            Assert.True(FatNames.Generate("Long File Name.txt", x => taken.Contains(Stored(x)), s));
            Assert.True(taken.Add(Stored(s)));
        }
        for (int i = 1; i <= 4; i++) Assert.Contains($"LONGFI~{i}TXT", taken);
        // Then Windows-style hashed tails: two basis characters, four hex digits, ~1.
        Assert.Equal(8, taken.Count(t => System.Text.RegularExpressions.Regex.IsMatch(t, "^LO[0-9A-F]{4}~1TXT$")));
    }

    [Fact]
    public void ChecksumAndSlotsRoundTrip()
    {
        // The specification's rotate-right-and-add over the 11 bytes; checked by hand for "README  TXT".
        byte sum = 0;
        foreach (byte b in "README  TXT"u8) sum = (byte)(((sum & 1) << 7) + (sum >> 1) + b);
        Assert.Equal(sum, FatNames.Checksum("README  TXT"u8));
        string name = "A name of exactly twenty-nine.";
        Assert.Equal(3, FatNames.SlotsFor(name));
        var slot = new byte[32];
        var decoded = new char[260];
        int length = 0;
        for (int ordinal = 1; ordinal <= 3; ordinal++)
        {
            FatNames.EncodeSlot(slot, name, ordinal, 0x42);
            Assert.Equal(0x0F, slot[11]);
            Assert.Equal(0x42, slot[13]);
            Assert.Equal(ordinal == 3 ? 0x43 : ordinal, slot[0]);
            length = (ordinal - 1) * 13 + FatNames.DecodeSlot(slot, decoded, ordinal);
        }
        Assert.Equal(name, new string(decoded, 0, length));
    }

    [Fact]
    public void ShortNamesDisplayWithTheirCaseBits()
    {
        Assert.Equal("readme.TXT", FatNames.ShortToString("README  TXT"u8, FatEntry.LowerBase));
        Assert.Equal("README.txt", FatNames.ShortToString("README  TXT"u8, FatEntry.LowerExtension));
        Assert.Equal("NOEXT", FatNames.ShortToString("NOEXT      "u8, 0));
    }

    [Fact]
    public void DosTimesRoundTripToTwoSeconds()
    {
        long t = new DateTimeOffset(2026, 11, 25, 14, 30, 17, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.Equal(t - 1, DosTime.ToUnix(DosTime.FromUnix(t)));
        Assert.Equal(315532800L, DosTime.ToUnix(0)); // month 0: the epoch of FAT
    }

    [Fact]
    public void FormatterOutputIsCleanAndReadableByMtools()
    {
        var device = new MemoryBlockDevice(48L * 1024 * 2);
        Assert.Equal(0, FatFormatter.Format(device, "xairros", out string error));
        string image = Path.Combine(FatTools.TempDirectory("fmt"), "f.img");
        device.SaveTo(image);
        FatTools.AssertClean(image);
        Assert.Equal(0, FatTools.Run("mdir", ["-i", image, "::/"], out string listing));
        Assert.Contains("XAIRROS", listing);
        Assert.Equal(0, FatFileSystem.Mount(device, out FatFileSystem fs));
        Assert.Equal(FatType.Fat32, fs.Geometry.Type);
        Assert.Equal("XAIRROS", fs.Geometry.Label);
        Assert.Empty(fs.Root.ChildNames()); // the label entry is not a file
        Assert.Equal(-XairrosX.Plugs.Pal.Errno.EINVAL, FatFormatter.Format(new MemoryBlockDevice(20L * 1024 * 2), null, out error));
        Assert.Contains("too few", error);
        Assert.Equal(-XairrosX.Plugs.Pal.Errno.EINVAL, FatFormatter.Format(device, "bad/label", out _));
    }
}
