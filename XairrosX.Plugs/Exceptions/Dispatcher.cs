using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using XairrosX.Drivers.Console;
using XairrosX.Drivers.Diagnostics;

namespace XairrosX.Plugs.Exceptions;

/// <summary>
/// Managed exception dispatch. Entry: XairrosX_DispatchException, called by RhpThrowEx/RhpRethrow
/// (Native/runtime.asm) with the thrower's context. Also RhpFallbackFailFast.
/// </summary>
internal static unsafe class Dispatcher
{
    [UnmanagedCallersOnly(EntryPoint = "XairrosX_DispatchException")]
    private static void DispatchException(nint exceptionObject, MachineContext* context, int isRethrow)
    {
        Unhandled(exceptionObject);
    }

    /// <summary>Reports an exception nobody catches and stops the kernel.</summary>
    internal static void Unhandled(nint exceptionObject)
    {
        if (!Panic.BeginReport()) return;
        KernelConsole.Write("Unhandled managed exception");
        if (exceptionObject != 0)
        {
            Exception e = Unsafe.As<nint, Exception>(ref exceptionObject);
            KernelConsole.Write(": ");
            KernelConsole.Write(e.GetType().FullName ?? "?");
            KernelConsole.Write(": ");
            KernelConsole.Write(e.Message);
        }
        KernelConsole.Write("\n");
        Panic.Stop();
    }

    [UnmanagedCallersOnly(EntryPoint = "RhpFallbackFailFast")]
    private static void FallbackFailFast() => Panic.Fatal("runtime fail-fast (RhpFallbackFailFast)");
}

/// <summary>Registers of a frame being unwound; layout shared with Native/runtime.asm.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MachineContext
{
#pragma warning disable CS1591
    public ulong Rip, Rsp, Rbp, Rbx, R12, R13, R14, R15;
#pragma warning restore CS1591
}
