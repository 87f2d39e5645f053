using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace XairrosX.Kernel.Shell.Commands;

/// <summary>
/// crash &lt;exception|pagefault|divide|null&gt;: deliberately faults, to show (and test) what the kernel does:
/// "exception" throws a managed exception no handler catches (panic report with type, message and stack
/// trace); "pagefault" writes to an unmapped kernel address (CPU exception report with CR2 and registers);
/// "stackoverflow" recurses into the kernel stack's guard page (double fault on its own stack, clean report);
/// "null" and "divide" raise CPU faults inside managed code, which become catchable
/// NullReferenceException / DivideByZeroException and are reported by the shell like any command error.
/// </summary>
internal static class DiagnosticCommands
{
    /// <summary>Thrown on purpose; the shell lets it through so that it reaches the panic path.</summary>
    internal sealed class InjectedFaultException(string message) : Exception(message);

    public static IEnumerable<ShellCommand> All() =>
    [
        new("crash", "<exception|pagefault|null|divide|stackoverflow|threadstackoverflow>", "deliberately fault (diagnostics)", Crash),
    ];

    private static unsafe int Crash(ShellContext c, IReadOnlyList<string> args)
    {
        if (args.Count != 1) return c.Error("usage: crash <exception|pagefault|null|divide|stackoverflow|threadstackoverflow>");
        switch (args[0])
        {
            case "exception":
                throw new InjectedFaultException("crash requested from the shell");
            case "pagefault":
                System.Threading.Volatile.Write(ref *(ulong*)0x0000_7F00_0000_0000, 0xDEADUL); // outside the identity-mapped 4 GiB
                return 0;
            case "null":
                return NullLength(null);
            case "divide":
                return Divide(1, 0);
            case "stackoverflow":
                return Recurse(1);
            case "threadstackoverflow":
                // The thread's own guard page stops it: a double fault on the IST stack, reported with the thread.
                var thread = new System.Threading.Thread(() => Recurse(1)) { Name = "overflow" };
                thread.Start();
                thread.Join();
                return 0;
            default:
                return c.Error($"unknown fault '{args[0]}'");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int NullLength(string s) => s.Length;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Divide(int a, int b) => a / b;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Recurse(int depth)
    {
        Span<long> frame = stackalloc long[64];
        frame[depth & 63] = depth;
        return Recurse(depth + 1) + (int)frame[(depth + 1) & 63];
    }
}
