using System;
using System.Buffers.Binary;

namespace XairrosX.Blockchain.Bitcoin.Scripting;

/// <summary>Script parsing helpers (Core's GetScriptOp and the script-shape predicates).</summary>
public static class ScriptReader
{
    /// <summary>
    /// Reads the opcode at <paramref name="pc"/> and its push data. Returns false (leaving
    /// <paramref name="pc"/> at the end) if the script ends inside a push.
    /// </summary>
    public static bool TryGetOp(ReadOnlySpan<byte> script, ref int pc, out byte opcode, out ReadOnlySpan<byte> push)
    {
        push = default;
        opcode = 0xff;
        if (pc >= script.Length) return false;
        opcode = script[pc++];
        if (opcode > Op.PushData4) return true;
        long size;
        if (opcode < Op.PushData1) size = opcode;
        else if (opcode == Op.PushData1)
        {
            if (script.Length - pc < 1) return Fail(script, ref pc);
            size = script[pc++];
        }
        else if (opcode == Op.PushData2)
        {
            if (script.Length - pc < 2) return Fail(script, ref pc);
            size = BinaryPrimitives.ReadUInt16LittleEndian(script.Slice(pc));
            pc += 2;
        }
        else
        {
            if (script.Length - pc < 4) return Fail(script, ref pc);
            size = BinaryPrimitives.ReadUInt32LittleEndian(script.Slice(pc));
            pc += 4;
        }
        if (script.Length - pc < size) return Fail(script, ref pc);
        push = script.Slice(pc, (int)size);
        pc += (int)size;
        return true;
    }

    private static bool Fail(ReadOnlySpan<byte> script, ref int pc)
    {
        pc = script.Length;
        return false;
    }

    /// <summary>True if every operation is a push (opcodes up to OP_16).</summary>
    public static bool IsPushOnly(ReadOnlySpan<byte> script)
    {
        int pc = 0;
        while (pc < script.Length)
        {
            if (!TryGetOp(script, ref pc, out byte op, out _)) return false;
            if (op > Op.Sixteen) return false;
        }
        return true;
    }

    /// <summary>OP_HASH160 &lt;20 bytes&gt; OP_EQUAL.</summary>
    public static bool IsPayToScriptHash(ReadOnlySpan<byte> s) =>
        s.Length == 23 && s[0] == Op.Hash160 && s[1] == 0x14 && s[22] == Op.Equal;

    /// <summary>Recognizes a witness program: a version opcode followed by one 2-40 byte direct push.</summary>
    public static bool IsWitnessProgram(ReadOnlySpan<byte> s, out int version, out ReadOnlySpan<byte> program)
    {
        version = -1;
        program = default;
        if (s.Length < 4 || s.Length > 42) return false;
        if (s[0] != Op.Zero && (s[0] < Op.One || s[0] > Op.Sixteen)) return false;
        if (s[1] + 2 != s.Length) return false;
        version = s[0] == Op.Zero ? 0 : s[0] - (Op.One - 1);
        program = s.Slice(2);
        return true;
    }

    /// <summary>Whether a push used the smallest possible opcode (MINIMALDATA).</summary>
    public static bool IsMinimalPush(ReadOnlySpan<byte> data, byte opcode)
    {
        if (data.Length == 0) return opcode == Op.Zero;
        if (data.Length == 1 && data[0] >= 1 && data[0] <= 16) return false;
        if (data.Length == 1 && data[0] == 0x81) return false;
        if (data.Length <= 75) return opcode == data.Length;
        if (data.Length <= 255) return opcode == Op.PushData1;
        if (data.Length <= 65535) return opcode == Op.PushData2;
        return true;
    }

    /// <summary>The script that pushes <paramref name="data"/> with the shortest push-data opcode (no OP_N).</summary>
    public static byte[] PushOf(ReadOnlySpan<byte> data)
    {
        BitcoinWriter w = new(data.Length + 5);
        if (data.Length < Op.PushData1) w.WriteByte((byte)data.Length);
        else if (data.Length <= 0xff)
        {
            w.WriteByte(Op.PushData1);
            w.WriteByte((byte)data.Length);
        }
        else if (data.Length <= 0xffff)
        {
            w.WriteByte(Op.PushData2);
            w.WriteByte((byte)data.Length);
            w.WriteByte((byte)(data.Length >> 8));
        }
        else
        {
            w.WriteByte(Op.PushData4);
            w.WriteUInt32((uint)data.Length);
        }
        w.WriteBytes(data);
        return w.ToArray();
    }

    /// <summary>
    /// Core's FindAndDelete: removes every occurrence of <paramref name="pattern"/> that starts at an
    /// opcode boundary. Returns the number removed; <paramref name="script"/> is replaced only if any were.
    /// </summary>
    public static int FindAndDelete(ref byte[] script, ReadOnlySpan<byte> pattern)
    {
        if (pattern.IsEmpty) return 0;
        int found = 0;
        BitcoinWriter result = new(script.Length);
        int pc = 0, pc2 = 0;
        ReadOnlySpan<byte> s = script;
        while (true)
        {
            result.WriteBytes(s.Slice(pc2, pc - pc2));
            while (s.Length - pc >= pattern.Length && s.Slice(pc, pattern.Length).SequenceEqual(pattern))
            {
                pc += pattern.Length;
                found++;
            }
            pc2 = pc;
            if (!TryGetOp(s, ref pc, out _, out _)) break;
        }
        if (found > 0)
        {
            result.WriteBytes(s.Slice(pc2));
            script = result.ToArray();
        }
        return found;
    }
}
