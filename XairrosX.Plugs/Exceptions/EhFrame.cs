using System;
using System.Runtime.InteropServices;
using XairrosX.Plugs.Memory;

namespace XairrosX.Plugs.Exceptions;

/// <summary>
/// The kernel image's .eh_frame (DWARF call-frame information that ilc emits for every managed method
/// and funclet): an index of FDEs sorted by start address, and the decoding of one CIE+FDE pair into
/// what the unwinder needs (code range, CFI instruction ranges, alignment factors, LSDA pointer).
/// Built on first use from raw memory; allocation-free afterwards.
/// </summary>
internal static unsafe class EhFrame
{
    /// <summary>A decoded FDE with its CIE.</summary>
    public struct Entry
    {
        public ulong Start, End;
        public byte* Lsda;
        public byte* CieInstructions, CieInstructionsEnd;
        public byte* Instructions, InstructionsEnd;
        public ulong CodeAlignment;
        public long DataAlignment;
        public int ReturnRegister;
    }

    private struct IndexEntry : IComparable<IndexEntry>
    {
        public ulong Start;
        public byte* Fde;
        public readonly int CompareTo(IndexEntry other) => Start.CompareTo(other.Start);
    }

    [DllImport("*", EntryPoint = "xx_eh_frame_range"), SuppressGCTransition]
    private static extern void Range(byte** start, byte** end);

    private static IndexEntry* s_index;
    private static int s_count;

    private static void EnsureIndex()
    {
        if (s_index != null) return;
        byte* start, end;
        Range(&start, &end);
        int count = 0;
        for (byte* p = start; p + 4 <= end;)
        {
            uint length = *(uint*)p;
            if (length == 0) break;
            if (*(uint*)(p + 4) != 0) count++;
            p += 4 + length;
        }
        var index = (IndexEntry*)PageAllocator.AllocatePagesOrPanic((nuint)(count * sizeof(IndexEntry) + 16));
        int n = 0;
        for (byte* p = start; p + 4 <= end && n < count;)
        {
            uint length = *(uint*)p;
            if (length == 0) break;
            if (*(uint*)(p + 4) != 0 && TryDecode(p, out Entry e))
            {
                index[n].Start = e.Start;
                index[n].Fde = p;
                n++;
            }
            p += 4 + length;
        }
        new Span<IndexEntry>(index, n).Sort();
        s_count = n;
        s_index = index;
    }

    /// <summary>Finds the FDE covering <paramref name="pc"/>.</summary>
    public static bool TryFind(ulong pc, out Entry entry)
    {
        EnsureIndex();
        int lo = 0, hi = s_count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (s_index[mid].Start <= pc) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        entry = default;
        if (found < 0 || !TryDecode(s_index[found].Fde, out entry)) return false;
        return pc < entry.End;
    }

    /// <summary>Decodes the FDE at <paramref name="fde"/> and its CIE.</summary>
    private static bool TryDecode(byte* fde, out Entry e)
    {
        e = default;
        uint fdeLength = *(uint*)fde;
        if (fdeLength == 0xFFFFFFFF) return false; // 64-bit DWARF: ilc does not emit it
        byte* fdeEnd = fde + 4 + fdeLength;
        byte* cie = fde + 4 - *(int*)(fde + 4);
        uint cieLength = *(uint*)cie;
        byte* cieEnd = cie + 4 + cieLength;
        byte* p = cie + 8;                // skip length and CIE id
        byte version = *p++;
        byte* augmentation = p;
        while (*p != 0) p++;
        p++;
        e.CodeAlignment = Leb.ReadUnsigned(ref p);
        e.DataAlignment = Leb.ReadSigned(ref p);
        e.ReturnRegister = version == 1 ? *p++ : (int)Leb.ReadUnsigned(ref p);
        byte fdeEncoding = 0, lsdaEncoding = 0xFF;
        if (augmentation[0] == (byte)'z')
        {
            ulong augLength = Leb.ReadUnsigned(ref p);
            byte* augEnd = p + augLength;
            for (byte* a = augmentation + 1; *a != 0; a++)
            {
                switch (*a)
                {
                    case (byte)'R': fdeEncoding = *p++; break;
                    case (byte)'L': lsdaEncoding = *p++; break;
                    case (byte)'P': { byte enc = *p++; ReadEncoded(ref p, enc); break; }
                }
            }
            p = augEnd;
        }
        e.CieInstructions = p;
        e.CieInstructionsEnd = cieEnd;

        p = fde + 8;
        e.Start = ReadEncoded(ref p, fdeEncoding);
        e.End = e.Start + ReadEncoded(ref p, (byte)(fdeEncoding & 0x0F));
        if (augmentation[0] == (byte)'z')
        {
            ulong augLength = Leb.ReadUnsigned(ref p);
            byte* augEnd = p + augLength;
            if (lsdaEncoding != 0xFF && augLength > 0) e.Lsda = (byte*)ReadEncoded(ref p, lsdaEncoding);
            p = augEnd;
        }
        e.Instructions = p;
        e.InstructionsEnd = fdeEnd;
        return true;
    }

    /// <summary>Reads a DW_EH_PE-encoded pointer.</summary>
    public static ulong ReadEncoded(ref byte* p, byte encoding)
    {
        if (encoding == 0xFF) return 0;
        byte* origin = p;
        ulong value = (encoding & 0x0F) switch
        {
            0x00 => *(ulong*)p,
            0x01 => Leb.ReadUnsigned(ref p),
            0x02 => *(ushort*)p,
            0x03 => *(uint*)p,
            0x04 => *(ulong*)p,
            0x09 => (ulong)Leb.ReadSigned(ref p),
            0x0A => (ulong)(long)*(short*)p,
            0x0B => (ulong)(long)*(int*)p,
            0x0C => *(ulong*)p,
            _ => 0,
        };
        switch (encoding & 0x0F)
        {
            case 0x00: case 0x04: case 0x0C: p += 8; break;
            case 0x02: case 0x0A: p += 2; break;
            case 0x03: case 0x0B: p += 4; break;
        }
        if ((encoding & 0x70) == 0x10) value += (ulong)origin;
        if ((encoding & 0x80) != 0) value = *(ulong*)value;
        return value;
    }
}

/// <summary>LEB128 readers for DWARF.</summary>
internal static unsafe class Leb
{
    public static ulong ReadUnsigned(ref byte* p)
    {
        ulong result = 0;
        int shift = 0;
        byte b;
        do { b = *p++; if (shift < 64) result |= (ulong)(b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0);
        return result;
    }

    public static long ReadSigned(ref byte* p)
    {
        long result = 0;
        int shift = 0;
        byte b;
        do { b = *p++; if (shift < 64) result |= (long)(b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
        return result;
    }
}
