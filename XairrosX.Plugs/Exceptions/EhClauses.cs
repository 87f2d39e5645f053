namespace XairrosX.Plugs.Exceptions;

/// <summary>Kinds of EH clauses in ilc's EH info (finally clauses are encoded as fault clauses).</summary>
internal enum ClauseKind : byte
{
    Typed = 0,
    Fault = 1,
    Filter = 2,
}

/// <summary>One decoded EH clause; offsets are from the start of the main method body.</summary>
internal unsafe struct EhClause
{
    public uint TryStart, TryEnd;
    public ClauseKind Kind;
    public ulong Handler;
    public ulong Filter;
    public void* TargetType;

    public readonly bool Covers(uint offset) => offset >= TryStart && offset < TryEnd;
}

/// <summary>
/// The LSDA ilc attaches to each FDE (UnixNativeCodeManager's format): a flags byte; for funclets a
/// relative pointer to the main method's LSDA and the funclet's distance from the method start; then
/// optional associated data and EH info (relative pointers), then the GC info. The EH info is a varint
/// clause count followed by clauses {try start, (try length &lt;&lt; 2) | kind, handler offset, and the
/// catch type (relative pointer) or filter offset}.
/// </summary>
internal unsafe struct MethodEhInfo
{
    private const byte KindMask = 0x03, HasEhInfo = 0x04, HasAssociatedData = 0x10;

    public ulong MethodStart;
    public bool IsFunclet;
    public byte* EhInfo;
    public uint ClauseCount;
    private byte* _cursor;

    /// <summary>Reads the LSDA of the function starting at <paramref name="functionStart"/>.</summary>
    public static MethodEhInfo Read(byte* lsda, ulong functionStart)
    {
        var info = new MethodEhInfo { MethodStart = functionStart };
        if (lsda == null) return info;
        byte* p = lsda;
        byte flags = *p++;
        byte* main = lsda;
        if ((flags & KindMask) != 0)
        {
            info.IsFunclet = true;
            main = p + *(int*)p;
            p += 4;
            info.MethodStart = functionStart - (ulong)(long)*(int*)p;
        }
        p = main;
        flags = *p++;
        if ((flags & HasAssociatedData) != 0) p += 4;
        if ((flags & HasEhInfo) == 0) return info;
        info.EhInfo = p + *(int*)p;
        info._cursor = info.EhInfo;
        info.ClauseCount = ReadUnsigned(ref info._cursor);
        return info;
    }

    /// <summary>Decodes the next clause (clauses come innermost first).</summary>
    public bool Next(out EhClause clause)
    {
        clause = default;
        if (ClauseCount == 0) return false;
        ClauseCount--;
        clause.TryStart = ReadUnsigned(ref _cursor);
        uint lengthAndKind = ReadUnsigned(ref _cursor);
        clause.Kind = (ClauseKind)(lengthAndKind & 3);
        clause.TryEnd = clause.TryStart + (lengthAndKind >> 2);
        clause.Handler = MethodStart + ReadUnsigned(ref _cursor);
        if (clause.Kind == ClauseKind.Typed)
        {
            clause.TargetType = _cursor + *(int*)_cursor;
            _cursor += 4;
        }
        else if (clause.Kind == ClauseKind.Filter)
        {
            clause.Filter = MethodStart + ReadUnsigned(ref _cursor);
        }
        return true;
    }

    /// <summary>NativeFormat unsigned varint: the count of low one-bits gives the length.</summary>
    public static uint ReadUnsigned(ref byte* p)
    {
        uint b0 = p[0];
        if ((b0 & 1) == 0) { p += 1; return b0 >> 1; }
        if ((b0 & 2) == 0) { uint v = (b0 | ((uint)p[1] << 8)) >> 2; p += 2; return v; }
        if ((b0 & 4) == 0) { uint v = (b0 | ((uint)p[1] << 8) | ((uint)p[2] << 16)) >> 3; p += 3; return v; }
        if ((b0 & 8) == 0) { uint v = (b0 | ((uint)p[1] << 8) | ((uint)p[2] << 16) | ((uint)p[3] << 24)) >> 4; p += 4; return v; }
        uint w = *(uint*)(p + 1);
        p += 5;
        return w;
    }
}
