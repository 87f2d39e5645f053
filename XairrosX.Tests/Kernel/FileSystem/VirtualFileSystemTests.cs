using System;
using System.Collections.Generic;
using System.Text;
using XairrosX.Kernel.FileSystem;
using XairrosX.Kernel.FileSystem.Cpio;
using XairrosX.Kernel.FileSystem.Initrd;
using XairrosX.Kernel.FileSystem.Tmpfs;
using XairrosX.Plugs.Pal;
using Xunit;

namespace XairrosX.Tests.Kernel.FileSystem;

public class VirtualFileSystemTests
{
    private static VirtualFileSystem Boot()
    {
        byte[] archive = NewcBuilder.Build([
            NewcBuilder.File("README", "read me\n"),
            NewcBuilder.File("models/mnist/model.onnx", "onnx-bytes"),
            NewcBuilder.Dir("etc"),
        ]);
        var vfs = new VirtualFileSystem();
        Assert.Equal(0, vfs.Mount("/", new InitrdFileSystem(archive)));
        Assert.Equal(0, vfs.Mount("/tmp", new TmpFileSystem(capacityBytes: 4096)));
        return vfs;
    }

    [Theory]
    [InlineData("/", "/", "/")]
    [InlineData("a/b", "/x", "/x/a/b")]
    [InlineData("//a///b/", "/", "/a/b")]
    [InlineData("/a/./b/../c", "/", "/a/c")]
    [InlineData("../../..", "/a", "/")]
    [InlineData("..", "/", "/")]
    [InlineData(".", "/tmp", "/tmp")]
    public void PathsBecomeCanonical(string path, string cwd, string expected)
    {
        Assert.True(VfsPath.TryNormalize(path, cwd, out string canonical));
        Assert.Equal(expected, canonical);
    }

    [Fact]
    public void OverlongPathsAndNulAreRejected()
    {
        Assert.False(VfsPath.TryNormalize("/" + new string('a', 256), "/", out _));
        Assert.False(VfsPath.TryNormalize("/a\0b", "/", out _));
        Assert.Equal(-Errno.ENAMETOOLONG, Boot().Resolve("/" + new string('a', 300), out _));
    }

    [Fact]
    public void InitrdDirectoriesComeFromFilePaths()
    {
        VirtualFileSystem vfs = Boot();
        Assert.Equal(0, vfs.List("/", out List<string> root));
        Assert.Equal(["README", "etc", "models", "tmp"], root);
        Assert.Equal(0, vfs.Resolve("/models/mnist", out VfsNode mnist));
        Assert.Equal(VfsNodeKind.Directory, mnist.Kind);
        Assert.Equal(0, vfs.Resolve("models/../models/mnist/model.onnx", out VfsNode model, "/"));
        Assert.Equal(10, model.Length);
        Assert.Equal(-Errno.ENOENT, vfs.Resolve("/models/nope", out _));
        Assert.Equal(-Errno.ENOTDIR, vfs.Resolve("/README/x", out _));
    }

    [Fact]
    public void InitrdIsReadOnly()
    {
        VirtualFileSystem vfs = Boot();
        Assert.Equal(-Errno.EROFS, vfs.OpenFiles.Open("/README", VfsOpenFlags.WriteOnly));
        Assert.Equal(-Errno.EROFS, vfs.OpenFiles.Open("/new", VfsOpenFlags.WriteOnly | VfsOpenFlags.Create));
        Assert.Equal(-Errno.EROFS, vfs.Unlink("/README"));
        Assert.Equal(-Errno.EROFS, vfs.MakeDirectory("/d"));
        Assert.Equal(-Errno.EISDIR, vfs.OpenFiles.Open("/models", VfsOpenFlags.ReadWrite));
        Assert.Equal(-Errno.EPERM, vfs.RemoveDirectory("/tmp"));
    }

    [Fact]
    public void ReadsWithPositionsAndSeeks()
    {
        VirtualFileSystem vfs = Boot();
        int fd = vfs.OpenFiles.Open("/README", VfsOpenFlags.ReadOnly);
        Assert.Equal(OpenFileTable.FirstDescriptor, fd);
        var buffer = new byte[4];
        Assert.Equal(4, vfs.OpenFiles.Read(fd, buffer));
        Assert.Equal("read", Encoding.ASCII.GetString(buffer));
        Assert.Equal(4, vfs.OpenFiles.Read(fd, buffer));
        Assert.Equal(0, vfs.OpenFiles.Read(fd, buffer));
        Assert.Equal(5, vfs.OpenFiles.Seek(fd, -3, VfsSeekOrigin.End));
        Assert.Equal(2, vfs.OpenFiles.ReadAt(fd, buffer, 6));
        Assert.Equal(-Errno.EINVAL, vfs.OpenFiles.Seek(fd, -100, VfsSeekOrigin.Current));
        Assert.Equal(-Errno.EBADF, vfs.OpenFiles.Write(fd, buffer));
        Assert.Equal(0, vfs.OpenFiles.Close(fd));
        Assert.Equal(-Errno.EBADF, vfs.OpenFiles.Read(fd, buffer));
        Assert.Equal(-Errno.EBADF, vfs.OpenFiles.Close(fd));
    }

    [Fact]
    public void TmpfsWritesGrowsTruncatesAndLimits()
    {
        VirtualFileSystem vfs = Boot();
        int fd = vfs.OpenFiles.Open("/tmp/a.txt", VfsOpenFlags.ReadWrite | VfsOpenFlags.Create);
        Assert.Equal(5, vfs.OpenFiles.Write(fd, "hello"u8));
        Assert.Equal(3, vfs.OpenFiles.WriteAt(fd, "XYZ"u8, 10));
        Assert.Equal(0, vfs.Resolve("/tmp/a.txt", out VfsNode node));
        Assert.Equal(13, node.Length);
        var all = new byte[13];
        Assert.Equal(13, vfs.OpenFiles.ReadAt(fd, all, 0));
        Assert.Equal("hello\0\0\0\0\0XYZ", Encoding.ASCII.GetString(all));
        Assert.Equal(0, vfs.OpenFiles.Truncate(fd, 2));
        Assert.Equal(2, node.Length);
        Assert.Equal(-Errno.ENOSPC, vfs.OpenFiles.WriteAt(fd, new byte[5000], 0));
        Assert.Equal(-Errno.EEXIST, vfs.OpenFiles.Open("/tmp/a.txt", VfsOpenFlags.WriteOnly | VfsOpenFlags.Create | VfsOpenFlags.Exclusive));
        int again = vfs.OpenFiles.Open("/tmp/a.txt", VfsOpenFlags.WriteOnly | VfsOpenFlags.Truncate);
        Assert.Equal(0, node.Length);
        Assert.NotEqual(fd, again);
    }

    [Fact]
    public void NonEmptyTmpfsDirectoriesMoveWithTheirContents()
    {
        VirtualFileSystem vfs = Boot();
        Assert.Equal(0, vfs.MakeDirectory("/tmp/a"));
        Assert.Equal(0, vfs.MakeDirectory("/tmp/b"));
        Assert.True(vfs.OpenFiles.Open("/tmp/a/f", VfsOpenFlags.WriteOnly | VfsOpenFlags.Create) >= 3);
        Assert.Equal(0, vfs.Rename("/tmp/a", "/tmp/b/moved"));
        Assert.Equal(-Errno.ENOENT, vfs.Resolve("/tmp/a", out _));
        Assert.Equal(0, vfs.Resolve("/tmp/b/moved/f", out _));
    }

    [Fact]
    public void DirectoriesCanBeMadeListedRenamedAndRemoved()
    {
        VirtualFileSystem vfs = Boot();
        Assert.Equal(0, vfs.MakeDirectory("/tmp/d"));
        Assert.Equal(-Errno.EEXIST, vfs.MakeDirectory("/tmp/d"));
        Assert.True(vfs.OpenFiles.Open("/tmp/d/f", VfsOpenFlags.WriteOnly | VfsOpenFlags.Create) >= 3);
        Assert.Equal(-Errno.ENOTEMPTY, vfs.RemoveDirectory("/tmp/d"));
        Assert.Equal(-Errno.EISDIR, vfs.Unlink("/tmp/d"));
        Assert.Equal(-Errno.ENOTDIR, vfs.RemoveDirectory("/tmp/d/f"));
        Assert.Equal(0, vfs.Rename("/tmp/d/f", "/tmp/g"));
        Assert.Equal(-Errno.EINVAL, vfs.Rename("/tmp/d", "/tmp/d/inner"));
        Assert.Equal(-Errno.EPERM, vfs.Rename("/tmp/g", "/g"));
        int dir = vfs.OpenFiles.OpenDirectory("/tmp");
        var seen = new List<string>();
        while (vfs.OpenFiles.ReadDirectory(dir, out string name, out VfsNodeKind kind) == 1) seen.Add($"{name}:{kind}");
        Assert.Equal(["d:Directory", "g:File"], seen);
        Assert.Equal(0, vfs.OpenFiles.CloseDirectory(dir));
        Assert.Equal(-Errno.EBADF, vfs.OpenFiles.ReadDirectory(dir, out _, out _));
        Assert.Equal(0, vfs.RemoveDirectory("/tmp/d"));
        Assert.Equal(0, vfs.Unlink("/tmp/g"));
        Assert.Equal(-Errno.ENOENT, vfs.Unlink("/tmp/g"));
        Assert.Equal(-Errno.ENOTDIR, vfs.OpenFiles.OpenDirectory("/README"));
    }

    [Fact]
    public void MountNeedsARootAndADirectory()
    {
        var vfs = new VirtualFileSystem();
        Assert.Equal(-Errno.ENOENT, vfs.Mount("/tmp", new TmpFileSystem()));
        Assert.Equal(-Errno.ENOENT, vfs.Resolve("/", out _));
        VirtualFileSystem booted = Boot();
        Assert.Equal(-Errno.ENOTDIR, booted.Mount("/README", new TmpFileSystem()));
        Assert.Equal(-Errno.EEXIST, booted.Mount("/tmp", new TmpFileSystem()));
        Assert.Equal(["/", "/tmp"], System.Linq.Enumerable.Select(booted.Mounts, m => m.Key));
    }

    [Fact]
    public void ConflictingInitrdMembersAreFormatErrors()
    {
        byte[] archive = NewcBuilder.Build([NewcBuilder.File("a", "x"), NewcBuilder.File("a/b", "y")]);
        Assert.Throws<CpioFormatException>(() => new InitrdFileSystem(archive));
        byte[] replaced = NewcBuilder.Build([NewcBuilder.File("a", "x"), NewcBuilder.File("a", "longer")]);
        var vfs = new VirtualFileSystem();
        vfs.Mount("/", new InitrdFileSystem(replaced));
        vfs.Resolve("/a", out VfsNode a);
        Assert.Equal(6, a.Length);
    }

    [Fact]
    public void DescriptorsAreReusedLowestFirst()
    {
        VirtualFileSystem vfs = Boot();
        int a = vfs.OpenFiles.Open("/README", VfsOpenFlags.ReadOnly), b = vfs.OpenFiles.Open("/README", VfsOpenFlags.ReadOnly);
        vfs.OpenFiles.Close(a);
        Assert.Equal(a, vfs.OpenFiles.Open("/README", VfsOpenFlags.ReadOnly));
        int dup = vfs.OpenFiles.Duplicate(b);
        vfs.OpenFiles.Read(b, new byte[3]);
        Assert.Equal(3, vfs.OpenFiles.Seek(dup, 0, VfsSeekOrigin.Current));
    }
}
