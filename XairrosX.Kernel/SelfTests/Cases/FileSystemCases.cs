using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace XairrosX.Kernel.SelfTests.Cases;

/// <summary>System.IO over the kernel VFS: the initrd at "/", tmpfs at /tmp, through the BCL's own File,
/// Directory, FileStream and StreamReader/Writer (and so through the PAL's SystemNative_* exports).</summary>
internal static class FileSystemCases
{
    public static IEnumerable<SelfTestCase> All() =>
    [
        new("fs.initrd_readme", t =>
        {
            t.True(File.Exists("/README"), "File.Exists(/README)");
            string text = File.ReadAllText("/README");
            t.True(text.StartsWith("XairrosX initial RAM disk", StringComparison.Ordinal), "README text");
            byte[] bytes = File.ReadAllBytes("/README");
            t.Equal(Encoding.UTF8.GetByteCount(text), bytes.Length, "ReadAllBytes length");
            t.Equal(bytes.Length, (int)new FileInfo("/README").Length, "FileInfo.Length");
        }),
        new("fs.directory_listing", t =>
        {
            string[] files = Directory.GetFiles("/");
            t.True(Array.IndexOf(files, "/README") >= 0, "GetFiles(/) has /README: " + string.Join(",", files));
            string[] dirs = Directory.GetDirectories("/");
            t.True(Array.IndexOf(dirs, "/tmp") >= 0, "GetDirectories(/) has /tmp (a mount point): " + string.Join(",", dirs));
            t.True(Directory.Exists("/tmp") && !Directory.Exists("/README") && !File.Exists("/tmp"), "Exists distinguishes files and directories");
        }),
        new("fs.tmp_write_read", t =>
        {
            File.WriteAllText("/tmp/selftest.txt", "héllo tmpfs\nline 2\n");
            t.Equal("héllo tmpfs\nline 2\n", File.ReadAllText("/tmp/selftest.txt"), "round trip");
            File.AppendAllText("/tmp/selftest.txt", "line 3\n");
            string[] lines = File.ReadAllLines("/tmp/selftest.txt");
            t.Equal(3, lines.Length, "ReadAllLines after append");
            File.Delete("/tmp/selftest.txt");
            t.True(!File.Exists("/tmp/selftest.txt"), "deleted");
        }),
        new("fs.filestream_seek", t =>
        {
            using (var s = new FileStream("/tmp/seek.bin", FileMode.Create, FileAccess.ReadWrite))
            {
                var data = new byte[10000];
                for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 7);
                s.Write(data);
                t.Equal(10000L, s.Length, "Length after write");
                s.Seek(1234, SeekOrigin.Begin);
                t.Equal(unchecked((byte)(1234 * 7)), (byte)s.ReadByte(), "byte after Seek(Begin)");
                s.Seek(-2, SeekOrigin.End);
                var tail = new byte[4];
                t.Equal(2, s.Read(tail), "short read at the end");
                t.Equal(unchecked((byte)(9998 * 7)), tail[0], "tail byte");
                s.Position = 5;
                s.Write([0xAA, 0xBB]);
                s.SetLength(20);
            }
            byte[] back = File.ReadAllBytes("/tmp/seek.bin");
            t.Equal(20, back.Length, "SetLength");
            t.Equal((byte)0xAA, back[5], "overwrite in place");
            File.Delete("/tmp/seek.bin");
        }),
        new("fs.stream_reader_writer", t =>
        {
            using (var w = new StreamWriter("/tmp/lines.txt"))
                for (int i = 0; i < 500; i++) w.WriteLine($"line {i}");
            int count = 0;
            string last = null;
            using (var r = new StreamReader("/tmp/lines.txt"))
                for (string line; (line = r.ReadLine()) != null; count++) last = line;
            t.Equal(500, count, "lines read");
            t.Equal("line 499", last, "last line");
            File.Delete("/tmp/lines.txt");
        }),
        new("fs.directories", t =>
        {
            Directory.CreateDirectory("/tmp/a/b/c");
            File.WriteAllText("/tmp/a/b/c/f.txt", "x");
            File.WriteAllText("/tmp/a/g.txt", "y");
            string[] all = Directory.GetFiles("/tmp/a", "*.txt", SearchOption.AllDirectories);
            Array.Sort(all, StringComparer.Ordinal);
            t.Equal("/tmp/a/b/c/f.txt,/tmp/a/g.txt", string.Join(",", all), "recursive GetFiles");
            File.Move("/tmp/a/g.txt", "/tmp/a/h.txt");
            t.True(File.Exists("/tmp/a/h.txt") && !File.Exists("/tmp/a/g.txt"), "File.Move");
            Directory.Delete("/tmp/a", recursive: true);
            t.True(!Directory.Exists("/tmp/a"), "recursive delete");
        }),
        new("fs.errors", t =>
        {
            t.Throws<FileNotFoundException>(() => File.ReadAllBytes("/nope.txt"), "missing file");
            t.Throws<DirectoryNotFoundException>(() => File.ReadAllBytes("/nodir/x"), "missing directory");
            t.Throws<DirectoryNotFoundException>(() => Directory.GetFiles("/nodir"), "listing a missing directory");
            t.Throws<IOException>(() => File.WriteAllText("/README", "x"), "writing the read-only initrd (EROFS)");
            t.Throws<UnauthorizedAccessException>(() => File.ReadAllBytes("/tmp"), "reading a directory");
            t.True(File.Exists("/README"), "initrd unchanged");
        }),
    ];
}
