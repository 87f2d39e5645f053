using System;
using System.Collections.Generic;
using System.Globalization;
using XairrosX.Blockchain.Bitcoin;
using XairrosX.Blockchain.Bitcoin.Scripting;

namespace XairrosX.Tests.Blockchain.Bitcoin;

/// <summary>Parser for the script notation of Bitcoin Core's test data (numbers, 0x raw bytes, 'text', opcode names).</summary>
internal static class ScriptAsm
{
    private static readonly Dictionary<string, byte> Names = BuildNames();

    private static Dictionary<string, byte> BuildNames()
    {
        Dictionary<string, byte> m = new(StringComparer.Ordinal);
        void Add(string name, byte op)
        {
            m[name] = op;
            m["OP_" + name] = op;
        }
        string[] ordered =
        [
            "NOP", "VER", "IF", "NOTIF", "VERIF", "VERNOTIF", "ELSE", "ENDIF", "VERIFY", "RETURN", "TOALTSTACK", "FROMALTSTACK",
            "2DROP", "2DUP", "3DUP", "2OVER", "2ROT", "2SWAP", "IFDUP", "DEPTH", "DROP", "DUP", "NIP", "OVER", "PICK", "ROLL",
            "ROT", "SWAP", "TUCK", "CAT", "SUBSTR", "LEFT", "RIGHT", "SIZE", "INVERT", "AND", "OR", "XOR", "EQUAL", "EQUALVERIFY",
            "RESERVED1", "RESERVED2", "1ADD", "1SUB", "2MUL", "2DIV", "NEGATE", "ABS", "NOT", "0NOTEQUAL", "ADD", "SUB", "MUL",
            "DIV", "MOD", "LSHIFT", "RSHIFT", "BOOLAND", "BOOLOR", "NUMEQUAL", "NUMEQUALVERIFY", "NUMNOTEQUAL", "LESSTHAN",
            "GREATERTHAN", "LESSTHANOREQUAL", "GREATERTHANOREQUAL", "MIN", "MAX", "WITHIN", "RIPEMD160", "SHA1", "SHA256",
            "HASH160", "HASH256", "CODESEPARATOR", "CHECKSIG", "CHECKSIGVERIFY", "CHECKMULTISIG", "CHECKMULTISIGVERIFY",
            "NOP1", "CHECKLOCKTIMEVERIFY", "CHECKSEQUENCEVERIFY", "NOP4", "NOP5", "NOP6", "NOP7", "NOP8", "NOP9", "NOP10",
        ];
        for (int i = 0; i < ordered.Length; i++) Add(ordered[i], (byte)(Op.Nop + i));
        Add("RESERVED", Op.Reserved);
        Add("NOP2", Op.CheckLockTimeVerify);
        Add("NOP3", Op.CheckSequenceVerify);
        Add("CHECKSIGADD", 0xba);
        return m;
    }

    public static byte[] Parse(string asm)
    {
        BitcoinWriter w = new(asm.Length);
        foreach (string word in asm.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsNumber(word))
            {
                long n = long.Parse(word, CultureInfo.InvariantCulture);
                if (n == -1 || (n >= 1 && n <= 16)) w.WriteByte((byte)(Op.One - 1 + n));
                else if (n == 0) w.WriteByte(Op.Zero);
                else w.WriteBytes(ScriptReader.PushOf(ScriptNum.Encode(n)));
            }
            else if (word.StartsWith("0x", StringComparison.Ordinal) && word.Length > 2)
            {
                w.WriteBytes(Convert.FromHexString(word.Substring(2)));
            }
            else if (word.Length >= 2 && word[0] == '\'' && word[^1] == '\'')
            {
                w.WriteBytes(ScriptReader.PushOf(System.Text.Encoding.Latin1.GetBytes(word.Substring(1, word.Length - 2))));
            }
            else if (Names.TryGetValue(word, out byte op))
            {
                w.WriteByte(op);
            }
            else
            {
                throw new FormatException("unknown script word: " + word);
            }
        }
        return w.ToArray();
    }

    private static bool IsNumber(string w)
    {
        int start = w[0] == '-' ? 1 : 0;
        if (start == w.Length) return false;
        for (int i = start; i < w.Length; i++)
            if (w[i] < '0' || w[i] > '9') return false;
        return true;
    }

    public static ScriptFlags ParseFlags(string text)
    {
        ScriptFlags f = ScriptFlags.None;
        foreach (string name in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            f |= name switch
            {
                "NONE" => ScriptFlags.None,
                "P2SH" => ScriptFlags.P2SH,
                "STRICTENC" => ScriptFlags.StrictEnc,
                "DERSIG" => ScriptFlags.DerSig,
                "LOW_S" => ScriptFlags.LowS,
                "NULLDUMMY" => ScriptFlags.NullDummy,
                "SIGPUSHONLY" => ScriptFlags.SigPushOnly,
                "MINIMALDATA" => ScriptFlags.MinimalData,
                "DISCOURAGE_UPGRADABLE_NOPS" => ScriptFlags.DiscourageUpgradableNops,
                "CLEANSTACK" => ScriptFlags.CleanStack,
                "CHECKLOCKTIMEVERIFY" => ScriptFlags.CheckLockTimeVerify,
                "CHECKSEQUENCEVERIFY" => ScriptFlags.CheckSequenceVerify,
                "WITNESS" => ScriptFlags.Witness,
                "DISCOURAGE_UPGRADABLE_WITNESS_PROGRAM" => ScriptFlags.DiscourageUpgradableWitnessProgram,
                "MINIMALIF" => ScriptFlags.MinimalIf,
                "NULLFAIL" => ScriptFlags.NullFail,
                "WITNESS_PUBKEYTYPE" => ScriptFlags.WitnessPubKeyType,
                "CONST_SCRIPTCODE" => ScriptFlags.ConstScriptCode,
                "TAPROOT" => ScriptFlags.Taproot,
                "DISCOURAGE_UPGRADABLE_TAPROOT_VERSION" => ScriptFlags.DiscourageUpgradableTaprootVersion,
                "DISCOURAGE_OP_SUCCESS" => ScriptFlags.DiscourageOpSuccess,
                "DISCOURAGE_UPGRADABLE_PUBKEYTYPE" => ScriptFlags.DiscourageUpgradablePubKeyType,
                _ => throw new FormatException("unknown flag " + name),
            };
        }
        return f;
    }

    public const ScriptFlags AllFlags = (ScriptFlags)((1u << 21) - 1);
}
