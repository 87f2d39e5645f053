using System;
using System.Text;
using Xunit;

namespace XairrosX.Tests.Blockchain.Crypto;

/// <summary>
/// Collects cases for one script of the npm reference project and runs them in a single node process
/// ({"cases": [...]} on stdin, one output line per case), so a family of 1000s of cases costs one start-up.
/// </summary>
internal sealed class ReferenceBatch
{
    private readonly StringBuilder _json = new("{\"cases\":[");

    public int Count { get; private set; }

    /// <summary>Adds a case; byte[] fields are sent as plain lowercase hex, int fields as numbers. Returns its index.</summary>
    public int Add(string op, params (string Name, object Value)[] fields)
    {
        if (Count > 0) _json.Append(',');
        _json.Append("{\"op\":\"").Append(op).Append('"');
        foreach ((string name, object value) in fields)
        {
            _json.Append(",\"").Append(name).Append("\":");
            if (value is byte[] bytes) _json.Append('"').Append(Convert.ToHexStringLower(bytes)).Append('"');
            else _json.Append((int)value);
        }
        _json.Append('}');
        return Count++;
    }

    public string[] Run(string script)
    {
        string[] lines = NodeReference.Run(script, _json.ToString() + "]}").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Count, lines.Length);
        return lines;
    }
}
