using System.Runtime.InteropServices;

namespace XairrosX.Plugs.Pal;

/// <summary>
/// errno of the PAL: kernel code reports Linux errno numbers (the ABI user space will see too); CoreLib
/// converts them to its PAL error space through SystemNative_ConvertErrorPlatformToPal.
/// Exports: SystemNative_GetErrNo, SystemNative_SetErrNo, SystemNative_ConvertErrorPlatformToPal,
/// SystemNative_ConvertErrorPalToPlatform, SystemNative_StrErrorR.
/// </summary>
public static unsafe class Errno
{
#pragma warning disable CS1591 // Linux errno names
    public const int EPERM = 1, ENOENT = 2, EIO = 5, EBADF = 9, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EEXIST = 17,
        ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENOTTY = 25, ENOSPC = 28, ESPIPE = 29, EROFS = 30, ENAMETOOLONG = 36,
        ENOSYS = 38, ENOTEMPTY = 39, ENOTSUP = 95;
#pragma warning restore CS1591

    // errno is per thread, as in C: a thread preempted between a failing call and CoreLib reading errno
    // must not see another thread's value.
    private static ref int ThreadErrno => ref Threading.Scheduler.Current->Errno;

    /// <summary>Sets errno and returns -1, the usual failure result.</summary>
    public static int Fail(int errno)
    {
        ThreadErrno = errno;
        return -1;
    }

    /// <summary>The current errno.</summary>
    public static int Current => ThreadErrno;

    // Interop.Error values (src/libraries/Common/src/Interop/Unix/Interop.Errors.cs).
    private static int ToPal(int errno) => errno switch
    {
        0 => 0,
        EPERM => 0x10042, ENOENT => 0x1002D, EIO => 0x1001D, EBADF => 0x10008, EAGAIN => 0x10006,
        ENOMEM => 0x10031, EACCES => 0x10002, EEXIST => 0x10014, ENOTDIR => 0x10039, EISDIR => 0x1001F,
        EINVAL => 0x1001C, ENOTTY => 0x1003E, ENOSPC => 0x10034, ESPIPE => 0x10046, EROFS => 0x10045,
        ENAMETOOLONG => 0x10025, ENOSYS => 0x10037, ENOTEMPTY => 0x1003A, ENOTSUP => 0x1003D,
        _ => 0x10037,
    };

    private static int FromPal(int pal) => pal switch
    {
        0 => 0,
        0x10042 => EPERM, 0x1002D => ENOENT, 0x1001D => EIO, 0x10008 => EBADF, 0x10006 => EAGAIN,
        0x10031 => ENOMEM, 0x10002 => EACCES, 0x10014 => EEXIST, 0x10039 => ENOTDIR, 0x1001F => EISDIR,
        0x1001C => EINVAL, 0x1003E => ENOTTY, 0x10034 => ENOSPC, 0x10046 => ESPIPE, 0x10045 => EROFS,
        0x10025 => ENAMETOOLONG, 0x1003A => ENOTEMPTY, 0x1003D => ENOTSUP,
        _ => ENOSYS,
    };

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetErrNo")]
    private static int GetErrNo() => ThreadErrno;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetErrNo")]
    private static void SetErrNo(int value) => ThreadErrno = value;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_ConvertErrorPlatformToPal")]
    private static int PlatformToPal(int platformErrno) => ToPal(platformErrno);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_ConvertErrorPalToPlatform")]
    private static int PalToPlatform(int palError) => FromPal(palError);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_StrErrorR")]
    private static byte* StrErrorR(int platformErrno, byte* buffer, int bufferSize)
    {
        if (buffer == null || bufferSize <= 0) return null;
        string text = Describe(platformErrno);
        int n = 0;
        for (; n < text.Length && n < bufferSize - 1; n++) buffer[n] = (byte)text[n];
        buffer[n] = 0;
        return buffer;
    }

    /// <summary>Human-readable text of a Linux errno.</summary>
    public static string Describe(int errno) => errno switch
    {
        EPERM => "Operation not permitted", ENOENT => "No such file or directory", EIO => "I/O error",
        EBADF => "Bad file descriptor", EAGAIN => "Resource temporarily unavailable", ENOMEM => "Out of memory",
        EACCES => "Permission denied", EEXIST => "File exists", ENOTDIR => "Not a directory", EISDIR => "Is a directory",
        EINVAL => "Invalid argument", ENOTTY => "Not a terminal", ENOSPC => "No space left on device",
        ESPIPE => "Illegal seek", EROFS => "Read-only file system", ENAMETOOLONG => "File name too long",
        ENOSYS => "Function not implemented", ENOTEMPTY => "Directory not empty", ENOTSUP => "Operation not supported",
        _ => "Unknown error",
    };
}
