namespace XairrosX.Blockchain.Bitcoin.Scripting;

/// <summary>Script opcode values used by the interpreter (names as in Bitcoin Core, without OP_).</summary>
public static class Op
{
#pragma warning disable CS1591 // the opcode names are their own documentation
    public const byte Zero = 0x00, PushData1 = 0x4c, PushData2 = 0x4d, PushData4 = 0x4e, OneNegate = 0x4f, Reserved = 0x50;
    public const byte One = 0x51, Sixteen = 0x60;
    public const byte Nop = 0x61, Ver = 0x62, If = 0x63, NotIf = 0x64, VerIf = 0x65, VerNotIf = 0x66, Else = 0x67, EndIf = 0x68;
    public const byte Verify = 0x69, Return = 0x6a, ToAltStack = 0x6b, FromAltStack = 0x6c, TwoDrop = 0x6d, TwoDup = 0x6e;
    public const byte ThreeDup = 0x6f, TwoOver = 0x70, TwoRot = 0x71, TwoSwap = 0x72, IfDup = 0x73, Depth = 0x74, Drop = 0x75;
    public const byte Dup = 0x76, Nip = 0x77, Over = 0x78, Pick = 0x79, Roll = 0x7a, Rot = 0x7b, Swap = 0x7c, Tuck = 0x7d;
    public const byte Cat = 0x7e, Substr = 0x7f, Left = 0x80, Right = 0x81, Size = 0x82, Invert = 0x83, And = 0x84, Or = 0x85;
    public const byte Xor = 0x86, Equal = 0x87, EqualVerify = 0x88, Reserved1 = 0x89, Reserved2 = 0x8a;
    public const byte OneAdd = 0x8b, OneSub = 0x8c, TwoMul = 0x8d, TwoDiv = 0x8e, Negate = 0x8f, Abs = 0x90, Not = 0x91;
    public const byte ZeroNotEqual = 0x92, Add = 0x93, Sub = 0x94, Mul = 0x95, Div = 0x96, Mod = 0x97, LShift = 0x98, RShift = 0x99;
    public const byte BoolAnd = 0x9a, BoolOr = 0x9b, NumEqual = 0x9c, NumEqualVerify = 0x9d, NumNotEqual = 0x9e;
    public const byte LessThan = 0x9f, GreaterThan = 0xa0, LessThanOrEqual = 0xa1, GreaterThanOrEqual = 0xa2, Min = 0xa3, Max = 0xa4;
    public const byte Within = 0xa5, Ripemd160 = 0xa6, Sha1 = 0xa7, Sha256 = 0xa8, Hash160 = 0xa9, Hash256 = 0xaa;
    public const byte CodeSeparator = 0xab, CheckSig = 0xac, CheckSigVerify = 0xad, CheckMultiSig = 0xae, CheckMultiSigVerify = 0xaf;
    public const byte Nop1 = 0xb0, CheckLockTimeVerify = 0xb1, CheckSequenceVerify = 0xb2, Nop4 = 0xb3, Nop10 = 0xb9;
#pragma warning restore CS1591

    /// <summary>True for opcodes disabled since 2010 (fail even in unexecuted branches).</summary>
    public static bool IsDisabled(byte op) =>
        op is Cat or Substr or Left or Right or Invert or And or Or or Xor or TwoMul or TwoDiv or Mul or Div or Mod or LShift or RShift;
}
