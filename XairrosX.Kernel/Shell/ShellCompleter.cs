using System;
using System.Collections.Generic;
using System.IO;
using XairrosX.Drivers.Console;

namespace XairrosX.Kernel.Shell;

/// <summary>
/// Tab completion for the shell: the first word completes to command names, later words to paths
/// (directories get a trailing '/'). Words are split at spaces only; quoting is not considered.
/// Directory listing failures mean no candidates, never an exception.
/// </summary>
public sealed class ShellCompleter : ILineCompleter
{
    private readonly IEnumerable<string> _commandNames;
    private readonly Func<string, IEnumerable<(string Name, bool IsDirectory)>> _listDirectory;

    /// <summary>Completes <paramref name="commandNames"/> and paths listed by <paramref name="listDirectory"/>
    /// (given the directory as typed, "" for the working directory).</summary>
    public ShellCompleter(IEnumerable<string> commandNames, Func<string, IEnumerable<(string Name, bool IsDirectory)>> listDirectory)
    {
        _commandNames = commandNames;
        _listDirectory = listDirectory;
    }

    /// <summary>The kernel's completer: the shell's commands and the VFS through System.IO.</summary>
    public static ShellCompleter ForKernel(IEnumerable<string> commandNames) => new(commandNames, ListThroughSystemIo);

    /// <inheritdoc />
    public int Complete(string line, int cursor, List<string> candidates)
    {
        cursor = Math.Clamp(cursor, 0, line.Length);
        int start = cursor;
        while (start > 0 && line[start - 1] != ' ') start--;
        string word = line.Substring(start, cursor - start);
        if (line.AsSpan(0, start).Trim().IsEmpty)
        {
            foreach (string name in _commandNames)
                if (name.StartsWith(word, StringComparison.Ordinal)) candidates.Add(name);
        }
        else
        {
            int slash = word.LastIndexOf('/');
            string directory = word.Substring(0, slash + 1), namePrefix = word.Substring(slash + 1);
            try
            {
                foreach ((string name, bool isDirectory) in _listDirectory(directory))
                    if (name.StartsWith(namePrefix, StringComparison.Ordinal)) candidates.Add(directory + name + (isDirectory ? "/" : ""));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // An unreadable or malformed directory part: nothing to offer.
            }
        }
        candidates.Sort(StringComparer.Ordinal);
        return start;
    }

    private static IEnumerable<(string, bool)> ListThroughSystemIo(string directory)
    {
        string path = Commands.FileCommands.FullPath(directory.Length == 0 ? "." : directory);
        var entries = new List<(string, bool)>();
        if (!Directory.Exists(path)) return entries;
        foreach (FileSystemInfo entry in new DirectoryInfo(path).EnumerateFileSystemInfos())
            entries.Add((entry.Name, entry is DirectoryInfo));
        return entries;
    }
}
