using System;
using System.Runtime.InteropServices;
using XairrosX.Drivers.Console;

namespace XairrosX.Plugs.Pal;

/// <summary>
/// The console side of the PAL: descriptors 0, 1 and 2 are the kernel terminal (KernelConsole).
/// The terminal is reported as not a TTY, so the BCL reads standard input through its stream path and
/// the kernel's line discipline does echo and editing, as a Unix terminal in canonical mode would.
/// Exports: SystemNative_Read/Write (descriptors 0–2; the VFS takes the rest), SystemNative_ReadStdin,
/// SystemNative_IsATty, SystemNative_GetWindowSize, SystemNative_GetControlCharacters,
/// SystemNative_InitializeTerminalAndSignalHandling, SystemNative_UninitializeTerminal,
/// SystemNative_SetKeypadXmit, SystemNative_SetTerminalInvalidationHandler,
/// SystemNative_InitializeConsoleBeforeRead, SystemNative_UninitializeConsoleAfterRead.
/// </summary>
public static unsafe class ConsolePal
{
    /// <summary>Reads from a console descriptor; -1 with errno for others.</summary>
    public static int Read(nint fd, byte* buffer, int count)
    {
        if (fd != 0) return Errno.Fail(Errno.EBADF);
        if (count < 0) return Errno.Fail(Errno.EINVAL);
        return KernelConsole.Read(new Span<byte>(buffer, count));
    }

    /// <summary>Writes to a console descriptor; -1 with errno for others.</summary>
    public static int Write(nint fd, byte* buffer, int count)
    {
        if (fd != 1 && fd != 2) return Errno.Fail(Errno.EBADF);
        if (count < 0) return Errno.Fail(Errno.EINVAL);
        KernelConsole.WriteUtf8(new ReadOnlySpan<byte>(buffer, count));
        return count;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_ReadStdin")]
    private static int ReadStdin(byte* buffer, int count) => Read(0, buffer, count);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_IsATty")]
    private static int IsATty(nint fd) => 0;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetWindowSize")]
    private static int GetWindowSize(nint fd, ushort* size) => Errno.Fail(Errno.ENOTTY);

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_GetControlCharacters")]
    private static void GetControlCharacters(int* names, byte* values, int length, byte* posixDisableValue)
    {
        for (int i = 0; i < length; i++) values[i] = 0;
        *posixDisableValue = 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_InitializeTerminalAndSignalHandling")]
    private static int InitializeTerminal(int* signalForBreak) => 1;

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_UninitializeTerminal")]
    private static void UninitializeTerminal() { }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetKeypadXmit")]
    private static void SetKeypadXmit(nint fd, byte* terminfoString) { }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_SetTerminalInvalidationHandler")]
    private static void SetTerminalInvalidationHandler(void* handler) { }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_InitializeConsoleBeforeRead")]
    private static void InitializeConsoleBeforeRead(byte minChars, byte decisecondsTimeout) { }

    [UnmanagedCallersOnly(EntryPoint = "SystemNative_UninitializeConsoleAfterRead")]
    private static void UninitializeConsoleAfterRead() { }
}
