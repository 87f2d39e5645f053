using System;
using System.Collections.Generic;
using System.Text;

namespace XairrosX.Kernel.Shell;

/// <summary>
/// Splits a shell line into words: blanks separate words; single quotes keep everything literally;
/// double quotes keep blanks and allow \" and \\; a backslash outside quotes escapes the next character.
/// </summary>
public static class CommandLineParser
{
    /// <summary>Longest line the shell accepts.</summary>
    public const int MaxLineLength = 1024;

    /// <summary>Splits <paramref name="line"/>; returns false with a reason for malformed lines.</summary>
    public static bool TrySplit(string line, out List<string> words, out string error)
    {
        words = new List<string>();
        error = null;
        if (line.Length > MaxLineLength)
        {
            error = $"line too long ({line.Length} characters, at most {MaxLineLength})";
            return false;
        }
        var current = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote == '\'')
            {
                if (c == '\'') quote = '\0'; else current.Append(c);
                continue;
            }
            if (quote == '"')
            {
                if (c == '"') quote = '\0';
                else if (c == '\\' && i + 1 < line.Length && (line[i + 1] == '"' || line[i + 1] == '\\')) current.Append(line[++i]);
                else current.Append(c);
                continue;
            }
            if (c == ' ' || c == '\t')
            {
                if (inWord) { words.Add(current.ToString()); current.Clear(); inWord = false; }
                continue;
            }
            inWord = true;
            if (c == '\'' || c == '"') quote = c;
            else if (c == '\\')
            {
                if (i + 1 == line.Length) { error = "backslash at end of line"; return false; }
                current.Append(line[++i]);
            }
            else current.Append(c);
        }
        if (quote != '\0')
        {
            error = $"unterminated {(quote == '"' ? "double" : "single")} quote";
            return false;
        }
        if (inWord) words.Add(current.ToString());
        return true;
    }
}
