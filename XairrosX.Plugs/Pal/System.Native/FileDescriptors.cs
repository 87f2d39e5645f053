using System.Runtime.InteropServices;

namespace XairrosX.Plugs.Pal;

/// <summary>
/// File-descriptor exports of the PAL. Descriptors 0–2 are the console; the VFS (storage work) serves the
/// others. Until a file system is mounted, paths do not exist (ENOENT) and other descriptors are invalid
/// (EBADF) — System.IO then throws its usual FileNotFoundException / IOException.
/// Exports: Read, Write, PRead, PWrite, Open, Close, Dup, LSeek, FStat, Stat, LStat, FSync, FTruncate,
/// FAllocate, FLock, PosixFAdvise, OpenDir, ReadDir, CloseDir, ReadLink, Unlink, GetFileSystemType,
/// CanGetHiddenFlag, LChflagsCanSetHiddenFlag, Poll (all SystemNative_*).
/// </summary>
internal static unsafe class FileDescriptors
{
    private static bool IsConsole(nint fd) => fd >= 0 && fd <= 2;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Read")]
    private static int Read(nint fd, byte* buffer, int count) => ConsolePal.Read(fd, buffer, count);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Write")]
    private static int Write(nint fd, byte* buffer, int count) => ConsolePal.Write(fd, buffer, count);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_PRead")]
    private static int PRead(nint fd, byte* buffer, int count, long offset) => Errno.Fail(IsConsole(fd) ? Errno.ESPIPE : Errno.EBADF);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_PWrite")]
    private static int PWrite(nint fd, byte* buffer, int count, long offset) => Errno.Fail(IsConsole(fd) ? Errno.ESPIPE : Errno.EBADF);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Open")]
    private static nint Open(byte* path, int flags, int mode) => Errno.Fail(Errno.ENOENT);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Close")]
    private static int Close(nint fd) => IsConsole(fd) ? 0 : Errno.Fail(Errno.EBADF);

    // The console descriptors are shared, not duplicated: closing a "duplicate" leaves them open.
    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Dup")]
    private static nint Dup(nint fd) => IsConsole(fd) ? fd : Errno.Fail(Errno.EBADF);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LSeek")]
    private static long LSeek(nint fd, long offset, int whence) => Errno.Fail(IsConsole(fd) ? Errno.ESPIPE : Errno.EBADF);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FStat")]
    private static int FStat(nint fd, void* output) => Errno.Fail(Errno.EBADF);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Stat")]
    private static int Stat(byte* path, void* output) => Errno.Fail(Errno.ENOENT);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_LStat")]
    private static int LStat(byte* path, void* output) => Errno.Fail(Errno.ENOENT);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FSync")]
    private static int FSync(nint fd) => IsConsole(fd) ? 0 : Errno.Fail(Errno.EBADF);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FTruncate")]
    private static int FTruncate(nint fd, long length) => Errno.Fail(Errno.EBADF);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FAllocate")]
    private static int FAllocate(nint fd, long offset, long length) => Errno.Fail(Errno.EBADF);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_FLock")]
    private static int FLock(nint fd, int operation) => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_PosixFAdvise")]
    private static int PosixFAdvise(nint fd, long offset, long length, int advice) => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_OpenDir")]
    private static nint OpenDir(byte* path) => Errno.Fail(Errno.ENOENT);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_ReadDir")]
    private static int ReadDir(nint dir, void* entry) => Errno.Fail(Errno.EBADF);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_CloseDir")]
    private static int CloseDir(nint dir) => Errno.Fail(Errno.EBADF);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_ReadLink")]
    private static int ReadLink(byte* path, byte* buffer, int size) => Errno.Fail(Errno.ENOENT);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_Unlink")]
    private static int Unlink(byte* path) => Errno.Fail(Errno.ENOENT);

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
