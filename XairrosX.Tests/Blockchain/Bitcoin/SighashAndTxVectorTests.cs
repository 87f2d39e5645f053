using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using XairrosX.Blockchain.Bitcoin;
using XairrosX.Blockchain.Bitcoin.Scripting;
using XairrosX.Blockchain.Primitives;
using Xunit;
using Xunit.Abstractions;

namespace XairrosX.Tests.Blockchain.Bitcoin;

public class SighashAndTxVectorTests
{
    private readonly ITestOutputHelper _output;

    public SighashAndTxVectorTests(ITestOutputHelper output) => _output = output;

    private static JsonDocument Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(SharedVectors.Path("bitcoin__bitcoin", "src", "test", "data", file)));

    private static string Reversed(Hash32 h)
    {
        byte[] b = h.ToArray();
        Array.Reverse(b);
        return Convert.ToHexStringLower(b);
    }

    private static Hash32 FromDisplay(string hex)
    {
        byte[] b = Convert.FromHexString(hex);
        Array.Reverse(b);
        return new Hash32(b);
    }

    [Fact]
    public void AllLegacySighashVectorsMatch()
    {
        using JsonDocument doc = Load("sighash.json");
        int count = 0;
        foreach (JsonElement e in doc.RootElement.EnumerateArray())
        {
            if (e.GetArrayLength() != 5) continue;
            BtcTransaction tx = BtcTransaction.Parse(Convert.FromHexString(e[0].GetString()!));
            byte[] script = Convert.FromHexString(e[1].GetString()!);
            Hash32 h = SigHash.Legacy(tx, e[2].GetInt32(), script, e[3].GetInt32());
            Assert.Equal(e[4].GetString(), Reversed(h));
            Assert.Equal(e[0].GetString(), Convert.ToHexStringLower(tx.Serialize()));
            count++;
        }
        Assert.Equal(500, count);
    }

    private sealed record TxCase(Dictionary<OutPoint, (byte[] Script, long Amount)> Prevouts, string Hex, string Flags);

    private static IEnumerable<TxCase> Cases(string file)
    {
        using JsonDocument doc = Load(file);
        List<TxCase> cases = new();
        foreach (JsonElement e in doc.RootElement.EnumerateArray())
        {
            if (e.GetArrayLength() < 3 || e[0].ValueKind != JsonValueKind.Array) continue;
            Dictionary<OutPoint, (byte[], long)> prev = new();
            foreach (JsonElement p in e[0].EnumerateArray())
            {
                long index = p[1].GetInt64();
                OutPoint op = new(FromDisplay(p[0].GetString()!), index == -1 ? uint.MaxValue : (uint)index);
                prev[op] = (ScriptAsm.Parse(p[2].GetString()!), p.GetArrayLength() > 3 ? p[3].GetInt64() : 0);
            }
            cases.Add(new TxCase(prev, e[1].GetString()!, e[2].GetString()!));
        }
        return cases;
    }

    /// <summary>Null if valid; otherwise the reason (CheckTransaction reason or script error of an input).</summary>
    private static string? Validate(BtcTransaction tx, Dictionary<OutPoint, (byte[] Script, long Amount)> prev, ScriptFlags flags, out bool skipped)
    {
        skipped = false;
        string? bad = TransactionChecks.Check(tx);
        if (bad != null) return bad;
        for (int i = 0; i < tx.Inputs.Count; i++)
        {
            if (!prev.TryGetValue(tx.Inputs[i].PrevOut, out var coin)) return "missing prevout";
            if ((flags & ScriptFlags.Taproot) != 0 && ScriptReader.IsWitnessProgram(coin.Script, out int v, out ReadOnlySpan<byte> p) && v == 1 && p.Length == 32)
            {
                skipped = true;
                return null;
            }
            TransactionSignatureChecker checker = new(tx, i, coin.Amount, ReferenceScriptCrypto.Production);
            ScriptError e = ScriptVerifier.Verify(tx.Inputs[i].ScriptSig, coin.Script, tx.Inputs[i].Witness, flags, checker);
            if (e != ScriptError.Ok) return $"input {i}: {ScriptErrors.Name(e)}";
        }
        return null;
    }

    private static ScriptFlags Fill(ScriptFlags f)
    {
        if ((f & ScriptFlags.CleanStack) != 0) f |= ScriptFlags.Witness;
        if ((f & ScriptFlags.Witness) != 0) f |= ScriptFlags.P2SH;
        return f;
    }

    private static ScriptFlags Trim(ScriptFlags f)
    {
        if ((f & ScriptFlags.P2SH) == 0) f &= ~ScriptFlags.Witness;
        if ((f & ScriptFlags.Witness) == 0) f &= ~ScriptFlags.CleanStack;
        return f;
    }

    private static readonly ScriptFlags[] SingleFlags = BuildSingleFlags();

    private static ScriptFlags[] BuildSingleFlags()
    {
        ScriptFlags[] f = new ScriptFlags[21];
        for (int i = 0; i < f.Length; i++) f[i] = (ScriptFlags)(1u << i);
        return f;
    }

    /// <summary>Core's ExcludeIndividualFlags: each distinct trimmed flag set with one flag removed.</summary>
    private static HashSet<ScriptFlags> ExcludeIndividual(ScriptFlags flags)
    {
        HashSet<ScriptFlags> r = new();
        foreach (ScriptFlags f in SingleFlags)
        {
            ScriptFlags without = Trim(flags & ~f);
            if (without != flags) r.Add(without);
        }
        return r;
    }

    private static bool SpendsTaproot(Dictionary<OutPoint, (byte[] Script, long Amount)> prev)
    {
        foreach ((byte[] script, long _) in prev.Values)
            if (ScriptReader.IsWitnessProgram(script, out int v, out ReadOnlySpan<byte> p) && v == 1 && p.Length == 32) return true;
        return false;
    }

    /// <summary>
    /// Core's flag-precision checks (transaction_tests.cpp): a valid tx stays valid with any flag
    /// removed and becomes invalid if any excluded flag is set again; an invalid tx stays invalid
    /// with any flag added and becomes valid if any of its flags is removed. Taproot spends are skipped.
    /// </summary>
    [Fact]
    public void FlagSetsInTxVectorsAreExact()
    {
        int checkedCases = 0;
        List<string> failures = new();
        foreach (TxCase c in Cases("tx_valid.json"))
        {
            if (SpendsTaproot(c.Prevouts)) continue;
            BtcTransaction tx = BtcTransaction.Parse(Convert.FromHexString(c.Hex));
            ScriptFlags excluded = ScriptAsm.ParseFlags(c.Flags);
            foreach (ScriptFlags f in SingleFlags)
                if (Validate(tx, c.Prevouts, Trim(ScriptAsm.AllFlags & ~(excluded | f)), out _) != null)
                    failures.Add($"valid {c.Hex.Substring(0, 30)}: removing {f} invalidates");
            foreach (ScriptFlags without in ExcludeIndividual(excluded))
                if (Validate(tx, c.Prevouts, Trim(ScriptAsm.AllFlags & ~without), out _) == null)
                    failures.Add($"valid {c.Hex.Substring(0, 30)}: excluded flags {c.Flags} not maximal ({excluded & ~without} alone keeps it valid)");
            checkedCases++;
        }
        foreach (TxCase c in Cases("tx_invalid.json"))
        {
            if (c.Flags == "BADTX" || SpendsTaproot(c.Prevouts)) continue;
            BtcTransaction tx;
            try
            {
                tx = BtcTransaction.Parse(Convert.FromHexString(c.Hex));
            }
            catch (BitcoinFormatException)
            {
                continue;
            }
            ScriptFlags flags = ScriptAsm.ParseFlags(c.Flags);
            foreach (ScriptFlags f in SingleFlags)
                if (Validate(tx, c.Prevouts, Fill(flags | f), out _) == null)
                    failures.Add($"invalid {c.Hex.Substring(0, 30)}: adding {f} validates");
            foreach (ScriptFlags without in ExcludeIndividual(flags))
            {
                string? e = Validate(tx, c.Prevouts, without, out _);
                if (e != null) failures.Add($"invalid {c.Hex.Substring(0, 30)}: flags {c.Flags} not minimal (still fails without {flags & ~without}: {e})");
            }
            checkedCases++;
        }
        _output.WriteLine($"flag precision: {checkedCases} cases checked, {failures.Count} failures");
        foreach (string f in failures) _output.WriteLine(f);
        Assert.Empty(failures);
    }

    [Fact]
    public void SharedBip143HashesGiveTheSameSighashes()
    {
        int compared = 0;
        foreach (TxCase c in Cases("tx_valid.json"))
        {
            BtcTransaction tx = BtcTransaction.Parse(Convert.FromHexString(c.Hex));
            if (!tx.HasWitness) continue;
            PrecomputedSigHashData shared = new(tx);
            for (int i = 0; i < tx.Inputs.Count; i++)
            {
                foreach (int type in new[] { 1, 2, 3, 0x81, 0x82, 0x83 })
                {
                    Assert.Equal(SigHash.WitnessV0(tx, i, [0x51], 1234, type), SigHash.WitnessV0(tx, i, [0x51], 1234, type, shared));
                    compared++;
                }
            }
        }
        Assert.True(compared > 50);
    }

    [Fact]
    public void TxValidVectorsAreAccepted()
    {
        int passed = 0, skipped = 0;
        List<string> failures = new();
        foreach (TxCase c in Cases("tx_valid.json"))
        {
            BtcTransaction tx = BtcTransaction.Parse(Convert.FromHexString(c.Hex));
            Assert.Equal(c.Hex, Convert.ToHexStringLower(tx.Serialize()));
            ScriptFlags flags = Trim(ScriptAsm.AllFlags & ~ScriptAsm.ParseFlags(c.Flags));
            string? error = Validate(tx, c.Prevouts, flags, out bool skip);
            if (skip) skipped++;
            else if (error == null) passed++;
            else failures.Add($"{c.Hex.Substring(0, 40)}.. excluded {c.Flags}: {error}");
        }
        _output.WriteLine($"tx_valid.json: {passed} passed, {skipped} skipped (taproot rule), {failures.Count} failed");
        foreach (string f in failures) _output.WriteLine(f);
        Assert.Empty(failures);
        Assert.True(passed > 100);
    }

    [Fact]
    public void TxInvalidVectorsAreRejected()
    {
        int passed = 0, skipped = 0;
        List<string> failures = new();
        foreach (TxCase c in Cases("tx_invalid.json"))
        {
            BtcTransaction tx;
            try
            {
                tx = BtcTransaction.Parse(Convert.FromHexString(c.Hex));
            }
            catch (BitcoinFormatException)
            {
                passed++; // undecodable counts as rejected
                continue;
            }
            bool badTx = c.Flags == "BADTX";
            ScriptFlags flags = badTx ? ScriptAsm.AllFlags : Fill(ScriptAsm.ParseFlags(c.Flags));
            bool skip = false;
            string? error = badTx ? TransactionChecks.Check(tx) : Validate(tx, c.Prevouts, flags, out skip);
            if (skip) skipped++;
            else if (error != null) passed++;
            else failures.Add($"{c.Hex.Substring(0, Math.Min(40, c.Hex.Length))}.. flags {c.Flags}: accepted");
        }
        _output.WriteLine($"tx_invalid.json: {passed} rejected as expected, {skipped} skipped (taproot rule), {failures.Count} wrongly accepted");
        foreach (string f in failures) _output.WriteLine(f);
        Assert.Empty(failures);
        Assert.True(passed > 80);
    }
}
