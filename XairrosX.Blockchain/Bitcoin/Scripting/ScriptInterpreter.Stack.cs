using System;
using System.Collections.Generic;

namespace XairrosX.Blockchain.Bitcoin.Scripting;

public static partial class ScriptInterpreter
{
    private static ScriptError StackOp(byte op, List<byte[]> s, bool minimal)
    {
        int n = s.Count;
        switch (op)
        {
            case Op.TwoDrop:
                if (n < 2) return ScriptError.InvalidStackOperation;
                s.RemoveRange(n - 2, 2);
                break;
            case Op.TwoDup:
                if (n < 2) return ScriptError.InvalidStackOperation;
                s.Add(s[n - 2]);
                s.Add(s[n - 1]);
                break;
            case Op.ThreeDup:
                if (n < 3) return ScriptError.InvalidStackOperation;
                s.Add(s[n - 3]);
                s.Add(s[n - 2]);
                s.Add(s[n - 1]);
                break;
            case Op.TwoOver:
                if (n < 4) return ScriptError.InvalidStackOperation;
                s.Add(s[n - 4]);
                s.Add(s[n - 3]);
                break;
            case Op.TwoRot:
            {
                if (n < 6) return ScriptError.InvalidStackOperation;
                byte[] a = s[n - 6], b = s[n - 5];
                s.RemoveRange(n - 6, 2);
                s.Add(a);
                s.Add(b);
                break;
            }
            case Op.TwoSwap:
                if (n < 4) return ScriptError.InvalidStackOperation;
                (s[n - 4], s[n - 2]) = (s[n - 2], s[n - 4]);
                (s[n - 3], s[n - 1]) = (s[n - 1], s[n - 3]);
                break;
            case Op.IfDup:
                if (n < 1) return ScriptError.InvalidStackOperation;
                if (ScriptNum.CastToBool(s[n - 1])) s.Add(s[n - 1]);
                break;
            case Op.Depth:
                s.Add(ScriptNum.Encode(n));
                break;
            case Op.Drop:
                if (n < 1) return ScriptError.InvalidStackOperation;
                s.RemoveAt(n - 1);
                break;
            case Op.Dup:
                if (n < 1) return ScriptError.InvalidStackOperation;
                s.Add(s[n - 1]);
                break;
            case Op.Nip:
                if (n < 2) return ScriptError.InvalidStackOperation;
                s.RemoveAt(n - 2);
                break;
            case Op.Over:
                if (n < 2) return ScriptError.InvalidStackOperation;
                s.Add(s[n - 2]);
                break;
            case Op.Pick:
            case Op.Roll:
            {
                if (n < 2) return ScriptError.InvalidStackOperation;
                long k = ScriptNum.Decode(s[n - 1], minimal);
                s.RemoveAt(n - 1);
                n--;
                if (k < 0 || k >= n) return ScriptError.InvalidStackOperation;
                byte[] v = s[n - 1 - (int)k];
                if (op == Op.Roll) s.RemoveAt(n - 1 - (int)k);
                s.Add(v);
                break;
            }
            case Op.Rot:
            {
                if (n < 3) return ScriptError.InvalidStackOperation;
                byte[] a = s[n - 3];
                s.RemoveAt(n - 3);
                s.Add(a);
                break;
            }
            case Op.Swap:
                if (n < 2) return ScriptError.InvalidStackOperation;
                (s[n - 2], s[n - 1]) = (s[n - 1], s[n - 2]);
                break;
            case Op.Tuck:
                if (n < 2) return ScriptError.InvalidStackOperation;
                s.Insert(n - 2, s[n - 1]);
                break;
            case Op.Size:
                if (n < 1) return ScriptError.InvalidStackOperation;
                s.Add(ScriptNum.Encode(s[n - 1].Length));
                break;
            default:
                return ScriptError.BadOpcode;
        }
        return ScriptError.Ok;
    }

    private static ScriptError Arithmetic(byte op, List<byte[]> s, bool minimal)
    {
        int n = s.Count;
        if (op >= Op.OneAdd && op <= Op.ZeroNotEqual)
        {
            if (n < 1) return ScriptError.InvalidStackOperation;
            long a = ScriptNum.Decode(s[n - 1], minimal);
            long r = op switch
            {
                Op.OneAdd => a + 1,
                Op.OneSub => a - 1,
                Op.Negate => -a,
                Op.Abs => Math.Abs(a),
                Op.Not => a == 0 ? 1 : 0,
                Op.ZeroNotEqual => a != 0 ? 1 : 0,
                _ => throw new ScriptNumException("bad opcode"), // 2MUL/2DIV are disabled before reaching here
            };
            s[n - 1] = ScriptNum.Encode(r);
            return ScriptError.Ok;
        }
        if (op == Op.Within)
        {
            if (n < 3) return ScriptError.InvalidStackOperation;
            long x = ScriptNum.Decode(s[n - 3], minimal), lo = ScriptNum.Decode(s[n - 2], minimal), hi = ScriptNum.Decode(s[n - 1], minimal);
            s.RemoveRange(n - 3, 3);
            s.Add(lo <= x && x < hi ? True : False);
            return ScriptError.Ok;
        }
        if (n < 2) return ScriptError.InvalidStackOperation;
        long b1 = ScriptNum.Decode(s[n - 2], minimal), b2 = ScriptNum.Decode(s[n - 1], minimal);
        long result = op switch
        {
            Op.Add => b1 + b2,
            Op.Sub => b1 - b2,
            Op.BoolAnd => b1 != 0 && b2 != 0 ? 1 : 0,
            Op.BoolOr => b1 != 0 || b2 != 0 ? 1 : 0,
            Op.NumEqual or Op.NumEqualVerify => b1 == b2 ? 1 : 0,
            Op.NumNotEqual => b1 != b2 ? 1 : 0,
            Op.LessThan => b1 < b2 ? 1 : 0,
            Op.GreaterThan => b1 > b2 ? 1 : 0,
            Op.LessThanOrEqual => b1 <= b2 ? 1 : 0,
            Op.GreaterThanOrEqual => b1 >= b2 ? 1 : 0,
            Op.Min => Math.Min(b1, b2),
            Op.Max => Math.Max(b1, b2),
            _ => throw new ScriptNumException("bad opcode"),
        };
        s.RemoveRange(n - 2, 2);
        s.Add(ScriptNum.Encode(result));
        if (op == Op.NumEqualVerify)
        {
            if (result == 0) return ScriptError.NumEqualVerify;
            s.RemoveAt(s.Count - 1);
        }
        return ScriptError.Ok;
    }
}
