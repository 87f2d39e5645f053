using System.IO;
using System.IO.Compression;
using Xunit;

namespace XairrosX.Tests.Drivers.Video;

/// <summary>The font the kernel embeds, read from the Debian package that ships it.</summary>
internal static class ConsoleFontFile
{
    public const string GzipPath = "/usr/share/consolefonts/Lat15-Fixed16.psf.gz";

    public static byte[] Load()
    {
        Assert.True(File.Exists(GzipPath), $"{GzipPath} is missing: ./xairrosx installs the Debian package console-setup-linux");
        using var gzip = new GZipStream(File.OpenRead(GzipPath), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}
