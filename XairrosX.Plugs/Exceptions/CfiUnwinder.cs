namespace XairrosX.Plugs.Exceptions;

/// <summary>
/// Unwinds one frame by running the DWARF CFI program of its FDE up to the frame's PC: the CFA rule and
/// where the callee-saved registers (rbx, rbp, r12–r15) and the return address were stored. Only the
/// instructions compilers emit for x86-64 frames are supported; anything else fails the unwind cleanly.
/// </summary>
internal static unsafe class CfiUnwinder
{
    private const int RegisterCount = 17; // DWARF x86-64: 0–15 general registers, 16 return address
    private const int Rsp = 7, ReturnAddress = 16;

    private enum Rule : byte { SameValue, Offset, Undefined }

    private struct State
    {
        public int CfaRegister;
        public long CfaOffset;
        public fixed byte Rules[RegisterCount];
        public fixed long Offsets[RegisterCount];
    }

    /// <summary>Replaces <paramref name="context"/> (a frame stopped at <paramref name="pc"/>) with its caller's.</summary>
    public static bool Unwind(ref MachineContext context, in EhFrame.Entry fde, ulong pc)
    {
        State state = default;
        state.CfaRegister = Rsp;
        var saved = stackalloc State[4];
        int depth = 0;
        if (!Run(ref state, fde, fde.CieInstructions, fde.CieInstructionsEnd, ulong.MaxValue, saved, ref depth)) return false;
        State initial = state;
        depth = 0;
        if (!Run(ref state, fde, fde.Instructions, fde.InstructionsEnd, pc, saved, ref depth, &initial)) return false;

        ulong cfaBase = state.CfaRegister switch
        {
            Rsp => context.Rsp,
            6 => context.Rbp,
            3 => context.Rbx,
            12 => context.R12, 13 => context.R13, 14 => context.R14, 15 => context.R15,
            _ => 0,
        };
        if (cfaBase == 0) return false;
        ulong cfa = (ulong)((long)cfaBase + state.CfaOffset);
        if ((Rule)state.Rules[ReturnAddress] != Rule.Offset) return false;

        MachineContext caller = context;
        caller.Rip = *(ulong*)(long)((long)cfa + state.Offsets[ReturnAddress]);
        caller.Rsp = cfa;
        Restore(ref caller.Rbx, state, 3, cfa);
        Restore(ref caller.Rbp, state, 6, cfa);
        Restore(ref caller.R12, state, 12, cfa);
        Restore(ref caller.R13, state, 13, cfa);
        Restore(ref caller.R14, state, 14, cfa);
        Restore(ref caller.R15, state, 15, cfa);
        context = caller;
        return true;
    }

    private static void Restore(ref ulong register, in State state, int dwarf, ulong cfa)
    {
        if ((Rule)state.Rules[dwarf] == Rule.Offset) register = *(ulong*)(long)((long)cfa + state.Offsets[dwarf]);
    }

    private static bool Run(ref State s, in EhFrame.Entry fde, byte* p, byte* end, ulong targetPc, State* saved, ref int depth, State* initial = null)
    {
        ulong location = fde.Start;
        while (p < end)
        {
            byte op = *p++;
            byte high = (byte)(op & 0xC0), low = (byte)(op & 0x3F);
            if (high == 0x40) { location += low * fde.CodeAlignment; if (location > targetPc) return true; continue; }
            if (high == 0x80) { SetOffset(ref s, low, (long)Leb.ReadUnsigned(ref p) * fde.DataAlignment); continue; }
            if (high == 0xC0) { RestoreRule(ref s, low, initial); continue; }
            switch (op)
            {
                case 0x00: break;                                                       // nop
                case 0x01: location = EhFrame.ReadEncoded(ref p, 0x00); if (location > targetPc) return true; break;
                case 0x02: location += *p * fde.CodeAlignment; p += 1; if (location > targetPc) return true; break;
                case 0x03: location += *(ushort*)p * fde.CodeAlignment; p += 2; if (location > targetPc) return true; break;
                case 0x04: location += *(uint*)p * fde.CodeAlignment; p += 4; if (location > targetPc) return true; break;
                case 0x05: { ulong r = Leb.ReadUnsigned(ref p); SetOffset(ref s, r, (long)Leb.ReadUnsigned(ref p) * fde.DataAlignment); break; }
                case 0x06: RestoreRule(ref s, Leb.ReadUnsigned(ref p), initial); break;
                case 0x07: SetRule(ref s, Leb.ReadUnsigned(ref p), Rule.Undefined); break;
                case 0x08: SetRule(ref s, Leb.ReadUnsigned(ref p), Rule.SameValue); break;
                case 0x09: return false;                                                // register-in-register: not emitted for x86-64 frames
                case 0x0A: if (depth == 4) return false; saved[depth++] = s; break;     // remember_state
                case 0x0B: if (depth == 0) return false; { int cr = s.CfaRegister; long co = s.CfaOffset; s = saved[--depth]; s.CfaRegister = cr; s.CfaOffset = co; } break;
                case 0x0C: s.CfaRegister = (int)Leb.ReadUnsigned(ref p); s.CfaOffset = (long)Leb.ReadUnsigned(ref p); break;
                case 0x0D: s.CfaRegister = (int)Leb.ReadUnsigned(ref p); break;
                case 0x0E: s.CfaOffset = (long)Leb.ReadUnsigned(ref p); break;
                case 0x11: { ulong r = Leb.ReadUnsigned(ref p); SetOffset(ref s, r, Leb.ReadSigned(ref p) * fde.DataAlignment); break; }
                case 0x12: s.CfaRegister = (int)Leb.ReadUnsigned(ref p); s.CfaOffset = Leb.ReadSigned(ref p) * fde.DataAlignment; break;
                case 0x13: s.CfaOffset = Leb.ReadSigned(ref p) * fde.DataAlignment; break;
                case 0x2E: Leb.ReadUnsigned(ref p); break;                              // GNU_args_size
                case 0x2F: { ulong r = Leb.ReadUnsigned(ref p); SetOffset(ref s, r, -(long)Leb.ReadUnsigned(ref p) * fde.DataAlignment); break; }
                default: return false;                                                  // expressions and the rest
            }
        }
        return true;
    }

    private static void SetOffset(ref State s, ulong register, long offset)
    {
        if (register >= RegisterCount) return;
        s.Rules[register] = (byte)Rule.Offset;
        s.Offsets[register] = offset;
    }

    private static void SetRule(ref State s, ulong register, Rule rule)
    {
        if (register < RegisterCount) s.Rules[register] = (byte)rule;
    }

    private static void RestoreRule(ref State s, ulong register, State* initial)
    {
        if (register >= RegisterCount) return;
        s.Rules[register] = initial == null ? (byte)Rule.SameValue : initial->Rules[register];
        s.Offsets[register] = initial == null ? 0 : initial->Offsets[register];
    }
}
