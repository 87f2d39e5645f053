using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using XairrosX.Blockchain.Crypto;

namespace XairrosX.Tests.Blockchain.Crypto;

/// <summary>Reads Wycheproof test files in place from the shared vectors folder.</summary>
internal static class Wycheproof
{
    public sealed record Case(JsonElement Group, JsonElement Test, int Id, string Result, string Comment);

    public static IEnumerable<Case> Cases(string fileName)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(SharedVectors.Path("C2SP__wycheproof", "testvectors_v1", fileName)));
        foreach (JsonElement group in document.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                yield return new Case(group.Clone(), test.Clone(), test.GetProperty("tcId").GetInt32(),
                    test.GetProperty("result").GetString()!, test.GetProperty("comment").GetString() ?? "");
            }
        }
    }

    public static byte[] Hex(this JsonElement element, string property) => HexCodec.Parse(element.GetProperty(property).GetString());
}
