using System;
using System.Runtime.InteropServices;

namespace XairrosX.Plugs.Pal;

/// <summary>Interop.Sys.FileStatus of the PAL (pal_io.h; 120 bytes in .NET 10, checked against CoreLib's own
/// struct by reflection). Keep in sync with dotnet/runtime src/native/libs/System.Native/pal_io.h.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct FileStatus
{
#pragma warning disable CS1591 // the PAL's field names
    public int Flags;
    public int Mode;
    public uint Uid, Gid;
    public long Size;
    public long ATime, ATimeNsec, MTime, MTimeNsec, CTime, CTimeNsec, BirthTime, BirthTimeNsec;
    public long Dev, RDev, Ino;
    public uint UserFlags;
#pragma warning restore CS1591
}

/// <summary>Interop.Sys.DirectoryEntry of the PAL (pal_io.h; 16 bytes): the name stays valid until the next
/// ReadDir or CloseDir on the same stream.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct DirectoryEntry
{
#pragma warning disable CS1591
    public byte* Name;
    public int NameLength;
    public int InodeType;
#pragma warning restore CS1591
}

/// <summary>
/// What the kernel's VFS offers the PAL. Paths arrive as UTF-8 without the terminating NUL; results are
/// 0 / a descriptor / a count on success and a negative Linux errno on failure (ReadDir: 0 entry, -1 end,
/// a positive errno on failure, as SystemNative_ReadDir itself).
/// </summary>
public unsafe interface IFileSystemHook
{
#pragma warning disable CS1591 // one method per SystemNative_* export of the same name
    int Open(ReadOnlySpan<byte> path, int flags, int mode);
    int Close(int fd);
    int Dup(int fd);
    int Read(int fd, Span<byte> buffer);
    int Write(int fd, ReadOnlySpan<byte> buffer);
    int PRead(int fd, Span<byte> buffer, long offset);
    int PWrite(int fd, ReadOnlySpan<byte> buffer, long offset);
    long LSeek(int fd, long offset, int whence);
    int FStat(int fd, out FileStatus status);
    int Stat(ReadOnlySpan<byte> path, out FileStatus status);
    int FTruncate(int fd, long length);
    int FSync(int fd);
    nint OpenDir(ReadOnlySpan<byte> path);
    int ReadDir(nint dir, DirectoryEntry* entry);
    int CloseDir(nint dir);
    int Unlink(ReadOnlySpan<byte> path);
    int MkDir(ReadOnlySpan<byte> path, int mode);
    int RmDir(ReadOnlySpan<byte> path);
    int Rename(ReadOnlySpan<byte> from, ReadOnlySpan<byte> to);
#pragma warning restore CS1591
}

/// <summary>
/// File-descriptor exports of the PAL. Descriptors 0–2 are the console; every other descriptor, every path
/// and every directory stream goes to <see cref="Hook"/> (the kernel's VFS). Without a hook, paths do not
/// exist (ENOENT) and other descriptors are invalid (EBADF).
/// Exports: Read, Write, PRead, PWrite, Open, Close, Dup, LSeek, FStat, Stat, LStat, FSync, FTruncate,
/// FAllocate, FLock, PosixFAdvise, OpenDir, ReadDir, CloseDir, ReadLink, Unlink, MkDir, RmDir, Rename, Link, CopyFile,
/// GetFileSystemType, CanGetHiddenFlag, LChflagsCanSetHiddenFlag, Poll (all SystemNative_*).
/// </summary>
public static unsafe class FileDescriptors
{
    /// <summary>The VFS behind the file exports; set once by the kernel at boot.</summary>
    public static IFileSystemHook Hook { get; set; }

    private static bool IsConsole(nint fd) => fd >= 0 && fd <= 2;

    private static ReadOnlySpan<byte> PathOf(byte* path) => MemoryMarshal.CreateReadOnlySpanFromNullTerminated(path);

    // Negative errno -> -1 with errno set; anything else unchanged.
    private static int Result(int r) => r < 0 ? Errno.Fail(-r) : r;
    private static long Result(long r) => r < 0 ? Errno.Fail((int)-r) : r;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Read")]
    private static int Read(nint fd, byte* buffer, int count)
    {
        if (IsConsole(fd)) return ConsolePal.Read(fd, buffer, count);
        if (count < 0) return Errno.Fail(Errno.EINVAL);
        return Hook == null ? Errno.Fail(Errno.EBADF) : Result(Hook.Read((int)fd, new Span<byte>(buffer, count)));
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Write")]
    private static int Write(nint fd, byte* buffer, int count)
    {
        if (IsConsole(fd)) return ConsolePal.Write(fd, buffer, count);
        if (count < 0) return Errno.Fail(Errno.EINVAL);
        return Hook == null ? Errno.Fail(Errno.EBADF) : Result(Hook.Write((int)fd, new ReadOnlySpan<byte>(buffer, count)));
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_PRead")]
    private static int PRead(nint fd, byte* buffer, int count, long offset)
    {
        if (IsConsole(fd)) return Errno.Fail(Errno.ESPIPE);
        if (count < 0) return Errno.Fail(Errno.EINVAL);
        return Hook == null ? Errno.Fail(Errno.EBADF) : Result(Hook.PRead((int)fd, new Span<byte>(buffer, count), offset));
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_PWrite")]
    private static int PWrite(nint fd, byte* buffer, int count, long offset)
    {
        if (IsConsole(fd)) return Errno.Fail(Errno.ESPIPE);
        if (count < 0) return Errno.Fail(Errno.EINVAL);
        return Hook == null ? Errno.Fail(Errno.EBADF) : Result(Hook.PWrite((int)fd, new ReadOnlySpan<byte>(buffer, count), offset));
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Open")]
    private static nint Open(byte* path, int flags, int mode) =>
        Hook == null ? Errno.Fail(Errno.ENOENT) : Result(Hook.Open(PathOf(path), flags, mode));

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Close")]
    private static int Close(nint fd)
    {
        if (IsConsole(fd)) return 0;
        return Hook == null ? Errno.Fail(Errno.EBADF) : Result(Hook.Close((int)fd));
    }

    // The console descriptors are shared, not duplicated: closing a "duplicate" leaves them open.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Dup")]
    private static nint Dup(nint fd)
    {
        if (IsConsole(fd)) return fd;
        return Hook == null ? Errno.Fail(Errno.EBADF) : Result(Hook.Dup((int)fd));
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LSeek")]
    private static long LSeek(nint fd, long offset, int whence)
    {
        if (IsConsole(fd)) return Errno.Fail(Errno.ESPIPE);
        return Hook == null ? Errno.Fail(Errno.EBADF) : Result(Hook.LSeek((int)fd, offset, whence));
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FStat")]
    private static int FStat(nint fd, FileStatus* output)
    {
        if (IsConsole(fd) || Hook == null) return Errno.Fail(Errno.EBADF);
        int r = Hook.FStat((int)fd, out FileStatus status);
        if (r == 0) *output = status;
        return Result(r);
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Stat")]
    private static int Stat(byte* path, FileStatus* output) => StatPath(path, output);

    // No symbolic links yet: LStat is Stat.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LStat")]
    private static int LStat(byte* path, FileStatus* output) => StatPath(path, output);

    private static int StatPath(byte* path, FileStatus* output)
    {
        if (Hook == null) return Errno.Fail(Errno.ENOENT);
        int r = Hook.Stat(PathOf(path), out FileStatus status);
        if (r == 0) *output = status;
        return Result(r);
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FSync")]
    private static int FSync(nint fd)
    {
        if (IsConsole(fd)) return 0;
        return Hook == null ? Errno.Fail(Errno.EBADF) : Result(Hook.FSync((int)fd));
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FTruncate")]
    private static int FTruncate(nint fd, long length)
    {
        if (IsConsole(fd)) return Errno.Fail(Errno.EINVAL);
        return Hook == null ? Errno.Fail(Errno.EBADF) : Result(Hook.FTruncate((int)fd, length));
    }

    // Preallocation is an optimization; RAM file systems grow on write.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FAllocate")]
    private static int FAllocate(nint fd, long offset, long length) => 0;

    // One thread, no processes: advisory locks always succeed.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FLock")]
    private static int FLock(nint fd, int operation) => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_PosixFAdvise")]
    private static int PosixFAdvise(nint fd, long offset, long length, int advice) => 0;

    // A DIR*: null (not -1) with errno on failure, as opendir.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_OpenDir")]
    private static nint OpenDir(byte* path)
    {
        if (Hook == null) { Errno.Fail(Errno.ENOENT); return 0; }
        nint r = Hook.OpenDir(PathOf(path));
        if (r > 0) return r;
        Errno.Fail(r < 0 ? (int)-r : Errno.EIO);
        return 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_ReadDir")]
    private static int ReadDir(nint dir, DirectoryEntry* entry) => Hook == null ? Errno.EBADF : Hook.ReadDir(dir, entry);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_CloseDir")]
    private static int CloseDir(nint dir) => Hook == null ? Errno.Fail(Errno.EBADF) : Result(Hook.CloseDir(dir));

    // No symbolic links: every path that exists is "not a link".
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_ReadLink")]
    private static int ReadLink(byte* path, byte* buffer, int size) => Errno.Fail(Errno.EINVAL);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Unlink")]
    private static int Unlink(byte* path) => Hook == null ? Errno.Fail(Errno.ENOENT) : Result(Hook.Unlink(PathOf(path)));

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_MkDir")]
    private static int MkDir(byte* path, int mode) => Hook == null ? Errno.Fail(Errno.EROFS) : Result(Hook.MkDir(PathOf(path), mode));

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_RmDir")]
    private static int RmDir(byte* path) => Hook == null ? Errno.Fail(Errno.ENOENT) : Result(Hook.RmDir(PathOf(path)));

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Rename")]
    private static int Rename(byte* from, byte* to) => Hook == null ? Errno.Fail(Errno.ENOENT) : Result(Hook.Rename(PathOf(from), PathOf(to)));

    // No hard links: EPERM makes CoreLib's File.Move fall back to rename.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Link")]
    private static int Link(byte* source, byte* destination) => Errno.Fail(Errno.EPERM);

    // File.Copy's data transfer: read and write through the VFS, 4 KiB at a time.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_CopyFile")]
    private static int CopyFile(nint sourceFd, nint destinationFd, long sourceLength)
    {
        if (Hook == null || IsConsole(sourceFd) || IsConsole(destinationFd)) return Errno.Fail(Errno.EBADF);
        Span<byte> buffer = stackalloc byte[4096];
        while (true)
        {
            int n = Hook.Read((int)sourceFd, buffer);
            if (n < 0) return Errno.Fail(-n);
            if (n == 0) return 0;
            for (int done = 0; done < n;)
            {
                int w = Hook.Write((int)destinationFd, buffer.Slice(done, n - done));
                if (w <= 0) return Errno.Fail(w < 0 ? -w : Errno.EIO);
                done += w;
            }
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetFileSystemType")]
    private static uint GetFileSystemType(nint fd) => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_CanGetHiddenFlag")]
    private static int CanGetHiddenFlag() => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LChflagsCanSetHiddenFlag")]
    private static int LChflagsCanSetHiddenFlag() => 0;

    // Returns an Interop.Error (PAL space): ENOTSUP until descriptors can be waited on.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Poll")]
    private static int Poll(void* events, uint count, int milliseconds, uint* triggered)
    {
        *triggered = 0;
        return 0x1003D;
    }
}
