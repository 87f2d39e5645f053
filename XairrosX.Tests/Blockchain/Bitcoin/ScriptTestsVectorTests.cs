using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using XairrosX.Blockchain.Bitcoin;
using XairrosX.Blockchain.Bitcoin.Scripting;
using XairrosX.Blockchain.Primitives;
using Xunit;
using Xunit.Abstractions;

namespace XairrosX.Tests.Blockchain.Bitcoin;

/// <summary>
/// Runs every case of Bitcoin Core's script_tests.json. Skip rule (explicit, counted): cases that
/// need taproot — a TAPROOT-flagged spend of a witness v1 32-byte program, or the #SCRIPT#,
/// #CONTROLBLOCK# and #TAPROOTOUTPUT# placeholders that only taproot cases use.
/// </summary>
public class ScriptTestsVectorTests
{
    private readonly ITestOutputHelper _output;

    public ScriptTestsVectorTests(ITestOutputHelper output) => _output = output;

    internal static BtcTransaction Credit(byte[] scriptPubKey, long amount)
    {
        BtcTransaction tx = new() { Version = 1, LockTime = 0 };
        tx.Inputs.Add(new TxIn { PrevOut = OutPoint.Null, ScriptSig = [0x00, 0x00], Sequence = uint.MaxValue });
        tx.Outputs.Add(new TxOut { Value = amount, ScriptPubKey = scriptPubKey });
        return tx;
    }

    internal static BtcTransaction Spend(byte[] scriptSig, byte[][] witness, BtcTransaction credit)
    {
        BtcTransaction tx = new() { Version = 1, LockTime = 0 };
        tx.Inputs.Add(new TxIn { PrevOut = new OutPoint(credit.TxId, 0), ScriptSig = scriptSig, Witness = witness, Sequence = uint.MaxValue });
        tx.Outputs.Add(new TxOut { Value = credit.Outputs[0].Value, ScriptPubKey = [] });
        return tx;
    }

    [Theory]
    [InlineData("library")]
    [InlineData("reference")]
    public void AllScriptTestsPassOrAreSkippedByRule(string ecdsa)
    {
        IScriptCrypto crypto = ecdsa == "library" ? ReferenceScriptCrypto.Production : ReferenceScriptCrypto.Instance;
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(SharedVectors.Path("bitcoin__bitcoin", "src", "test", "data", "script_tests.json")));
        int passed = 0, skipped = 0, total = 0;
        Random rng = new(16);
        List<string> failures = new();
        foreach (JsonElement e in doc.RootElement.EnumerateArray())
        {
            List<JsonElement> f = new(e.EnumerateArray());
            if (f.Count < 4) continue; // comment
            total++;
            byte[][] witness = [];
            long amount = 0;
            int at = 0;
            if (f[0].ValueKind == JsonValueKind.Array)
            {
                List<JsonElement> w = new(f[0].EnumerateArray());
                amount = (long)Math.Round(decimal.Parse(w[^1].GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture) * 100_000_000m);
                witness = new byte[w.Count - 1][];
                bool placeholder = false;
                for (int i = 0; i < w.Count - 1; i++)
                {
                    string s = w[i].GetString()!;
                    if (s.StartsWith('#')) placeholder = true;
                    else witness[i] = Convert.FromHexString(s);
                }
                if (placeholder)
                {
                    skipped++;
                    continue;
                }
                at = 1;
            }
            string sigAsm = f[at].GetString()!, pubAsm = f[at + 1].GetString()!;
            string flagText = f[at + 2].GetString()!, expected = f[at + 3].GetString()!;
            if (sigAsm.Contains('#') || pubAsm.Contains('#'))
            {
                skipped++;
                continue;
            }
            ScriptFlags flags = ScriptAsm.ParseFlags(flagText);
            if ((flags & ScriptFlags.CleanStack) != 0) flags |= ScriptFlags.P2SH | ScriptFlags.Witness;
            byte[] scriptSig = ScriptAsm.Parse(sigAsm), scriptPubKey = ScriptAsm.Parse(pubAsm);
            if ((flags & ScriptFlags.Taproot) != 0 && ScriptReader.IsWitnessProgram(scriptPubKey, out int v, out ReadOnlySpan<byte> p) && v == 1 && p.Length == 32)
            {
                skipped++;
                continue;
            }
            BtcTransaction credit = Credit(scriptPubKey, amount);
            BtcTransaction spend = Spend(scriptSig, witness, credit);
            TransactionSignatureChecker checker = new(spend, 0, amount, crypto);
            string actual = ScriptErrors.Name(ScriptVerifier.Verify(scriptSig, scriptPubKey, witness, flags, checker));
            if (actual == expected) passed++;
            else failures.Add($"[{sigAsm}] [{pubAsm}] {flagText}: expected {expected}, got {actual}");

            // As Core does: removing flags from a passing case, or adding flags to a failing one, keeps the outcome.
            bool ok = expected == "OK";
            for (int k = 0; k < 4; k++)
            {
                ScriptFlags extra = (ScriptFlags)(uint)rng.Next(1 << 16);
                ScriptFlags combined = ok ? flags & ~extra : flags | extra;
                if ((combined & ScriptFlags.CleanStack) != 0 && (~combined & (ScriptFlags.P2SH | ScriptFlags.Witness)) != 0) continue;
                if ((combined & ScriptFlags.Witness) != 0 && (combined & ScriptFlags.P2SH) == 0) continue;
                bool result = ScriptVerifier.Verify(scriptSig, scriptPubKey, witness, combined, checker) == ScriptError.Ok;
                if (result != ok) failures.Add($"[{sigAsm}] [{pubAsm}] with flags {combined}: outcome changed");
            }
        }
        _output.WriteLine($"script_tests.json ({ecdsa} ECDSA): {total} cases, {passed} passed, {skipped} skipped (taproot rule), {failures.Count} failed");
        foreach (string fl in failures) _output.WriteLine(fl);
        Assert.True(failures.Count == 0, $"{failures.Count} failures; first: {(failures.Count > 0 ? failures[0] : "")}");
        Assert.True(passed > 1100);
    }
}
