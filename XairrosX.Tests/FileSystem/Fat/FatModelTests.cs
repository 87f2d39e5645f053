using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using XairrosX.Kernel.FileSystem;
using XairrosX.Kernel.FileSystem.Fat;
using XairrosX.Plugs.Pal;
using XairrosX.Tests.Storage;
using Xunit;

namespace XairrosX.Tests.FileSystem.Fat;

/// <summary>(d) Seeded random sequences of create/write/truncate/mkdir/remove/rename through the VFS, checked
/// against an in-memory model after every step that returns data and, after periodic sync + remount, as a whole
/// tree; at the end fsck.vfat -n must be clean and mcopy must read the model's tree.</summary>
public class FatModelTests
{
    private static readonly string[] s_names =
    [
        "A.TXT", "b", "NOTES", "Long Name Number One.txt", "long name number two", "ÄÖÜ ß.txt", "x.tar.gz",
        "name with   spaces", "UPPER.LONGEXT", "12345678.123", "a very long name that needs more than thirteen chars per slot × 4.bin",
    ];

    private sealed class Model
    {
        public readonly Dictionary<string, byte[]> Files = new(StringComparer.Ordinal);
        public readonly SortedSet<string> Dirs = new(StringComparer.Ordinal) { "" };
        public bool Exists(string p) => Files.ContainsKey(p) || Dirs.Contains(p);
    }

    private static string Join(string dir, string name) => dir.Length == 0 ? name : dir + "/" + name;
    private static string Abs(string p) => "/" + p;

    [Theory]
    [InlineData(1, 32)]
    [InlineData(2, 32)]
    [InlineData(3, 16)]
    [InlineData(4, 32)]
    [InlineData(5, 16)]
    public void RandomOperationsMatchTheModel(int seed, int bits)
    {
        var random = new Random(seed);
        string image = Path.Combine(FatTools.TempDirectory("model"), "vol.img");
        MemoryBlockDevice device;
        if (bits == 32)
        {
            device = new MemoryBlockDevice(40L * 1024 * 2);
            Assert.Equal(0, FatFormatter.Format(device, "MODEL", out _));
        }
        else
        {
            FatTools.MakeFat(image, 16384, bits);
            device = MemoryBlockDevice.FromFile(image);
        }
        var model = new Model();
        VirtualFileSystem vfs = Remount(device, out FatFileSystem fs);
        for (int step = 0; step < 300; step++)
        {
            string dir = model.Dirs.ElementAt(random.Next(model.Dirs.Count));
            string path = Join(dir, s_names[random.Next(s_names.Length)]);
            string context = $"seed {seed} step {step}";
            switch (random.Next(9))
            {
                case 0: case 1: case 2: // write
                {
                    if (model.Dirs.Contains(path)) break;
                    byte[] old = model.Files.TryGetValue(path, out byte[]? o) ? o : [];
                    int offset = random.Next(0, old.Length + 3000);
                    byte[] data = FatTools.RandomBytes(random, random.Next(0, random.Next(2) == 0 ? 2000 : 150_000));
                    int fd = vfs.OpenFiles.Open(Abs(path), VfsOpenFlags.ReadWrite | VfsOpenFlags.Create);
                    Assert.True(fd >= 0, $"{context}: open {path} gave {fd}");
                    Assert.Equal(data.Length, vfs.OpenFiles.WriteAt(fd, data, offset));
                    vfs.OpenFiles.Close(fd);
                    var updated = new byte[Math.Max(old.Length, data.Length == 0 ? 0 : offset + data.Length)];
                    old.CopyTo(updated, 0);
                    data.CopyTo(updated, offset);
                    model.Files[path] = updated;
                    break;
                }
                case 3: // truncate
                {
                    if (!model.Files.TryGetValue(path, out byte[]? old)) break;
                    int length = random.Next(0, old.Length * 2 + 1000);
                    Assert.Equal(0, Node(vfs, path).Truncate(length));
                    var updated = new byte[length];
                    old.AsSpan(0, Math.Min(length, old.Length)).CopyTo(updated);
                    model.Files[path] = updated;
                    break;
                }
                case 4: // mkdir
                {
                    int r = vfs.MakeDirectory(Abs(path));
                    Assert.Equal(model.Exists(path) ? -Errno.EEXIST : 0, r);
                    if (r == 0) model.Dirs.Add(path);
                    break;
                }
                case 5: // remove
                {
                    if (model.Files.Remove(path)) Assert.Equal(0, vfs.Unlink(Abs(path)));
                    else if (model.Dirs.Contains(path))
                    {
                        bool empty = !model.Files.Keys.Concat(model.Dirs).Any(p => p.StartsWith(path + "/", StringComparison.Ordinal));
                        Assert.Equal(empty ? 0 : -Errno.ENOTEMPTY, vfs.RemoveDirectory(Abs(path)));
                        if (empty) model.Dirs.Remove(path);
                    }
                    else Assert.Equal(-Errno.ENOENT, vfs.Unlink(Abs(path)));
                    break;
                }
                case 6: case 7: // rename
                {
                    if (!model.Exists(path) || path.Length == 0) break;
                    string toDir = model.Dirs.ElementAt(random.Next(model.Dirs.Count));
                    string to = Join(toDir, s_names[random.Next(s_names.Length)]);
                    int r = vfs.Rename(Abs(path), Abs(to));
                    bool isDir = model.Dirs.Contains(path);
                    int expected = path == to ? 0
                        : isDir && (to + "/").StartsWith(path + "/", StringComparison.Ordinal) ? -Errno.EINVAL
                        : model.Dirs.Contains(to) ? -Errno.EISDIR
                        : isDir && model.Files.ContainsKey(to) ? -Errno.ENOTDIR : 0;
                    Assert.True(expected == r, $"{context}: rename {path} -> {to} gave {r}, expected {expected}");
                    if (r == 0 && path != to) Move(model, path, to, isDir);
                    break;
                }
                default: // read back a random range
                {
                    if (!model.Files.TryGetValue(path, out byte[]? data)) break;
                    int offset = random.Next(0, data.Length + 10);
                    var buffer = new byte[random.Next(1, 70_000)];
                    int n = Node(vfs, path).Read(offset, buffer);
                    Assert.Equal(Math.Max(0, Math.Min(buffer.Length, data.Length - offset)), n);
                    Assert.True(buffer.AsSpan(0, n).SequenceEqual(data.AsSpan(Math.Min(offset, data.Length), n)), context);
                    break;
                }
            }
            if (step % 50 == 49)
            {
                Assert.Equal(0, fs.Sync());
                vfs = Remount(device, out fs);
                AssertModel(model, fs);
            }
        }
        Assert.Equal(0, fs.Sync());
        device.SaveTo(image);
        FatTools.AssertClean(image);
        var expectedTree = FatWriteDifferentialTests.Expected();
        foreach ((string p, byte[] d) in model.Files) expectedTree.Files[p] = d;
        foreach (string d in model.Dirs) if (d.Length > 0) expectedTree.Directories.Add(d);
        FatTools.AssertSameTree(expectedTree, FatTools.ReadHostTree(FatTools.ExtractAll(image)));
    }

    private static void Move(Model model, string from, string to, bool isDir)
    {
        if (!isDir)
        {
            model.Files[to] = model.Files[from];
            model.Files.Remove(from);
            return;
        }
        foreach (string d in model.Dirs.Where(d => d == from || d.StartsWith(from + "/", StringComparison.Ordinal)).ToList())
        {
            model.Dirs.Remove(d);
            model.Dirs.Add(to + d.Substring(from.Length));
        }
        foreach (string f in model.Files.Keys.Where(f => f.StartsWith(from + "/", StringComparison.Ordinal)).ToList())
        {
            model.Files[to + f.Substring(from.Length)] = model.Files[f];
            model.Files.Remove(f);
        }
    }

    private static VfsNode Node(VirtualFileSystem vfs, string path)
    {
        Assert.Equal(0, vfs.Resolve(Abs(path), out VfsNode node));
        return node;
    }

    private static VirtualFileSystem Remount(MemoryBlockDevice device, out FatFileSystem fs)
    {
        Assert.Equal(0, FatFileSystem.Mount(device, out fs, out string error));
        var vfs = new VirtualFileSystem();
        Assert.Equal(0, vfs.Mount("/", fs));
        return vfs;
    }

    private static void AssertModel(Model model, FatFileSystem fs)
    {
        var expected = FatWriteDifferentialTests.Expected();
        foreach ((string p, byte[] d) in model.Files) expected.Files[p] = d;
        foreach (string d in model.Dirs) if (d.Length > 0) expected.Directories.Add(d);
        FatTools.AssertSameTree(expected, FatTools.ReadVfsTree(fs.Root));
    }
}
