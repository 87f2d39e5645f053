using System;
using System.Collections.Generic;
using System.IO;
using XairrosX.Kernel.Shell;
using Xunit;

namespace XairrosX.Tests.Kernel;

public class ShellCompleterTests
{
    private static readonly Dictionary<string, (string, bool)[]> Tree = new()
    {
        [""] = [("models", true), ("README", false), ("readme.txt", false)],
        ["/"] = [("models", true), ("tmp", true), ("README", false)],
        ["/models/"] = [("mnist", true)],
    };

    private static IEnumerable<(string, bool)> List(string directory) =>
        Tree.TryGetValue(directory, out var entries) ? entries : throw new DirectoryNotFoundException(directory);

    private static ShellCompleter Completer() => new(["help", "hash", "hexdump", "ls", "echo"], List);

    private static string Complete(string line, int? cursor = null)
    {
        var candidates = new List<string>();
        int start = Completer().Complete(line, cursor ?? line.Length, candidates);
        return start + ": " + string.Join(" ", candidates);
    }

    [Fact]
    public void FirstWordCompletesCommandNamesSorted()
    {
        Assert.Equal("0: hash help hexdump", Complete("h"));
        Assert.Equal("2: echo", Complete("  ec"));
        Assert.Equal("0: echo hash help hexdump ls", Complete(""));
    }

    [Fact]
    public void LaterWordsCompletePathsWithSlashesOnDirectories()
    {
        Assert.Equal("3: /README /models/ /tmp/", Complete("ls /"));
        Assert.Equal("4: /models/mnist/", Complete("cat /models/m"));
        Assert.Equal("3: README", Complete("ls R"));
        Assert.Equal("3: models/", Complete("ls mo"));
    }

    [Fact]
    public void CompletesTheWordAtTheCursorNotTheLineEnd()
    {
        Assert.Equal("0: ls", Complete("l /tmp", 1));
    }

    [Fact]
    public void MissingDirectoriesGiveNoCandidates()
    {
        Assert.Equal("3: ", Complete("ls /nowhere/x"));
        Assert.Equal("3: ", Complete("ls \"/odd"));
    }

    [Fact]
    public void RandomLinesNeverThrow()
    {
        var rng = new Random(5);
        const string alphabet = "hl /mR\"x.";
        for (int i = 0; i < 5000; i++)
        {
            char[] line = new char[rng.Next(12)];
            for (int j = 0; j < line.Length; j++) line[j] = alphabet[rng.Next(alphabet.Length)];
            int cursor = rng.Next(-2, line.Length + 3);
            var candidates = new List<string>();
            int start = Completer().Complete(new string(line), cursor, candidates);
            Assert.InRange(start, 0, line.Length);
        }
    }
}
