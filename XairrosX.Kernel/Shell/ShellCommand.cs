using System;
using System.Collections.Generic;

namespace XairrosX.Kernel.Shell;

/// <summary>A shell command: its name, a one-line usage and description, and its handler.</summary>
/// <param name="Name">What the user types.</param>
/// <param name="Usage">Arguments, as shown by help.</param>
/// <param name="Description">One line for help.</param>
/// <param name="Run">Runs the command with its arguments (the name excluded); returns the exit status.</param>
public sealed record ShellCommand(string Name, string Usage, string Description, Func<ShellContext, IReadOnlyList<string>, int> Run);

/// <summary>What a command may use: its output and the shell's state.</summary>
public sealed class ShellContext
{
    /// <summary>Where the command writes.</summary>
    public System.IO.TextWriter Out { get; init; } = Console.Out;
    /// <summary>Set by shutdown/reboot/exit: the shell stops after the command.</summary>
    public bool ExitRequested { get; set; }
    /// <summary>The command table (for help).</summary>
    public IReadOnlyDictionary<string, ShellCommand> Commands { get; init; }

    /// <summary>Prints a one-line error (prefixed "error: ") and returns status 1.</summary>
    public int Error(string message)
    {
        Out.WriteLine("error: " + message);
        return 1;
    }
}
