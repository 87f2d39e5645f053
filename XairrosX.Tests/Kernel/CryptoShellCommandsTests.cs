using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using XairrosX.Blockchain.Crypto;
using XairrosX.Kernel.Shell;
using XairrosX.Kernel.Shell.Commands;
using Xunit;

namespace XairrosX.Tests.Kernel;

/// <summary>
/// The crypto and ledger shell commands on the host: documented conventions, and random/malformed arguments, which
/// must give exactly one "error:" line (status 1) or a normal answer (status 0), never an exception.
/// </summary>
public class CryptoShellCommandsTests
{
    private static readonly Dictionary<string, ShellCommand> Table =
        CryptoCommands.All().Concat(ChainCommands.All()).ToDictionary(c => c.Name);

    private static (int Status, string[] Lines) Run(string name, params string[] args)
    {
        var output = new StringWriter();
        var context = new ShellContext { Out = output, Commands = Table };
        int status = Table[name].Run(context, args);
        return (status, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void EmptyOrOmittedHexHashesTheEmptyMessage()
    {
        string empty = HexCodec.ToHex(Sha256.Hash([]));
        Assert.Equal([empty], Run("hash", "sha256", "").Lines);
        Assert.Equal([empty], Run("hash", "sha256").Lines);
        Assert.Equal([HexCodec.ToHex(Blake2b.Hash([]))], Run("hash", "blake2b", "").Lines);
    }

    [Fact]
    public void UppercaseHexIsAcceptedAndOutputIsLowercase()
    {
        (int status, string[] lines) = Run("hash", "keccak256", "ABCDEF");
        Assert.Equal(0, status);
        Assert.Equal(HexCodec.ToHex(Keccak256.Hash([0xab, 0xcd, 0xef])), Assert.Single(lines));
    }

    [Theory]
    [InlineData("secp256k1", "pub", "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData("secp256k1", "sign")]
    [InlineData("secp256k1", "nonsense")]
    [InlineData("schnorr", "verify", "00", "00", "00")]
    [InlineData("merkle")]
    [InlineData("rlp", "decode", "")]
    [InlineData("trie", "put", "00", "")]
    [InlineData("hash", "sha256", "0")]
    public void MalformedArgumentsGiveOneErrorLine(string name, params string[] args)
    {
        (int status, string[] lines) = Run(name, args);
        Assert.Equal(1, status);
        Assert.StartsWith("error: ", Assert.Single(lines));
    }

    [Fact]
    public void RandomArgumentsNeverThrow()
    {
        var random = new Random(42);
        string[] words = ["pub", "sign", "verify", "put", "del", "root", "proof", "decode", "init", "tx", "mine", "block", "balance", "mempool",
            "sha256", "blake2s", "ripemd160", "0x", "zz", "", "-1", "101"];
        Run("chain", "init");
        for (int i = 0; i < 4000; i++)
        {
            string name = Table.Keys.ElementAt(random.Next(Table.Count));
            if (name == "chain" && random.Next(4) != 0) continue;   // mining is the slow path: keep it rare
            var args = new List<string>();
            int count = random.Next(0, 5);
            for (int a = 0; a < count; a++)
            {
                if (random.Next(3) == 0) { args.Add(words[random.Next(words.Length)]); continue; }
                byte[] bytes = new byte[random.Next(3) == 0 ? 32 : random.Next(0, 80)];
                random.NextBytes(bytes);
                string hex = HexCodec.ToHex(bytes);
                if (random.Next(10) == 0 && hex.Length > 0) hex = hex[..^1];
                args.Add(hex);
            }
            if (name == "chain" && args.Count > 0 && args[0] == "mine") continue;
            (int status, string[] lines) = Run(name, [.. args]);
            Assert.True(status is 0 or 1, $"{name} {string.Join(' ', args)}");
            if (status == 1) Assert.StartsWith("error: ", Assert.Single(lines));
            else Assert.All(lines, l => Assert.DoesNotContain("error", l));
        }
    }
}
