using System;
using System.Collections.Generic;
using XairrosX.Drivers.Platform;
using XairrosX.Drivers.Power;

namespace XairrosX.Kernel.Shell;

/// <summary>
/// The kernel shell: reads lines with Console.ReadLine (the PAL's line discipline on the serial console),
/// splits them, runs commands. Bad lines and unknown commands get an "error:" line; a command that throws
/// gets an error line with the exception and the shell goes on. End of input powers the machine off.
/// </summary>
public sealed class ShellHost
{
    /// <summary>The prompt.</summary>
    public const string Prompt = "xairrosx> ";
    private readonly Dictionary<string, ShellCommand> _commands = new(StringComparer.Ordinal);
    private readonly ShellContext _context;

    /// <summary>Creates the shell with every built-in command.</summary>
    public ShellHost()
    {
        foreach (ShellCommand c in Commands.SystemCommands.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.SelfTestCommand.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.DiagnosticCommands.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.HardwareCommands.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.FileCommands.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.StorageCommands.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.AiCommands.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.GcCommands.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.CryptoCommands.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.BenchCommand.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.ChainCommands.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.ThreadCommands.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.KeyCommands.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.BlockCommands.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.ConsoleCommands.All()) _commands.Add(c.Name, c);
        foreach (ShellCommand c in Commands.IrqCommands.All()) _commands.Add(c.Name, c);
        _context = new ShellContext { Commands = _commands };
    }

    /// <summary>Tab completion over this shell's commands and the file system.</summary>
    public ShellCompleter CreateCompleter() => ShellCompleter.ForKernel(_commands.Keys);

    /// <summary>Runs until shutdown, reboot or end of input.</summary>
    public void Run()
    {
        XairrosX.Drivers.Console.LineDiscipline.Completer = CreateCompleter();
        Console.WriteLine("Type 'help' for the list of commands.");
        while (true)
        {
            Console.Write(Prompt);
            if (Kernel.PromptTimestamp == 0) Kernel.PromptTimestamp = Cpu.ReadTsc();
            string line = Console.ReadLine();
            if (line == null)
            {
                Console.WriteLine();
                Console.WriteLine("end of input: powering off");
                PowerControl.PowerOff();
                return;
            }
            Execute(line);
            if (_context.ExitRequested) return;
        }
    }

    /// <summary>Runs one line; returns its exit status.</summary>
    public int Execute(string line)
    {
        if (!CommandLineParser.TrySplit(line, out List<string> words, out string error)) return _context.Error(error);
        if (words.Count == 0) return 0;
        if (!_commands.TryGetValue(words[0], out ShellCommand command))
            return _context.Error($"unknown command '{Truncate(words[0])}' (type 'help')");
        try
        {
            return command.Run(_context, words.GetRange(1, words.Count - 1));
        }
        catch (Exception e) when (e is not Commands.DiagnosticCommands.InjectedFaultException)
        {
            return _context.Error($"{command.Name}: {e.GetType().Name}: {e.Message}");
        }
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s.Substring(0, 40) + "…";
}
